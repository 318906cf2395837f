package org.openmineral.platform.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deploys every model, decision and form at start-up, in one deployment so forms linked from user
 * tasks arrive with their processes. The engine keeps the version of any resource whose content is
 * unchanged, so restarting deploys nothing new; each definition is recorded in {@code
 * deployed_resource}. A rejected resource stops the start with the engine's reason.
 */
@Component
public class ResourceDeployer implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceDeployer.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final CamundaClient client;
  private final DeploymentProperties properties;
  private final JdbcTemplate jdbc;

  public ResourceDeployer(
      final CamundaClient client, final DeploymentProperties properties, final JdbcTemplate jdbc) {
    this.client = client;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  public void run(final ApplicationArguments args) {
    deploy();
  }

  /** Deploys what the configured locations hold; returns the deployment, or null if none. */
  public DeploymentEvent deploy() {
    final Map<String, byte[]> resources = collect();
    if (resources.isEmpty()) {
      LOG.info(
          "No models, decisions or forms found at {}: nothing deployed.", properties.locations());
      return null;
    }
    DeployResourceCommandStep2 command = null;
    for (final Map.Entry<String, byte[]> resource : resources.entrySet()) {
      command =
          command == null
              ? client
                  .newDeployResourceCommand()
                  .addResourceBytes(resource.getValue(), resource.getKey())
              : command.addResourceBytes(resource.getValue(), resource.getKey());
    }
    final DeploymentEvent deployment;
    try {
      deployment = command.requestTimeout(TIMEOUT).send().join();
    } catch (final RuntimeException e) {
      throw new IllegalStateException(
          "The engine rejected the deployment of " + resources.keySet() + ": " + e.getMessage(), e);
    }
    record(deployment, resources);
    LOG.info(
        "Deployed {} resources: {} processes, {} decisions, {} forms (unchanged ones keep their version).",
        resources.size(),
        deployment.getProcesses().size(),
        deployment.getDecisions().size(),
        deployment.getForm().size());
    return deployment;
  }

  private Map<String, byte[]> collect() {
    final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    final Map<String, byte[]> byName = new LinkedHashMap<>();
    for (final String location : properties.locations()) {
      try {
        for (final Resource resource : resolver.getResources(location)) {
          final String name = resource.getFilename();
          if (name == null || !resource.isReadable()) {
            continue;
          }
          final byte[] content = resource.getContentAsByteArray();
          final byte[] previous = byName.putIfAbsent(name, content);
          if (previous != null && !java.util.Arrays.equals(previous, content)) {
            throw new IllegalStateException(
                "Two different resources are named "
                    + name
                    + " ("
                    + location
                    + "): names must be unique.");
          }
        }
      } catch (final IOException e) {
        throw new UncheckedIOException("cannot read deployment resources at " + location, e);
      }
    }
    return byName;
  }

  private void record(final DeploymentEvent deployment, final Map<String, byte[]> resources) {
    final List<Object[]> rows = new ArrayList<>();
    deployment
        .getProcesses()
        .forEach(
            p ->
                rows.add(
                    row(
                        p.getResourceName(),
                        "PROCESS",
                        p.getBpmnProcessId(),
                        p.getVersion(),
                        p.getProcessDefinitionKey(),
                        resources)));
    final Map<Long, String> decisionResources = new java.util.HashMap<>();
    deployment
        .getDecisionRequirements()
        .forEach(r -> decisionResources.put(r.getDecisionRequirementsKey(), r.getResourceName()));
    deployment
        .getDecisions()
        .forEach(
            d ->
                rows.add(
                    row(
                        decisionResources.get(d.getDecisionRequirementsKey()),
                        "DECISION",
                        d.getDmnDecisionId(),
                        d.getVersion(),
                        d.getDecisionKey(),
                        resources)));
    deployment
        .getForm()
        .forEach(
            f ->
                rows.add(
                    row(
                        f.getResourceName(),
                        "FORM",
                        f.getFormId(),
                        f.getVersion(),
                        f.getFormKey(),
                        resources)));
    jdbc.batchUpdate(
        """
        insert into deployed_resource
          (resource_name, resource_type, resource_id, version, definition_key, checksum_sha256)
        values (?, ?, ?, ?, ?, ?)
        on conflict (definition_key) do nothing
        """,
        rows);
  }

  private static Object[] row(
      final String resourceName,
      final String type,
      final String id,
      final int version,
      final long key,
      final Map<String, byte[]> resources) {
    return new Object[] {resourceName, type, id, version, key, sha256(resources.get(resourceName))};
  }

  private static String sha256(final byte[] content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(content == null ? new byte[0] : content));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
