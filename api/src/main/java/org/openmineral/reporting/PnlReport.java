package org.openmineral.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openmineral.domain.fx.FxRate;
import org.openmineral.domain.fx.FxRates;
import org.openmineral.domain.hedging.Direction;
import org.openmineral.domain.pnl.DealPnl;
import org.openmineral.domain.pnl.MarkToMarket;
import org.openmineral.domain.pnl.PayableMetal;
import org.openmineral.domain.pnl.PnlInputException;
import org.openmineral.domain.pnl.PnlLine;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.Money;
import org.openmineral.domain.units.Price;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.domain.units.Rounding;
import org.openmineral.marketdata.MarketPrices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Realised and unrealised P&L by deal (docs/reporting.md): the physical deal at its deal price
 * against its final invoice's price (realised) or the price store's mark (unrealised), and its
 * futures hedges at their fill against the price of the day their lots were closed out (realised)
 * or the mark (unrealised). The arithmetic is the domain's ({@link MarkToMarket}); this class reads
 * the deals, invoices, payments, hedges and prices behind it. A hedge filled in another currency
 * than USD has its fill converted into USD at the FX series of {@code fxSource} ({@link FxRates}:
 * the latest rate on or before the fill date), shown on its lines; without a rate it stays an
 * issue. Marks are always USD/t series, so no mark needs converting.
 */
@Component
class PnlReport {
  static final List<String> EXCLUDED_STATUSES = List.of("REJECTED", "CANCELLED");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final MarketPrices prices;

  PnlReport(final JdbcTemplate jdbc, final ObjectMapper json, final MarketPrices prices) {
    this.jdbc = jdbc;
    this.json = json;
    this.prices = prices;
  }

  /** Who asks and what they filter on; null filters take everything. */
  record Query(
      LocalDate from,
      LocalDate asOf,
      String desk,
      String metal,
      String counterpartyId,
      String market,
      String fxSource) {}

  record Row(
      String dealId,
      String counterpartyId,
      String counterpartyName,
      String metal,
      String direction,
      String status,
      String desk,
      BigDecimal finalInvoiced,
      BigDecimal paymentsMatched,
      String invoiceCurrency,
      BigDecimal realisedPhysical,
      BigDecimal realisedHedges,
      BigDecimal unrealisedPhysical,
      BigDecimal unrealisedHedges,
      BigDecimal realised,
      BigDecimal unrealised,
      BigDecimal total,
      String currency,
      List<PnlLine> lines) {}

  record MetalTotal(
      String metal, int deals, BigDecimal realised, BigDecimal unrealised, BigDecimal total) {}

  /** A figure that could not be computed, with the field of the deal or hedge it lacks. */
  record Issue(String dealId, String hedgeId, String field, String reason) {}

  record Report(
      LocalDate from,
      LocalDate asOf,
      String desk,
      String market,
      String fxSource,
      String currency,
      List<Row> rows,
      List<MetalTotal> totals,
      BigDecimal realised,
      BigDecimal unrealised,
      BigDecimal total,
      List<Issue> issues) {}

  private record Deal(
      String id,
      String counterpartyId,
      String counterpartyName,
      String metal,
      Direction direction,
      String status,
      String desk,
      BigDecimal quantity,
      boolean wet,
      BigDecimal moisturePct,
      String assays,
      String pricing,
      String terms) {}

  private record FinalInvoice(
      String id,
      String dealId,
      LocalDate issuedOn,
      BigDecimal amount,
      String currency,
      String lines) {}

  private record Hedge(
      String id,
      String dealId,
      long lots,
      BigDecimal lotSize,
      Direction direction,
      LocalDate closedOn,
      BigDecimal price,
      String currency,
      LocalDate executedOn) {}

  Report report(final Query query) {
    final Timestamp end =
        Timestamp.from(query.asOf().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    final List<Deal> deals = deals(query, end);
    final String[] ids = deals.stream().map(Deal::id).toArray(String[]::new);
    final Map<String, List<FinalInvoice>> invoices = finalInvoices(ids, end);
    final Map<String, BigDecimal> paid = payments(ids, end);
    final Map<String, List<Hedge>> hedges = hedges(ids, end);
    final Map<String, TreeMap<LocalDate, Long>> rolls = rolls(ids, query.asOf());
    final List<Issue> issues = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final Map<String, BigDecimal[]> byMetal = new TreeMap<>();
    final Map<String, Integer> dealsByMetal = new TreeMap<>();
    BigDecimal realised = money(BigDecimal.ZERO);
    BigDecimal unrealised = money(BigDecimal.ZERO);
    for (final Deal deal : deals) {
      final List<PnlLine> lines = new ArrayList<>();
      final List<FinalInvoice> settled = invoices.getOrDefault(deal.id(), List.of());
      final Optional<BigDecimal> dealPrice = dealPrice(deal, issues);
      if (dealPrice.isPresent()) {
        if (settled.isEmpty()) {
          physicalOpen(deal, dealPrice.get(), query, lines, issues);
        } else {
          for (final FinalInvoice invoice : settled) {
            physicalSettled(deal, invoice, dealPrice.get(), query, lines, issues);
          }
        }
      }
      for (final Hedge hedge : hedges.getOrDefault(deal.id(), List.of())) {
        hedgeLines(
            deal, hedge, rolls.getOrDefault(hedge.id(), new TreeMap<>()), query, lines, issues);
      }
      final boolean open = settled.isEmpty() || lines.stream().anyMatch(this::unrealised);
      if (lines.isEmpty() && !open) {
        continue;
      }
      final DealPnl pnl = DealPnl.of(deal.id(), lines);
      BigDecimal invoiced = null;
      String invoiceCurrency = null;
      for (final FinalInvoice invoice : settled) {
        invoiced = invoiced == null ? invoice.amount() : invoiced.add(invoice.amount());
        invoiceCurrency = invoice.currency();
      }
      rows.add(
          new Row(
              deal.id(),
              deal.counterpartyId(),
              deal.counterpartyName(),
              deal.metal(),
              deal.direction() == Direction.PURCHASE ? "BUY" : "SELL",
              deal.status(),
              deal.desk(),
              invoiced,
              paid.get(deal.id()),
              invoiceCurrency,
              pnl.realisedPhysical(),
              pnl.realisedHedges(),
              pnl.unrealisedPhysical(),
              pnl.unrealisedHedges(),
              pnl.realised(),
              pnl.unrealised(),
              pnl.total(),
              "USD",
              pnl.lines()));
      final BigDecimal[] sums =
          byMetal.computeIfAbsent(
              deal.metal(), m -> new BigDecimal[] {money(BigDecimal.ZERO), money(BigDecimal.ZERO)});
      sums[0] = sums[0].add(pnl.realised());
      sums[1] = sums[1].add(pnl.unrealised());
      dealsByMetal.merge(deal.metal(), 1, Integer::sum);
      realised = realised.add(pnl.realised());
      unrealised = unrealised.add(pnl.unrealised());
    }
    final List<MetalTotal> totals = new ArrayList<>();
    byMetal.forEach(
        (metal, sums) ->
            totals.add(
                new MetalTotal(
                    metal, dealsByMetal.get(metal), sums[0], sums[1], sums[0].add(sums[1]))));
    return new Report(
        query.from(),
        query.asOf(),
        query.desk(),
        query.market(),
        query.fxSource(),
        "USD",
        List.copyOf(rows),
        List.copyOf(totals),
        realised,
        unrealised,
        realised.add(unrealised),
        List.copyOf(issues));
  }

  private boolean unrealised(final PnlLine line) {
    return line.state() == PnlLine.State.UNREALISED;
  }

  /** Realised lines count when their settlement date lies in the period. */
  private static boolean inPeriod(final LocalDate date, final Query query) {
    return (query.from() == null || !date.isBefore(query.from())) && !date.isAfter(query.asOf());
  }

  private void physicalOpen(
      final Deal deal,
      final BigDecimal dealPrice,
      final Query query,
      final List<PnlLine> lines,
      final List<Issue> issues) {
    final Optional<BigDecimal> tonnes = payableTonnes(deal, issues);
    final Optional<Mark> mark = mark(deal, null, query.asOf(), query.market(), issues);
    if (tonnes.isEmpty() || mark.isEmpty()) {
      return;
    }
    lines.add(
        MarkToMarket.line(
            PnlLine.Source.PHYSICAL,
            PnlLine.State.UNREALISED,
            deal.id(),
            deal.direction(),
            tonnes.get(),
            dealPrice,
            mark.get().price(),
            mark.get().date(),
            mark.get().series()));
  }

  private void physicalSettled(
      final Deal deal,
      final FinalInvoice invoice,
      final BigDecimal dealPrice,
      final Query query,
      final List<PnlLine> lines,
      final List<Issue> issues) {
    if (!inPeriod(invoice.issuedOn(), query)) {
      return;
    }
    final JsonNode payable = payableLine(invoice, deal.metal());
    if (payable == null) {
      issues.add(
          new Issue(
              deal.id(),
              null,
              "lines",
              "final invoice " + invoice.id() + " has no PAYABLE line of " + deal.metal()));
      return;
    }
    final BigDecimal quantity = new BigDecimal(payable.path("quantity").asText());
    final BigDecimal rate = new BigDecimal(payable.path("rate").asText());
    final BigDecimal tonnes;
    final BigDecimal perTonne;
    switch (payable.path("unit").asText()) {
      case "T" -> {
        tonnes = quantity;
        perTonne = rate;
      }
      case "OZT" -> {
        tonnes = quantity.divide(PriceUnit.USD_PER_OZT.unitsPerTonne(), Rounding.CALCULATION);
        perTonne = Rounding.rate(new Price(rate, PriceUnit.USD_PER_OZT).perTonne());
      }
      default -> {
        issues.add(
            new Issue(
                deal.id(),
                null,
                "lines",
                "final invoice "
                    + invoice.id()
                    + " pays "
                    + deal.metal()
                    + " in "
                    + payable.path("unit").asText()
                    + ", not in T or OZT"));
        return;
      }
    }
    lines.add(
        MarkToMarket.line(
            PnlLine.Source.PHYSICAL,
            PnlLine.State.REALISED,
            deal.id(),
            deal.direction(),
            tonnes,
            dealPrice,
            perTonne,
            invoice.issuedOn(),
            "final invoice " + invoice.id()));
  }

  private void hedgeLines(
      final Deal deal,
      final Hedge hedge,
      final TreeMap<LocalDate, Long> rolls,
      final Query query,
      final List<PnlLine> lines,
      final List<Issue> issues) {
    if (hedge.price() == null) {
      issues.add(
          new Issue(
              deal.id(),
              hedge.id(),
              "execution",
              "no execution recorded (POST /api/hedges/" + hedge.id() + "/execution)"));
      return;
    }
    final boolean inUsd = "USD".equals(hedge.currency());
    final Optional<FxRate> rate = inUsd ? Optional.empty() : fillRate(deal, hedge, query, issues);
    if (!inUsd && rate.isEmpty()) {
      return;
    }
    final FxRate fx = rate.orElse(null);
    long closedLots = 0;
    // lots closed out by the fixings of the physical leg, each at the price of its fixing day
    for (final Map.Entry<LocalDate, Long> roll : rolls.entrySet()) {
      final long lots = Math.min(roll.getValue(), hedge.lots() - closedLots);
      if (lots <= 0) {
        break;
      }
      closedLots += lots;
      closeOut(deal, hedge, fx, lots, roll.getKey(), query, lines, issues);
    }
    final long remaining = hedge.lots() - closedLots;
    if (remaining <= 0) {
      return;
    }
    if (hedge.closedOn() != null && !hedge.closedOn().isAfter(query.asOf())) {
      // closed without (all) its fixings recorded: the rest closed on the day the hedge closed
      closeOut(deal, hedge, fx, remaining, hedge.closedOn(), query, lines, issues);
      return;
    }
    final Optional<Mark> mark = mark(deal, hedge.id(), query.asOf(), query.market(), issues);
    mark.ifPresent(
        m ->
            lines.add(
                MarkToMarket.line(
                    PnlLine.Source.HEDGE,
                    PnlLine.State.UNREALISED,
                    hedge.id(),
                    hedge.direction(),
                    hedge.lotSize().multiply(BigDecimal.valueOf(remaining)),
                    hedge.price(),
                    fx,
                    m.price(),
                    m.date(),
                    m.series())));
  }

  /**
   * The rate converting the hedge's fill from its currency into USD; empty, with an issue, when the
   * fill cannot be converted.
   */
  private Optional<FxRate> fillRate(
      final Deal deal, final Hedge hedge, final Query query, final List<Issue> issues) {
    final Currency currency;
    try {
      currency = Currency.getInstance(hedge.currency());
    } catch (final IllegalArgumentException e) {
      issues.add(
          new Issue(
              deal.id(),
              hedge.id(),
              "execution.currency",
              "filled in " + hedge.currency() + ", not an ISO 4217 currency"));
      return Optional.empty();
    }
    final Optional<FxRate> rate =
        FxRates.latestOnOrBefore(
            currency, Money.USD, query.fxSource(), hedge.executedOn(), prices::find);
    if (rate.isEmpty()) {
      issues.add(
          new Issue(
              deal.id(),
              hedge.id(),
              "execution.currency",
              "filled in "
                  + hedge.currency()
                  + "; no rate "
                  + new FxSeriesId(currency, Money.USD, query.fxSource())
                  + " (nor its inverse) on or before the fill date "
                  + hedge.executedOn()
                  + " to convert it into USD (import one or choose another fxSource)"));
    }
    return rate;
  }

  private void closeOut(
      final Deal deal,
      final Hedge hedge,
      final FxRate fx,
      final long lots,
      final LocalDate on,
      final Query query,
      final List<PnlLine> lines,
      final List<Issue> issues) {
    if (!inPeriod(on, query)) {
      return;
    }
    mark(deal, hedge.id(), on, query.market(), issues)
        .ifPresent(
            m ->
                lines.add(
                    MarkToMarket.line(
                        PnlLine.Source.HEDGE,
                        PnlLine.State.REALISED,
                        hedge.id(),
                        hedge.direction(),
                        hedge.lotSize().multiply(BigDecimal.valueOf(lots)),
                        hedge.price(),
                        fx,
                        m.price(),
                        m.date(),
                        m.series())));
  }

  private record Mark(String series, LocalDate date, BigDecimal price) {}

  /** The last price on or before {@code on} of the metal's USD/t series of {@code market}. */
  private Optional<Mark> mark(
      final Deal deal,
      final String hedgeId,
      final LocalDate on,
      final String market,
      final List<Issue> issues) {
    final PriceSeriesId id;
    try {
      id = PriceSeriesId.of(Element.ofSymbol(deal.metal()), market, PriceUnit.USD_PER_T);
    } catch (final IllegalArgumentException e) {
      issues.add(new Issue(deal.id(), hedgeId, "metal", e.getMessage()));
      return Optional.empty();
    }
    final Optional<PriceSeries> series = prices.find(id);
    final Optional<PriceFixing> fixing = series.flatMap(s -> s.latestOnOrBefore(on));
    if (fixing.isEmpty()) {
      issues.add(
          new Issue(
              deal.id(),
              hedgeId,
              "market",
              "no price of "
                  + id
                  + " on or before "
                  + on
                  + " (import it or choose another market)"));
      return Optional.empty();
    }
    return Optional.of(new Mark(id.toString(), fixing.get().date(), fixing.get().value()));
  }

  /** The deal's price in USD/t: its provisional price as captured. */
  private Optional<BigDecimal> dealPrice(final Deal deal, final List<Issue> issues) {
    final JsonNode price = tree(deal.pricing()).path("provisionalPrice");
    try {
      final Price captured =
          new Price(
              new BigDecimal(price.path("value").asText()),
              PriceUnit.valueOf(price.path("unit").asText()));
      return Optional.of(
          captured.unit() == PriceUnit.USD_PER_T
              ? captured.value()
              : Rounding.rate(captured.perTonne()));
    } catch (final IllegalArgumentException e) {
      issues.add(
          new Issue(
              deal.id(),
              null,
              "pricing.provisionalPrice",
              "the deal has no price {value, unit} to measure its P&L from"));
      return Optional.empty();
    }
  }

  private Optional<BigDecimal> payableTonnes(final Deal deal, final List<Issue> issues) {
    final JsonNode assay = tree(deal.assays()).path(deal.metal());
    BigDecimal payablePct = null;
    for (final JsonNode payable : tree(deal.terms()).path("payables")) {
      if (deal.metal().equals(payable.path("element").asText())
          && payable.path("payablePct").isNumber()) {
        payablePct = new BigDecimal(payable.path("payablePct").asText());
      }
    }
    try {
      return Optional.of(
          PayableMetal.payableTonnes(
              PayableMetal.dryTonnes(deal.quantity(), deal.wet(), deal.moisturePct()),
              new BigDecimal(assay.path("value").asText()),
              assay.path("unit").asText(),
              payablePct));
    } catch (final NumberFormatException | PnlInputException e) {
      issues.add(
          new Issue(
              deal.id(),
              null,
              "assays." + deal.metal(),
              "no assay of " + deal.metal() + " to compute the payable metal from"));
      return Optional.empty();
    }
  }

  private JsonNode payableLine(final FinalInvoice invoice, final String metal) {
    for (final JsonNode line : tree(invoice.lines())) {
      if ("PAYABLE".equals(line.path("kind").asText())
          && metal.equals(line.path("element").asText())
          && line.path("quantity").isNumber()
          && line.path("rate").isNumber()) {
        return line;
      }
    }
    return null;
  }

  private JsonNode tree(final String text) {
    try {
      return text == null ? json.createObjectNode() : json.readTree(text);
    } catch (final JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  private List<Deal> deals(final Query query, final Timestamp end) {
    return jdbc.query(
        """
        select d.id, d.counterparty_id, c.name, d.direction, d.metal, d.quantity, d.quantity_unit,
               d.moisture_pct, d.assays::text as assays, d.pricing::text as pricing,
               d.terms::text as terms, d.status, d.desk
          from deal d join counterparty c on c.id = d.counterparty_id
         where d.status <> all (?) and d.captured_at < ?
           and (cast(? as text) is null or d.desk = ?)
           and (cast(? as text) is null or d.metal = ?)
           and (cast(? as text) is null or d.counterparty_id = cast(? as uuid))
         order by d.captured_at, d.id
        """,
        (rs, n) ->
            new Deal(
                rs.getString("id"),
                rs.getString("counterparty_id"),
                rs.getString("name"),
                rs.getString("metal"),
                "SELL".equals(rs.getString("direction")) ? Direction.SALE : Direction.PURCHASE,
                rs.getString("status"),
                rs.getString("desk"),
                rs.getBigDecimal("quantity"),
                "WMT".equals(rs.getString("quantity_unit")),
                rs.getBigDecimal("moisture_pct"),
                rs.getString("assays"),
                rs.getString("pricing"),
                rs.getString("terms")),
        EXCLUDED_STATUSES.toArray(String[]::new),
        end,
        query.desk(),
        query.desk(),
        query.metal(),
        query.metal(),
        query.counterpartyId(),
        query.counterpartyId());
  }

  private Map<String, List<FinalInvoice>> finalInvoices(final String[] deals, final Timestamp end) {
    final Map<String, List<FinalInvoice>> byDeal = new LinkedHashMap<>();
    jdbc.query(
        """
        select id, deal_id, created_at, amount, currency, lines::text as lines from invoice
         where kind = 'FINAL' and deal_id = any (?) and created_at < ? order by created_at, id
        """,
        rs -> {
          final FinalInvoice invoice =
              new FinalInvoice(
                  rs.getString("id"),
                  rs.getString("deal_id"),
                  rs.getTimestamp("created_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                  rs.getBigDecimal("amount"),
                  rs.getString("currency"),
                  rs.getString("lines"));
          byDeal.computeIfAbsent(invoice.dealId(), k -> new ArrayList<>()).add(invoice);
        },
        deals,
        end);
    return byDeal;
  }

  private Map<String, BigDecimal> payments(final String[] deals, final Timestamp end) {
    final Map<String, BigDecimal> byDeal = new HashMap<>();
    jdbc.query(
        """
        select i.deal_id, sum(p.amount) as paid from payment p join invoice i on i.id = p.invoice_id
         where i.deal_id = any (?) and p.received_at < ? group by i.deal_id
        """,
        rs -> {
          byDeal.put(rs.getString("deal_id"), rs.getBigDecimal("paid"));
        },
        deals,
        end);
    return byDeal;
  }

  private Map<String, List<Hedge>> hedges(final String[] deals, final Timestamp end) {
    final Map<String, List<Hedge>> byDeal = new HashMap<>();
    jdbc.query(
        """
        select h.id, h.deal_id, h.lots, h.lot_size, h.direction, h.status, h.closed_at,
               e.price, e.currency, e.executed_at
          from hedge h left join hedge_execution e on e.hedge_id = h.id
         where h.deal_id = any (?) and h.created_at < ? order by h.created_at, h.id
        """,
        rs -> {
          final Timestamp closed = rs.getTimestamp("closed_at");
          final Timestamp executed = rs.getTimestamp("executed_at");
          final Hedge hedge =
              new Hedge(
                  rs.getString("id"),
                  rs.getString("deal_id"),
                  rs.getLong("lots"),
                  rs.getBigDecimal("lot_size"),
                  "SELL".equals(rs.getString("direction")) ? Direction.SALE : Direction.PURCHASE,
                  "CLOSED".equals(rs.getString("status")) && closed != null
                      ? closed.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                      : null,
                  plain(rs.getBigDecimal("price")),
                  rs.getString("currency"),
                  executed == null
                      ? null
                      : executed.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
          byDeal.computeIfAbsent(hedge.dealId(), k -> new ArrayList<>()).add(hedge);
        },
        deals,
        end);
    return byDeal;
  }

  private Map<String, TreeMap<LocalDate, Long>> rolls(final String[] deals, final LocalDate asOf) {
    final Map<String, TreeMap<LocalDate, Long>> byHedge = new HashMap<>();
    jdbc.query(
        """
        select r.hedge_id, r.fixing_date, sum(r.lots_fixed) as lots
          from hedge_roll r join hedge h on h.id = r.hedge_id
         where h.deal_id = any (?) and r.fixing_date <= ?
         group by r.hedge_id, r.fixing_date
        """,
        rs -> {
          byHedge
              .computeIfAbsent(rs.getString("hedge_id"), k -> new TreeMap<>())
              .put(rs.getDate("fixing_date").toLocalDate(), rs.getLong("lots"));
        },
        deals,
        asOf);
    return byHedge;
  }

  /** A stored numeric without the column's trailing zeros (9100.000000 -> 9100). */
  private static BigDecimal plain(final BigDecimal value) {
    if (value == null) {
      return null;
    }
    final BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal money(final BigDecimal value) {
    return value.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
