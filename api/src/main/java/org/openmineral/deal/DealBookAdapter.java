package org.openmineral.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmineral.counterparty.Counterparty;
import org.openmineral.counterparty.CounterpartyService;
import org.openmineral.credit.CreditReservations;
import org.openmineral.domain.credit.CreditHeadroom;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.SeriesFrequency;
import org.openmineral.domain.risk.HistoricalPrices;
import org.openmineral.domain.units.Element;
import org.openmineral.marketdata.MarketPrices;
import org.openmineral.workers.deal.DealBook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The workers' view of deals ({@link DealBook}) on the application's database and services. */
@Component
class DealBookAdapter implements DealBook {
  private final DealStore deals;
  private final DealService service;
  private final CounterpartyService counterparties;
  private final CreditReservations credit;
  private final MarketPrices prices;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock = Clock.systemUTC();

  DealBookAdapter(
      final DealStore deals,
      final DealService service,
      final CounterpartyService counterparties,
      final CreditReservations credit,
      final MarketPrices prices,
      final JdbcTemplate jdbc,
      final ObjectMapper json) {
    this.deals = deals;
    this.service = service;
    this.counterparties = counterparties;
    this.credit = credit;
    this.prices = prices;
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public Kyc kyc(final String counterpartyId) {
    final Counterparty c = counterparty(uuid(counterpartyId, "counterparty"));
    return new Kyc(c.getKycStatus().name(), c.getRiskRating(), c.getCountry());
  }

  @Override
  public RiskData riskData(final String dealId) {
    final Deal deal = deal(dealId);
    final Counterparty c = counterparty(deal.counterpartyId());
    final CreditHeadroom headroom = credit.credit(deal.counterpartyId()).headroom();
    final BigDecimal utilisation =
        headroom.effectiveLimit().amount().signum() == 0
            ? BigDecimal.ONE
            : headroom
                .utilisation()
                .total()
                .amount()
                .divide(headroom.effectiveLimit().amount(), MathContext.DECIMAL64);
    // the open-deal condition is that of the partial index deal_open_by_currency (V18): keep them
    // alike, or the sum scans every deal ever captured
    final Map<String, Object> desk =
        jdbc.queryForMap(
            """
            select coalesce(sum(value_amount), 0) as total,
                   coalesce(sum(value_amount) filter (where metal = ?), 0) as in_metal,
                   coalesce(sum(value_amount) filter (where counterparty_id = ?), 0) as with_cp
            from deal
            where id <> ? and value_currency = ? and desk is not distinct from ?
              and status not in ('CLOSED', 'REJECTED', 'CANCELLED') and cancelled_at is null
            """,
            deal.metal(),
            deal.counterpartyId(),
            deal.id(),
            deal.terms().valueCurrency(),
            deal.desk());
    final Optional<PriceSeries> series = longestSeries(deal.metal());
    return new RiskData(
        utilisation.max(BigDecimal.ZERO),
        c.getCountry(),
        c.getRiskRating(),
        deal.metal(),
        deal.terms().valueAmount(),
        (BigDecimal) desk.get("total"),
        (BigDecimal) desk.get("in_metal"),
        (BigDecimal) desk.get("with_cp"),
        series.filter(s -> s.size() >= 2).map(HistoricalPrices::from),
        series.map(s -> s.frequency() == SeriesFrequency.DAILY ? 252 : 12).orElse(12));
  }

  private Optional<PriceSeries> longestSeries(final String metal) {
    final Element element = Element.ofSymbol(metal);
    return prices.priceIds().stream()
        .filter(id -> id.metal() == element)
        .map(prices::find)
        .flatMap(Optional::stream)
        .max(Comparator.comparingInt(PriceSeries::size));
  }

  @Override
  public Credit credit(final String dealId) {
    final Deal deal = deal(dealId);
    final CreditReservations.Credit c = credit.credit(deal.counterpartyId());
    final boolean reserved =
        deal.creditReservationId() != null
            && c.headroom().utilisation().lines().stream()
                .anyMatch(l -> deal.creditDealRef().equals(l.reference()));
    final BigDecimal share =
        c.headroom().utilisationShare() == null ? BigDecimal.ONE : c.headroom().utilisationShare();
    return new Credit(
        reserved,
        share.setScale(4, RoundingMode.HALF_UP),
        c.headroom().headroom().rounded().amount(),
        c.headroom().headroom().currency().getCurrencyCode());
  }

  @Override
  public boolean recordStage(
      final String dealId, final String status, final String stage, final long jobKey) {
    return service.recordStage(deal(dealId).id(), status, stage, jobKey);
  }

  @Override
  public long claimProcess(final String dealId, final long processInstanceKey, final long jobKey) {
    final UUID id = deal(dealId).id();
    deals.setProcessInstanceKey(id, processInstanceKey);
    final long owner = deals.find(id).orElseThrow().processInstanceKey();
    if (owner != processInstanceKey) {
      deals.addActivity(
          id,
          "process",
          "DUPLICATE_PROCESS_ENDED",
          Map.of(
              "processInstanceKey",
              Long.toString(processInstanceKey),
              "dealProcessInstanceKey",
              Long.toString(owner)),
          jobKey,
          clock.instant());
    }
    return owner;
  }

  @Override
  public boolean recordActivity(
      final String dealId,
      final String action,
      final Map<String, Object> detail,
      final long jobKey) {
    return deals.addActivity(deal(dealId).id(), "process", action, detail, jobKey, clock.instant());
  }

  @Override
  public Map<String, Object> close(final String dealId, final long jobKey) {
    final Deal deal = deal(dealId);
    if (deal.report() != null) {
      return json.convertValue(deal.report(), Map.class);
    }
    final Map<String, Object> report = new LinkedHashMap<>();
    report.put("dealId", deal.id().toString());
    report.put("counterpartyId", deal.counterpartyId().toString());
    report.put("direction", deal.direction());
    report.put("commodity", deal.commodity());
    report.put("metal", deal.metal());
    report.put(
        "quantity", Map.of("value", deal.terms().quantity(), "unit", deal.terms().quantityUnit()));
    report.put(
        "value",
        Map.of("amount", deal.terms().valueAmount(), "currency", deal.terms().valueCurrency()));
    report.put("capturedBy", deal.capturedBy());
    report.put("amendedBy", deal.amendedBy());
    report.put(
        "invoices",
        jdbc.queryForList(
            """
            select i.id::text as id, i.kind, i.amount, i.currency, i.balance,
                   coalesce((select sum(p.amount) from payment p where p.invoice_id = i.id), 0) as paid
            from invoice i where i.deal_id = ? order by i.created_at
            """,
            deal.id().toString()));
    report.put(
        "hedges",
        jdbc.queryForList(
            "select id::text as id, contract, direction, lots, status from hedge where deal_id = ?"
                + " order by created_at",
            deal.id().toString()));
    report.put(
        "events",
        deals.events(deal.id()).stream()
            .map(
                e ->
                    Map.of(
                        "event",
                        e.get("event_type"),
                        "receivedBy",
                        e.get("received_by"),
                        "receivedAt",
                        String.valueOf(e.get("received_at"))))
            .toList());
    report.put("closedAt", clock.instant().toString());
    final String text = deals.write(report);
    deals.close(deal.id(), text, clock.instant());
    deals.addActivity(deal.id(), "process", "CLOSED", Map.of(), jobKey, clock.instant());
    if (deal.creditReservationId() != null) {
      // the deal is settled: its open invoices (if any) count against the limit from now on
      credit.release(deal.counterpartyId(), deal.creditReservationId(), "process");
    }
    final JsonNode stored = deals.find(deal.id()).orElseThrow().report();
    return json.convertValue(stored, Map.class);
  }

  @Override
  public Optional<BigDecimal> averagePrice(
      final String metal, final String priceUnit, final LocalDate first, final LocalDate last) {
    final Element element = Element.ofSymbol(metal);
    final List<BigDecimal> values =
        prices.priceIds().stream()
            .filter(id -> id.metal() == element && id.unit().name().equals(priceUnit))
            .map(prices::find)
            .flatMap(Optional::stream)
            .max(Comparator.comparingInt(PriceSeries::size))
            .map(s -> s.fixingsBetween(first, last).stream().map(PriceFixing::value).toList())
            .orElse(List.of());
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        values.stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP));
  }

  private Deal deal(final String dealId) {
    return deals
        .find(uuid(dealId, "deal"))
        .orElseThrow(() -> new UnknownDeal("No deal with id '" + dealId + "'"));
  }

  private Counterparty counterparty(final UUID id) {
    return counterparties
        .find(id)
        .orElseThrow(() -> new UnknownDeal("No counterparty with id '" + id + "'"));
  }

  private static UUID uuid(final String id, final String what) {
    try {
      return UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new UnknownDeal("'" + id + "' is not a " + what + " id");
    }
  }
}
