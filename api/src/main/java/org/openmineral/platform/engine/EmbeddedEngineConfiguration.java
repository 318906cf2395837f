package org.openmineral.platform.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.engine.feed.RecordHandler;
import org.openmineral.platform.redis.DomainEvents;
import org.openmineral.task.EmbeddedUserTaskCommands;
import org.openmineral.task.EmbeddedUserTaskQueries;
import org.openmineral.task.TaskEvents;
import org.openmineral.task.UserTaskCommands;
import org.openmineral.task.UserTaskProjection;
import org.openmineral.task.UserTaskQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded engine, started before the Camunda client that talks to it. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedEngineMode.class)
public class EmbeddedEngineConfiguration {
  static final String ENGINE_BEAN = "embeddedEngine";

  @Bean(name = ENGINE_BEAN, destroyMethod = "close")
  EmbeddedEngine embeddedEngine(
      final EngineProperties properties,
      final Environment environment,
      final ObjectProvider<MeterRegistry> meterRegistry) {
    final Path dataDir =
        properties.dataDirectory() != null
            ? properties.dataDirectory()
            : Path.of(environment.getProperty("openmineral.data-dir", "data")).resolve("engine");
    final int port =
        environment.getRequiredProperty(EngineModeEnvironment.RESOLVED_PORT, Integer.class);
    final EngineSettings settings =
        new EngineSettings(
            dataDir,
            port,
            properties.flushMode(),
            properties.checkpointInterval(),
            properties.checkpointsKept(),
            4,
            64L << 20);
    // Zeebe's stream-processor and log meters and the engine's positions, in /actuator/prometheus.
    return EmbeddedEngine.start(settings, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  UserTaskCommands embeddedUserTaskCommands(
      final EmbeddedEngine engine, final com.fasterxml.jackson.databind.ObjectMapper json) {
    return new EmbeddedUserTaskCommands(engine, json);
  }

  @Bean
  UserTaskProjection userTaskProjection(
      final JdbcTemplate jdbc, final PlatformTransactionManager transactions) {
    return new UserTaskProjection(
        jdbc, new TransactionTemplate(transactions), UserTaskProjection.NAME);
  }

  /**
   * Feeds the projection from where it stopped, then announces each task change (for the web app's
   * live updates); closed before the engine.
   */
  @Bean(destroyMethod = "close")
  FeedSubscription userTaskFeed(
      final EmbeddedEngine engine, final UserTaskProjection projection, final DomainEvents events) {
    return engine
        .recordFeed()
        .subscribe(
            UserTaskProjection.NAME,
            projection.position(),
            new RecordHandler() {
              @Override
              public void onRecord(final Record<?> record) {
                onRecords(List.of(record));
              }

              @Override
              public void onRecords(final List<Record<?>> records) {
                projection.applyAll(records);
                records.forEach(record -> TaskEvents.of(record).ifPresent(events::publish));
              }

              @Override
              public boolean handles(
                  final RecordType recordType, final ValueType valueType, final Intent intent) {
                return UserTaskProjection.uses(recordType, valueType, intent);
              }
            });
  }

  @Bean
  UserTaskQueries embeddedUserTaskQueries(
      final JdbcTemplate jdbc,
      final com.fasterxml.jackson.databind.ObjectMapper json,
      final FeedSubscription userTaskFeed) {
    return new EmbeddedUserTaskQueries(jdbc, json, userTaskFeed);
  }

  /** The client and everything using it wait for the engine to be up. */
  @Bean
  static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
    return beanFactory -> {
      for (final String name :
          new String[] {"camundaClientConfiguration", "camundaClient", "zeebeClient"}) {
        if (beanFactory.containsBeanDefinition(name)) {
          final BeanDefinition definition = beanFactory.getBeanDefinition(name);
          final String[] existing = definition.getDependsOn();
          final String[] dependsOn =
              existing == null
                  ? new String[1]
                  : java.util.Arrays.copyOf(existing, existing.length + 1);
          dependsOn[dependsOn.length - 1] = ENGINE_BEAN;
          definition.setDependsOn(dependsOn);
        }
      }
    };
  }
}
