package org.openmineral.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.credit.CreditProblems.CreditLimitExceeded;
import org.openmineral.credit.CreditProblems.DealRefReused;
import org.openmineral.credit.CreditProblems.NoCreditLimit;
import org.openmineral.credit.CreditProblems.NotFound;
import org.openmineral.domain.credit.CreditCheck;
import org.openmineral.domain.credit.CreditHeadroom;
import org.openmineral.domain.credit.CreditLimit;
import org.openmineral.domain.credit.CreditUtilisation;
import org.openmineral.domain.credit.OpenInvoice;
import org.openmineral.domain.credit.PendingDeal;
import org.openmineral.domain.units.Money;
import org.openmineral.platform.redis.CounterpartyLocks;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credit headroom of counterparties and the reservations against it.
 *
 * <pre>
 * utilisation = open invoices in the limit's currency (balance less payments, if positive)
 *               that the counterparty owes: all but those of deals we bought from it
 *             + active reservations (pending deals, counted)
 * headroom    = limit (zero once expired) - utilisation          (domain CreditHeadroom)
 * </pre>
 *
 * A reservation is "read utilisation, check the new amount against the headroom, insert" under the
 * counterparty's credit lock ({@link CounterpartyLocks}: a Redisson fair lock with Redis, a JVM
 * lock without), and the transaction commits before the lock is released, so two reservations for
 * the same counterparty, on any application instances, never both take the same headroom.
 */
@Service
public class CreditReservations {
  static final String LOCK = "credit";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CounterpartyLocks locks;
  private final DomainEvents events;
  private final Clock clock = Clock.systemUTC();

  CreditReservations(
      final JdbcTemplate jdbc,
      final PlatformTransactionManager transactionManager,
      final CounterpartyLocks locks,
      final DomainEvents events) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.locks = locks;
    this.events = events;
  }

  /** The reservation made (or found again for the same dealRef) and the headroom after it. */
  public record Reserved(CreditReservation reservation, CreditHeadroom after, boolean created) {}

  /** Invoices in a currency other than the limit's are not counted; they are listed here. */
  public record Credit(CreditHeadroom headroom, List<String> invoicesInOtherCurrencies) {}

  /** The counterparty's headroom today. */
  public Credit credit(final UUID counterpartyId) {
    return transactions.execute(status -> read(counterpartyId));
  }

  /**
   * Reserves {@code amount} for the deal {@code dealRef}, or returns the reservation already made
   * for it.
   *
   * @throws CreditLimitExceeded the amount does not fit the headroom
   */
  public Reserved reserve(
      final UUID counterpartyId,
      final BigDecimal amount,
      final String currency,
      final String dealRef,
      final String user) {
    final Reserved reserved =
        locks.locked(
            LOCK,
            counterpartyId,
            () ->
                transactions.execute(
                    status -> {
                      final Credit before = read(counterpartyId);
                      final Optional<CreditReservation> previous = find(counterpartyId, dealRef);
                      if (previous.isPresent()) {
                        final CreditReservation p = previous.get();
                        if (p.amount().compareTo(amount) != 0 || !p.currency().equals(currency)) {
                          throw new DealRefReused(dealRef);
                        }
                        return new Reserved(p, before.headroom(), false);
                      }
                      final CreditCheck check =
                          before.headroom().check(Money.of(amount, Currency.getInstance(currency)));
                      if (!check.fits()) {
                        throw new CreditLimitExceeded(counterpartyId.toString(), check);
                      }
                      final CreditReservation reservation =
                          new CreditReservation(
                              UUID.randomUUID(),
                              counterpartyId,
                              dealRef,
                              amount,
                              currency,
                              "ACTIVE",
                              clock.instant(),
                              user,
                              null,
                              null);
                      jdbc.update(
                          "insert into credit_reservation (id, counterparty_id, deal_ref, amount,"
                              + " currency, status, created_at, created_by) values (?, ?, ?, ?, ?,"
                              + " 'ACTIVE', ?, ?)",
                          reservation.id(),
                          counterpartyId,
                          dealRef,
                          amount,
                          currency,
                          Timestamp.from(reservation.createdAt()),
                          user);
                      return new Reserved(reservation, read(counterpartyId).headroom(), true);
                    }));
    if (reserved.created()) {
      events.publish(
          new DomainEvent(
              "credit.reserved", reserved.reservation().id().toString(), clock.instant()));
    }
    return reserved;
  }

  /** Releases a reservation (its deal was cancelled); releasing a released one changes nothing. */
  public CreditReservation release(
      final UUID counterpartyId, final UUID reservationId, final String user) {
    final CreditReservation[] released = new CreditReservation[1];
    final CreditReservation result =
        locks.locked(
            LOCK,
            counterpartyId,
            () ->
                transactions.execute(
                    status -> {
                      final CreditReservation found =
                          jdbc
                              .query(
                                  "select * from credit_reservation where id = ? and"
                                      + " counterparty_id = ?",
                                  CreditReservations::row,
                                  reservationId,
                                  counterpartyId)
                              .stream()
                              .findFirst()
                              .orElseThrow(
                                  () ->
                                      new NotFound(
                                          "No credit reservation "
                                              + reservationId
                                              + " for counterparty "
                                              + counterpartyId
                                              + "."));
                      if (!found.active()) {
                        return found;
                      }
                      final Instant now = clock.instant();
                      jdbc.update(
                          "update credit_reservation set status = 'RELEASED', released_at = ?,"
                              + " released_by = ? where id = ?",
                          Timestamp.from(now),
                          user,
                          reservationId);
                      released[0] =
                          new CreditReservation(
                              found.id(),
                              found.counterpartyId(),
                              found.dealRef(),
                              found.amount(),
                              found.currency(),
                              "RELEASED",
                              found.createdAt(),
                              found.createdBy(),
                              now,
                              user);
                      return released[0];
                    }));
    if (released[0] != null) {
      events.publish(new DomainEvent("credit.released", reservationId.toString(), clock.instant()));
    }
    return result;
  }

  private Credit read(final UUID counterpartyId) {
    final List<CreditLimit> limits =
        jdbc.query(
            "select credit_limit_amount, credit_limit_currency from counterparty where id = ?",
            (rs, n) ->
                rs.getBigDecimal(1) == null
                    ? null
                    : CreditLimit.of(
                        counterpartyId.toString(),
                        Money.of(rs.getBigDecimal(1), Currency.getInstance(rs.getString(2)))),
            counterpartyId);
    if (limits.isEmpty()) {
      throw new NotFound("No counterparty with id '" + counterpartyId + "'.");
    }
    final CreditLimit limit = limits.get(0);
    if (limit == null) {
      throw new NoCreditLimit(counterpartyId.toString());
    }
    final Currency currency = limit.amount().currency();
    final List<OpenInvoice> invoices = new ArrayList<>();
    final List<String> otherCurrencies = new ArrayList<>();
    // the counterparty's open invoices alone (V19: outstanding, kept from the payments by triggers,
    // and the partial index invoice_open_by_counterparty), so a credit check reads what is open
    // rather than every invoice and payment of the counterparty's history
    jdbc.query(
        """
        select i.id, i.currency, i.outstanding
        from invoice i
        where i.counterparty_id = ? and i.outstanding > 0
          and not exists (
            select 1 from deal d
            where d.id = case when i.deal_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                              then i.deal_id::uuid end
              and d.direction = 'BUY')
        order by i.id
        """,
        rs -> {
          if (currency.getCurrencyCode().equals(rs.getString("currency"))) {
            invoices.add(
                new OpenInvoice(
                    rs.getString("id"), Money.of(rs.getBigDecimal("outstanding"), currency)));
          } else {
            otherCurrencies.add(rs.getString("id"));
          }
        },
        counterpartyId.toString());
    final List<PendingDeal> reservations =
        jdbc.query(
            "select deal_ref, amount, currency from credit_reservation where counterparty_id = ?"
                + " and status = 'ACTIVE' order by created_at, id",
            (rs, n) ->
                new PendingDeal(
                    rs.getString(1),
                    Money.of(rs.getBigDecimal(2), Currency.getInstance(rs.getString(3)))),
            counterpartyId);
    final CreditUtilisation utilisation =
        CreditUtilisation.of(currency, invoices, List.of(), reservations, true);
    return new Credit(
        CreditHeadroom.of(limit, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), utilisation),
        List.copyOf(otherCurrencies));
  }

  private Optional<CreditReservation> find(final UUID counterpartyId, final String dealRef) {
    return jdbc
        .query(
            "select * from credit_reservation where counterparty_id = ? and deal_ref = ?",
            CreditReservations::row,
            counterpartyId,
            dealRef)
        .stream()
        .findFirst();
  }

  private static CreditReservation row(final ResultSet rs, final int n) throws SQLException {
    final Timestamp released = rs.getTimestamp("released_at");
    return new CreditReservation(
        rs.getObject("id", UUID.class),
        rs.getObject("counterparty_id", UUID.class),
        rs.getString("deal_ref"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getString("status"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        released == null ? null : released.toInstant(),
        rs.getString("released_by"));
  }
}
