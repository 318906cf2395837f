package org.openmineral.domain.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The trade report of exchange-traded hedges in the shape of an EMIR (REFIT) derivative report: one
 * row per hedge with the fields a trade repository requires for a commodity future, and the
 * mandatory fields checked before anything is exported. The field names follow the regulatory
 * technical standards' table 2 (counterparty 1 and 2, direction, UTI, venue, asset class, contract
 * type, base and sub product, price, quantity, notional, execution timestamp, action and event
 * type).
 *
 * <p>Pure: the caller supplies the hedge with its execution (price, time, the clearing broker) and
 * the reporting entity's LEI; rows that miss a mandatory field come back as {@link Issue}s naming
 * the field, never as half-filled rows.
 */
public final class HedgeTradeReport {
  /** Venues (ISO 10383 MIC) of the exchanges hedges are booked on. */
  static final Map<String, String> VENUES =
      Map.of("LME", "XLME", "COMEX", "XCEC", "SHFE", "XSGE", "CME", "XCME");

  /** Metals reported under the sub product precious metals (PRME); others are NPRM. */
  static final Set<String> PRECIOUS = Set.of("Au", "Ag", "Pt", "Pd");

  private HedgeTradeReport() {}

  /** A hedge as booked, with its execution when one was recorded. */
  public record Hedge(
      String hedgeId,
      String dealId,
      String metal,
      String exchange,
      String contract,
      long lots,
      BigDecimal lotSize,
      String direction,
      Instant bookedAt,
      Execution execution) {}

  /** The fill the broker confirmed. */
  public record Execution(
      BigDecimal price, String currency, Instant executedAt, String brokerLei) {}

  /** One reportable trade. */
  public record Row(
      String uti,
      String counterparty1,
      String counterparty2,
      String direction,
      String assetClass,
      String contractType,
      String venueOfExecution,
      String baseProduct,
      String subProduct,
      String contract,
      BigDecimal price,
      String priceCurrency,
      long quantity,
      BigDecimal notionalQuantity,
      String quantityUnit,
      BigDecimal notionalAmount,
      String notionalCurrency,
      Instant executionTimestamp,
      String actionType,
      String eventType,
      String hedgeId,
      String dealId) {}

  /** A mandatory field a hedge cannot fill, and why. */
  public record Issue(String hedgeId, String field, String reason) {}

  /** The report: the rows that are complete and the issues of those that are not. */
  public record Result(List<Row> rows, List<Issue> issues) {
    public boolean valid() {
      return issues.isEmpty();
    }
  }

  /**
   * Builds the report of {@code hedges} for the reporting entity {@code reportingLei}.
   *
   * @param reportingLei the LEI of the entity reporting (counterparty 1)
   */
  public static Result of(final String reportingLei, final List<Hedge> hedges) {
    final List<Row> rows = new ArrayList<>();
    final List<Issue> issues = new ArrayList<>();
    for (final Hedge hedge : hedges) {
      final List<Issue> own = new ArrayList<>();
      Lei.problem(reportingLei)
          .ifPresent(
              p ->
                  own.add(
                      new Issue(
                          hedge.hedgeId(),
                          "counterparty1",
                          "the reporting entity's LEI (openmineral.reporting.lei) is " + p)));
      final String venue =
          hedge.exchange() == null
              ? null
              : VENUES.get(hedge.exchange().trim().toUpperCase(Locale.ROOT));
      if (venue == null) {
        own.add(
            new Issue(
                hedge.hedgeId(),
                "venueOfExecution",
                "no market identifier code known for exchange '" + hedge.exchange() + "'"));
      }
      final String direction =
          switch (hedge.direction() == null ? "" : hedge.direction()) {
            case "BUY" -> "BYER";
            case "SELL" -> "SLLR";
            default -> null;
          };
      if (direction == null) {
        own.add(new Issue(hedge.hedgeId(), "direction", "must be BUY or SELL"));
      }
      final Execution execution = hedge.execution();
      if (execution == null) {
        for (final String field :
            List.of("price", "executionTimestamp", "counterparty2", "priceCurrency")) {
          own.add(new Issue(hedge.hedgeId(), field, "no execution recorded for the hedge"));
        }
      } else {
        if (execution.price() == null || execution.price().signum() <= 0) {
          own.add(new Issue(hedge.hedgeId(), "price", "must be a positive price"));
        }
        if (execution.currency() == null || !execution.currency().matches("[A-Z]{3}")) {
          own.add(new Issue(hedge.hedgeId(), "priceCurrency", "must be an ISO 4217 code"));
        }
        if (execution.executedAt() == null) {
          own.add(new Issue(hedge.hedgeId(), "executionTimestamp", "missing"));
        }
        Lei.problem(execution.brokerLei())
            .ifPresent(
                p ->
                    own.add(
                        new Issue(hedge.hedgeId(), "counterparty2", "the broker's LEI is " + p)));
      }
      if (hedge.lots() <= 0 || hedge.lotSize() == null || hedge.lotSize().signum() <= 0) {
        own.add(new Issue(hedge.hedgeId(), "quantity", "lots and lot size must be positive"));
      }
      if (!own.isEmpty()) {
        issues.addAll(own);
        continue;
      }
      final String lei = reportingLei.trim().toUpperCase(Locale.ROOT);
      final boolean precious = PRECIOUS.contains(hedge.metal());
      final BigDecimal notionalQuantity =
          hedge.lotSize().multiply(BigDecimal.valueOf(hedge.lots()));
      rows.add(
          new Row(
              uti(lei, hedge.hedgeId()),
              lei,
              execution.brokerLei().trim().toUpperCase(Locale.ROOT),
              direction,
              "COMM",
              "FUTR",
              venue,
              "METL",
              precious ? "PRME" : "NPRM",
              hedge.contract(),
              execution.price(),
              execution.currency(),
              hedge.lots(),
              notionalQuantity,
              precious ? "TOZT" : "TONS",
              notionalQuantity.multiply(execution.price()).setScale(2, RoundingMode.HALF_UP),
              execution.currency(),
              execution.executedAt(),
              "NEWT",
              "TRAD",
              hedge.hedgeId(),
              hedge.dealId()));
    }
    return new Result(List.copyOf(rows), List.copyOf(issues));
  }

  /**
   * The unique trade identifier the reporting entity generates: its LEI followed by the hedge's id
   * without separators, upper case, at most 52 characters.
   */
  static String uti(final String lei, final String hedgeId) {
    final String id = hedgeId.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    final String uti = lei + id;
    return uti.length() > 52 ? uti.substring(0, 52) : uti;
  }
}
