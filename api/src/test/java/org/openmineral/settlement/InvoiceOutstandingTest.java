package org.openmineral.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmineral.ServicePostgres;

/**
 * The invoice's {@code outstanding} (migration V19), on the PostgreSQL service in a database of its
 * own: filled in from the payments already recorded when the migration runs, then kept by triggers,
 * including for two payments of one invoice committed at the same time.
 */
class InvoiceOutstandingTest {
  static final String DATABASE = "openmineral_invoice_outstanding_" + ProcessHandle.current().pid();

  static UUID paidBeforeTheMigration;
  static UUID partPaidBeforeTheMigration;

  @BeforeAll
  static void migrateADatabaseThatAlreadyHasPayments() throws Exception {
    ServicePostgres.recreate(DATABASE);
    flyway("18").migrate();
    try (Connection connection = connect()) {
      paidBeforeTheMigration = invoice(connection, "1000.00");
      payment(connection, paidBeforeTheMigration, "1000.00");
      partPaidBeforeTheMigration = invoice(connection, "1000.00");
      payment(connection, partPaidBeforeTheMigration, "250.00");
      payment(connection, partPaidBeforeTheMigration, "100.00");
    }
    flyway("latest").migrate();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    ServicePostgres.drop(DATABASE);
  }

  @Test
  void theMigrationFillsInWhatThePaymentsRecordedBeforeItLeftOpen() throws Exception {
    try (Connection connection = connect()) {
      assertThat(outstanding(connection, paidBeforeTheMigration)).isEqualByComparingTo("0.00");
      assertThat(outstanding(connection, partPaidBeforeTheMigration))
          .isEqualByComparingTo("650.00");
    }
  }

  @Test
  void paymentsAndBalanceChangesMoveItAndNothingElseSetsIt() throws Exception {
    try (Connection connection = connect()) {
      final UUID invoice = invoice(connection, "1000.00");
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("1000.00");

      final UUID first = payment(connection, invoice, "300.00");
      payment(connection, invoice, "200.00");
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("500.00");

      update(connection, "update payment set amount = 250.00 where id = ?", first);
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("550.00");
      update(connection, "delete from payment where id = ?", first);
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("800.00");

      // a balance corrected by 100 moves what is open by 100
      update(connection, "update invoice set balance = balance + 100 where id = ?", invoice);
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("900.00");

      // a direct write is overruled by the payments: what is open stays balance less payments
      update(connection, "update invoice set outstanding = 0 where id = ?", invoice);
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("900.00");
      // and an invoice booked with the amount given is booked with its balance
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency,"
                  + " balance, lines, process_instance_key, created_by_job_key, created_at,"
                  + " outstanding) values (?, 'deal-1', 'lot-1', 'cp-1', 'FINAL', 70.00, 'USD',"
                  + " 70.00, '[]', 1, ?, now(), 0)")) {
        final UUID booked = UUID.randomUUID();
        insert.setObject(1, booked);
        insert.setLong(2, System.nanoTime());
        insert.executeUpdate();
        assertThat(outstanding(connection, booked)).isEqualByComparingTo("70.00");
      }
    }
  }

  @Test
  void twoPaymentsOfOneInvoiceCommittedAtTheSameTimeBothCount() throws Exception {
    final UUID invoice;
    try (Connection connection = connect()) {
      invoice = invoice(connection, "1000.00");
    }
    try (Connection first = connect();
        Connection second = connect()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      // the first payment's transaction holds the invoice's row until it commits
      payment(first, invoice, "400.00");
      final CompletableFuture<UUID> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  final UUID id = payment(second, invoice, "350.00");
                  second.commit();
                  return id;
                } catch (final SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      // the second has read the invoice before the first commits, and waits for its row
      awaitALockWait();
      first.commit();
      waiting.get(30, TimeUnit.SECONDS);
    }
    try (Connection connection = connect()) {
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("250.00");
    }
  }

  @Test
  void anOverpaidInvoiceIsNotOpen() throws Exception {
    try (Connection connection = connect()) {
      final UUID invoice = invoice(connection, "500.00");
      payment(connection, invoice, "600.00");
      assertThat(outstanding(connection, invoice)).isEqualByComparingTo("-100.00");
      try (PreparedStatement open =
          connection.prepareStatement(
              "select count(*) from invoice where id = ? and outstanding > 0")) {
        open.setObject(1, invoice);
        try (ResultSet rs = open.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isZero();
        }
      }
    }
  }

  /** Waits until a session of the test's database waits for a lock. */
  private static void awaitALockWait() throws Exception {
    try (Connection observer = connect()) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(6))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                try (Statement statement = observer.createStatement();
                    ResultSet rs =
                        statement.executeQuery(
                            "select count(*) from pg_stat_activity where datname = '"
                                + DATABASE
                                + "' and wait_event_type = 'Lock'")) {
                  rs.next();
                  return rs.getInt(1) > 0;
                }
              });
    }
  }

  private static Flyway flyway(final String target) {
    return Flyway.configure()
        .dataSource(ServicePostgres.url(DATABASE), ServicePostgres.USER, "")
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  private static Connection connect() throws SQLException {
    return ServicePostgres.connect(DATABASE);
  }

  private static UUID invoice(final Connection connection, final String balance)
      throws SQLException {
    final UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into invoice (id, deal_id, lot_id, counterparty_id, kind, amount, currency,"
                + " balance, lines, process_instance_key, created_by_job_key, created_at)"
                + " values (?, 'deal-1', 'lot-1', 'cp-1', 'PROVISIONAL', ?, 'USD', ?, '[]', 1, ?,"
                + " now())")) {
      insert.setObject(1, id);
      insert.setBigDecimal(2, new BigDecimal(balance));
      insert.setBigDecimal(3, new BigDecimal(balance));
      insert.setLong(4, System.nanoTime());
      insert.executeUpdate();
    }
    return id;
  }

  private static UUID payment(final Connection connection, final UUID invoice, final String amount)
      throws SQLException {
    final UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into payment (id, invoice_id, amount, message_id, job_key, received_at)"
                + " values (?, ?, ?, ?, 1, now())")) {
      insert.setObject(1, id);
      insert.setObject(2, invoice);
      insert.setBigDecimal(3, new BigDecimal(amount));
      insert.setString(4, "payment:" + id);
      insert.executeUpdate();
    }
    return id;
  }

  private static void update(final Connection connection, final String sql, final UUID id)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, id);
      update.executeUpdate();
    }
  }

  private static BigDecimal outstanding(final Connection connection, final UUID invoice)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select outstanding from invoice where id = ?")) {
      select.setObject(1, invoice);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBigDecimal(1);
      }
    }
  }
}
