package org.openmineral.marketdata;

import java.sql.Date;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.RefiningChargeSeriesId;
import org.openmineral.domain.pricing.SeriesFrequency;
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.pricing.SeriesTable;
import org.openmineral.domain.pricing.TreatmentChargeSeriesId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The series (metal prices, FX rates, TC/RC benchmarks) and their values in PostgreSQL: written by
 * imports, read back on start.
 */
@Repository
class MarketPriceRepository {
  private final JdbcTemplate jdbc;

  MarketPriceRepository(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored series: how it was created, for reloading it into the store. */
  record StoredSeries(SeriesId id, SeriesFrequency frequency, SeriesProvenance provenance) {}

  /** Saves the series (if new) and the fixings an import added to it. */
  void saveAdded(final UUID importId, final PriceSeries series, final List<PriceFixing> added) {
    final SeriesId id = series.id();
    final SeriesProvenance p = series.provenance();
    final String metal =
        switch (id) {
          case PriceSeriesId price -> price.metal().symbol();
          case TreatmentChargeSeriesId tc -> tc.metal().symbol();
          case RefiningChargeSeriesId rc -> rc.metal().symbol();
          case FxSeriesId fx -> null;
        };
    final FxSeriesId fx = id instanceof FxSeriesId f ? f : null;
    jdbc.update(
        "insert into market_price_series (code, kind, metal, base_currency, quote_currency,"
            + " market, unit, frequency, publisher, description, licence, attribution)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?) on conflict (code) do nothing",
        id.toString(),
        id.kind().name(),
        metal,
        fx == null ? null : fx.base().getCurrencyCode(),
        fx == null ? null : fx.quote().getCurrencyCode(),
        id.market(),
        id.unitName(),
        series.frequency().name(),
        p.publisher(),
        p.description(),
        p.licence(),
        p.attribution());
    jdbc.batchUpdate(
        "insert into market_price (series_code, price_date, value, import_id) values (?,?,?,?)",
        added.stream()
            .map(f -> new Object[] {id.toString(), Date.valueOf(f.date()), f.value(), importId})
            .toList());
  }

  /** Every stored series with its provenance. */
  List<StoredSeries> series() {
    return jdbc.query(
        "select code, frequency, publisher, description, licence, attribution"
            + " from market_price_series order by code",
        (rs, i) ->
            new StoredSeries(
                SeriesId.parse(rs.getString("code")),
                SeriesFrequency.valueOf(rs.getString("frequency")),
                new SeriesProvenance(
                    rs.getString("publisher"),
                    rs.getString("description"),
                    rs.getString("licence"),
                    rs.getString("attribution"))));
  }

  /** The stored prices of {@code series} as rows of the multi-series table format. */
  List<SeriesTable.Row> rows(final StoredSeries series) {
    final List<SeriesTable.Row> rows = new ArrayList<>();
    jdbc.query(
        "select price_date, value from market_price where series_code = ? order by price_date",
        rs -> {
          final LocalDate date = rs.getDate("price_date").toLocalDate();
          rows.add(
              new SeriesTable.Row(
                  rows.size() + 1,
                  series.id().toString(),
                  switch (series.frequency()) {
                    case MONTHLY -> YearMonth.from(date).toString();
                    case ANNUAL -> Year.from(date).toString();
                    case DAILY -> date.toString();
                  },
                  rs.getBigDecimal("value").toPlainString()));
        },
        series.id().toString());
    return rows;
  }

  /** The provenance of each stored series, by id. */
  Map<SeriesId, StoredSeries> byId() {
    final Map<SeriesId, StoredSeries> map = new LinkedHashMap<>();
    series().forEach(s -> map.put(s.id(), s));
    return map;
  }
}
