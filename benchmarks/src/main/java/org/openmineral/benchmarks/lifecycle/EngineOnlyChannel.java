package org.openmineral.benchmarks.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;

/**
 * Baseline B: the embedded engine alone (no Spring, no PostgreSQL, no projection) with the real
 * models of the repository deployed and a no-op job worker for every job type they name. The no-op
 * workers answer with the variables the gateways read on the happy path and nothing else; the
 * contract agent escalates as the real one does without a model, and the QP-price job publishes
 * {@code qp-priced} as the real one does. Messages and user-task completions carry the variables
 * the API would send.
 */
final class EngineOnlyChannel implements DealChannel {
  private static final Pattern JOB_TYPE = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"");
  private static final Duration MESSAGE_TTL = Duration.ofDays(30);

  private final EmbeddedEngine engine;
  private final CamundaClient client;
  private final Path data;
  private final List<JobWorker> workers = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private final String counterpartyId = UUID.randomUUID().toString();

  EngineOnlyChannel(final Path root) throws IOException {
    data = Files.createTempDirectory("openmineral-lifecycle-baseline-");
    engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
    final URI address = URI.create(engine.grpcAddress());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(address)
            .preferRestOverGrpc(false)
            .applyEnvironmentVariableOverrides(false)
            .defaultJobWorkerStreamEnabled(true)
            .build();
    final TreeSet<String> jobTypes = new TreeSet<>();
    DeployResourceCommandStep2 deploy = null;
    for (final Path model : models(root)) {
      final String text = Files.readString(model);
      final Matcher m = JOB_TYPE.matcher(text);
      while (m.find()) {
        jobTypes.add(m.group(1));
      }
      deploy =
          deploy == null
              ? client.newDeployResourceCommand().addResourceFile(model.toString())
              : deploy.addResourceFile(model.toString());
    }
    if (deploy == null) {
      throw new IllegalStateException("no models under " + root.resolve("bpmn"));
    }
    deploy.send().join();
    for (final String type : jobTypes) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler(this::noOp)
              .streamEnabled(true)
              .name("no-op-" + type)
              .open());
    }
  }

  EmbeddedEngine engine() {
    return engine;
  }

  int jobTypes() {
    return workers.size();
  }

  private static List<Path> models(final Path root) throws IOException {
    final List<Path> models = new ArrayList<>();
    for (final String dir : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(root.resolve(dir))) {
        files
            .filter(
                f ->
                    f.toString().endsWith(".bpmn")
                        || f.toString().endsWith(".dmn")
                        || f.toString().endsWith(".form"))
            .sorted()
            .forEach(models::add);
      }
    }
    return models;
  }

  /** Completes the job with what its gateways need on the happy path. */
  private void noOp(final JobClient jobs, final ActivatedJob job) {
    final Map<String, Object> out = new LinkedHashMap<>();
    switch (job.getType()) {
      case "deal.check-kyc" -> {
        out.put("kycStatus", "APPROVED");
        out.put("kycRating", "LOW");
      }
      case "risk.score" -> out.put("riskScore", new BigDecimal("18.50"));
      case "credit.check" -> {
        out.put("creditReserved", true);
        out.put("creditUtilisation", new BigDecimal("0.10"));
        out.put("creditHeadroom", new BigDecimal("9000000.00"));
      }
      case "agent.draft-contract" -> {
        jobs.newThrowErrorCommand(job)
            .errorCode("ESCALATE")
            .errorMessage("no model configured")
            .variables(Map.of("contractEscalationReason", "no model configured"))
            .send();
        return;
      }
      case "hedge.exposure" -> {
        final Object quantity = job.getVariablesAsMap().get("payableQuantity");
        out.put("exposure", quantity);
        out.put("exposureWhenPriced", quantity);
        out.put("unpricedQuantity", 0);
      }
      case "hedge.suggest" -> {
        out.put("hedgeSide", "SELL");
        out.put("suggestedLots", 6);
        out.put("lotSize", 25);
      }
      case "hedge.record" -> {
        out.put("hedgeId", UUID.randomUUID().toString());
        out.put("hedgeLots", 6);
      }
      case "hedge.fix-qp-roll" -> {
        final Map<String, Object> v = job.getVariablesAsMap();
        final Map<?, ?> pricing = (Map<?, ?>) v.get("pricing");
        final Object last =
            pricing.containsKey("lastDay") ? pricing.get("lastDay") : pricing.get("fixedOn");
        out.put(
            "qpFullyPriced",
            !LocalDate.parse(String.valueOf(v.get("fixingDate")))
                .isBefore(LocalDate.parse(String.valueOf(last))));
      }
      case "deal.fix-qp-prices" -> {
        final Map<String, Object> v = job.getVariablesAsMap();
        final Map<String, Object> prices = Map.of("Cu", Map.of("value", 9000, "unit", "USD_PER_T"));
        client
            .newPublishMessageCommand()
            .messageName("qp-priced")
            .correlationKey(String.valueOf(v.get("dealId")))
            .messageId("qp-priced:" + v.get("dealId"))
            .timeToLive(MESSAGE_TTL)
            .variables(Map.of("finalPrices", prices))
            .send()
            .join();
        out.put("finalPrices", prices);
      }
      case "settlement.provisional-invoice" -> {
        out.put("provisionalInvoiceId", UUID.randomUUID().toString());
        out.put("provisionalAmount", new BigDecimal("1350000.00"));
      }
      case "settlement.exchange-assays" -> out.put("assaysSettled", true);
      case "settlement.final-invoice" -> {
        out.put("finalInvoiceId", UUID.randomUUID().toString());
        out.put("balance", new BigDecimal("150000.00"));
        out.put("balanceDirection", "BUYER_PAYS");
      }
      case "settlement.match-payment" -> {
        out.put("paidTotal", job.getVariablesAsMap().get("amountDue"));
        out.put("outstanding", BigDecimal.ZERO);
        out.put("paymentOutcome", "PAID_IN_FULL");
      }
      default -> {}
    }
    jobs.newCompleteCommand(job).variables(out).send();
  }

  @Override
  public String capture(final int n) {
    final String dealId = UUID.randomUUID().toString();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(LifecycleDriver.PROCESS)
        .latestVersion()
        .variables(LifecycleDeals.startVariables(dealId, counterpartyId, today()))
        .send()
        .join();
    return dealId;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(engine.currentTime(), ZoneOffset.UTC);
  }

  @Override
  public void completeTask(
      final long taskKey,
      final String elementId,
      final List<String> candidateGroups,
      final String dealId)
      throws Exception {
    final Map<String, Object> variables =
        new LinkedHashMap<>(LifecycleDeals.taskVariables(elementId));
    if (elementId.equals("approve-deal")) {
      // the task API sets who approved (four eyes); here the second trader does
      variables.put("approvedBy", "trader2");
    }
    engine.userTasks().complete(taskKey, json.writeValueAsString(variables));
  }

  @Override
  public void event(
      final String dealId,
      final String event,
      final Map<String, Object> body,
      final String invoiceId) {
    final Object invoice = body.get("invoice");
    final String messageId = event + ":" + dealId + ":" + DealChannel.eventKey(body);
    final Map<String, Object> message = new LinkedHashMap<>(body);
    message.remove("invoice");
    message.put("actor", "operations");
    String name = event;
    String correlationKey = dealId;
    if (event.equals("assays-received")) {
      name = "assays-exchanged";
    } else if (event.equals("payment-received")) {
      if ("PROVISIONAL".equals(invoice)) {
        name = "provisional-payment-received";
      }
      correlationKey = invoiceId;
      message.put("paymentId", messageId);
      message.put("paymentAmount", body.get("amount"));
    }
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(correlationKey)
        .messageId(messageId)
        .timeToLive(MESSAGE_TTL)
        .variables(message)
        .send()
        .join();
  }

  @Override
  public void close() throws Exception {
    workers.forEach(JobWorker::close);
    client.close();
    engine.close();
    try (Stream<Path> paths = Files.walk(data)) {
      for (final Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
