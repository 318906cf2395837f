package org.openmineral.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import javax.sql.DataSource;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.platform.engine.EmbeddedEngineMode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log's reader in every mode; its projection of the record feed in embedded mode. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

  @Bean
  AuditVerifier auditVerifier(
      final DataSource dataSource, final PlatformTransactionManager transactions) {
    return new AuditVerifier(dataSource, transactions);
  }

  @Bean
  AuditArchive auditArchive(
      final JdbcTemplate jdbc,
      final PlatformTransactionManager transactions,
      final AuditProperties properties) {
    return new AuditArchive(
        jdbc, new TransactionTemplate(transactions), properties, Clock.systemUTC());
  }

  @Bean
  AuditReport auditReport(
      final InstanceHistory history, final AuditVerifier verifier, final JdbcTemplate jdbc) {
    return new AuditReport(history, verifier, jdbc, Clock.systemUTC());
  }

  @Bean
  InstanceHistory instanceHistory(final DataSource dataSource, final ObjectMapper json) {
    return new InstanceHistory(new JdbcTemplate(dataSource), json);
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(EmbeddedEngineMode.class)
  static class Embedded {
    @Bean
    AuditLog auditLog(final DataSource dataSource, final PlatformTransactionManager transactions) {
      return new AuditLog(dataSource, new TransactionTemplate(transactions));
    }

    /** Feeds the audit log from where it stopped; closed before the engine. */
    @Bean(destroyMethod = "close")
    AuditFeed auditFeed(final EmbeddedEngine engine, final AuditLog log) {
      return new AuditFeed(engine.recordFeed().subscribe(AuditLog.NAME, log.position(), log));
    }
  }

  /** The audit log's feed subscription (not a {@link FeedSubscription} bean of its own type). */
  record AuditFeed(FeedSubscription subscription) implements AutoCloseable {
    @Override
    public void close() {
      subscription.close();
    }
  }
}
