package org.openmineral.hedging;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.openmineral.workers.hedging.HedgeBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers' {@link HedgeBook} on the database ({@code hedge}, {@code hedge_roll}). Every insert
 * is keyed by its job ({@code on conflict do nothing}), so a redelivered job, even one delivered
 * while the first delivery is still running, writes once.
 */
@Component
public class HedgeStore implements HedgeBook {
  private static final Logger LOG = LoggerFactory.getLogger(HedgeStore.class);

  private final JdbcTemplate jdbc;
  private final Clock clock = Clock.systemUTC();

  HedgeStore(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public String book(final HedgeBooking booking) {
    final UUID id = UUID.randomUUID();
    final int inserted =
        jdbc.update(
            """
            insert into hedge
              (id, deal_id, metal, exchange, contract, lots, lot_size, direction, status,
               process_instance_key, created_by_job_key, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
            on conflict (created_by_job_key) do nothing
            """,
            id,
            booking.dealId(),
            booking.metal(),
            booking.exchange(),
            booking.contract(),
            booking.lots(),
            booking.lotSize(),
            booking.direction(),
            booking.processInstanceKey(),
            booking.jobKey(),
            Timestamp.from(clock.instant()));
    if (inserted == 0) {
      LOG.info("Hedge of job {} already booked; nothing written.", booking.jobKey());
      return jdbc.queryForObject(
              "select id from hedge where created_by_job_key = ?", UUID.class, booking.jobKey())
          .toString();
    }
    return id.toString();
  }

  @Override
  @Transactional
  public long recordRoll(final RollFixing fixing) {
    final UUID hedgeId;
    try {
      hedgeId = UUID.fromString(fixing.hedgeId());
    } catch (final IllegalArgumentException e) {
      throw new UnknownHedge("hedgeId '" + fixing.hedgeId() + "' is not a hedge id (a UUID)");
    }
    final List<Long> lots =
        jdbc.queryForList("select lots from hedge where id = ? for update", Long.class, hedgeId);
    if (lots.isEmpty()) {
      throw new UnknownHedge("no hedge with id " + hedgeId);
    }
    final long already = fixedLots(hedgeId);
    final long delta = Math.min(fixing.lotsFixedTotal(), lots.getFirst()) - already;
    final Timestamp now = Timestamp.from(clock.instant());
    if (delta > 0) {
      final int inserted =
          jdbc.update(
              """
              insert into hedge_roll (hedge_id, fixing_date, lots_fixed, job_key, recorded_at)
              values (?, ?, ?, ?, ?)
              on conflict (job_key) do nothing
              """,
              hedgeId,
              Date.valueOf(fixing.fixingDate()),
              delta,
              fixing.jobKey(),
              now);
      if (inserted == 0) {
        LOG.info("Fixing of job {} already recorded; nothing written.", fixing.jobKey());
      }
    }
    if (fixing.complete()) {
      jdbc.update(
          "update hedge set status = 'CLOSED', closed_at = ? where id = ? and status = 'OPEN'",
          now,
          hedgeId);
    }
    return fixedLots(hedgeId);
  }

  private long fixedLots(final UUID hedgeId) {
    return jdbc.queryForObject(
        "select coalesce(sum(lots_fixed), 0) from hedge_roll where hedge_id = ?",
        Long.class,
        hedgeId);
  }
}
