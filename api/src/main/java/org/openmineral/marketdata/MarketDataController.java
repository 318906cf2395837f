package org.openmineral.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.openmineral.domain.predeal.PreDealAnalysis;
import org.openmineral.domain.pricing.FxSeriesId;
import org.openmineral.domain.pricing.PriceFixing;
import org.openmineral.domain.pricing.PriceSeries;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.RefiningChargeSeriesId;
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.domain.pricing.SeriesKind;
import org.openmineral.domain.pricing.TreatmentChargeSeriesId;
import org.openmineral.domain.units.Element;
import org.openmineral.marketdata.MarketDataProblems.NotFound;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Market data: imports of price files and feeds, series (metal prices, FX rates, TC/RC benchmarks)
 * and their values, pre-deal analysis.
 */
@RestController
@RequestMapping("/api/market-data")
class MarketDataController {
  private final MarketDataImports imports;
  private final MarketPrices prices;
  private final PreDealAnalyses analyses;

  MarketDataController(
      final MarketDataImports imports, final MarketPrices prices, final PreDealAnalyses analyses) {
    this.imports = imports;
    this.prices = prices;
    this.analyses = analyses;
  }

  /** {@code {"url": "https://..."}}: fetch and import. */
  record UrlImport(String url) {}

  @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportRecord> importFile(
      @RequestPart(value = "file", required = false) final MultipartFile file,
      final Authentication user) {
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestField("file", "a non-empty file part named 'file' is needed");
    }
    final byte[] content;
    try {
      content = file.getBytes();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    final String name =
        file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
            ? "upload"
            : file.getOriginalFilename();
    return created(imports.importFile(name, content, user.getName()));
  }

  @PostMapping(value = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ImportRecord> importUrl(
      @RequestBody final UrlImport request, final Authentication user) {
    if (request == null || request.url() == null || request.url().isBlank()) {
      throw new InvalidRequestField("url", "a URL is needed");
    }
    return created(
        imports.importUrl(request.url(), user.getName(), MarketDataImports.SourceKind.URL));
  }

  @GetMapping("/imports")
  List<ImportRecord> imports(@RequestParam(defaultValue = "50") final int limit) {
    if (limit < 1 || limit > 500) {
      throw new InvalidRequestField("limit", "must be between 1 and 500, got " + limit);
    }
    return imports.list(limit);
  }

  @GetMapping("/imports/{id}")
  ImportRecord importRecord(@PathVariable final String id) {
    final UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (final IllegalArgumentException e) {
      throw new NotFound("no market data import " + id);
    }
    return imports.find(uuid);
  }

  /**
   * A series as listed: {@code metal} is null for an FX series, {@code baseCurrency} and {@code
   * quoteCurrency} are null for the other kinds.
   */
  record SeriesView(
      String code,
      String id,
      String kind,
      String metal,
      String baseCurrency,
      String quoteCurrency,
      String market,
      String unit,
      String frequency,
      int count,
      LocalDate first,
      LocalDate last,
      String publisher,
      String description,
      String licence,
      String attribution) {
    static SeriesView of(final PriceSeries s) {
      final List<PriceFixing> f = s.fixings();
      final SeriesId id = s.id();
      final Element metal =
          switch (id) {
            case PriceSeriesId price -> price.metal();
            case TreatmentChargeSeriesId tc -> tc.metal();
            case RefiningChargeSeriesId rc -> rc.metal();
            case FxSeriesId fx -> null;
          };
      final FxSeriesId fx = id instanceof FxSeriesId pair ? pair : null;
      return new SeriesView(
          id.urlCode(),
          id.toString(),
          id.kind().name(),
          metal == null ? null : metal.symbol(),
          fx == null ? null : fx.base().getCurrencyCode(),
          fx == null ? null : fx.quote().getCurrencyCode(),
          id.market(),
          id.unitName(),
          s.frequency().name(),
          s.size(),
          f.isEmpty() ? null : f.getFirst().date(),
          f.isEmpty() ? null : f.getLast().date(),
          s.provenance().publisher(),
          s.provenance().description(),
          s.provenance().licence(),
          s.provenance().attribution());
    }
  }

  /** Every series, or those of one kind ({@code PRICE}, {@code FX}, {@code TC}, {@code RC}). */
  @GetMapping("/series")
  List<SeriesView> series(@RequestParam(required = false) final String kind) {
    final java.util.Set<SeriesId> ids;
    if (kind == null || kind.isBlank()) {
      ids = prices.ids();
    } else {
      try {
        ids = prices.ids(SeriesKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (final IllegalArgumentException e) {
        throw new InvalidRequestField(
            "kind", "'" + kind + "' is not a series kind; known: " + List.of(SeriesKind.values()));
      }
    }
    return ids.stream()
        .map(prices::find)
        .flatMap(java.util.Optional::stream)
        .map(SeriesView::of)
        .toList();
  }

  /** A series' values (prices, rates or charges, in its unit) within a range. */
  record PricesView(SeriesView series, List<PriceFixing> prices) {}

  @GetMapping("/series/{code}/prices")
  PricesView prices(
      @PathVariable final String code,
      @RequestParam(required = false) final String from,
      @RequestParam(required = false) final String to) {
    final PriceSeries series = seriesOf(code);
    final LocalDate first = date(from, "from", LocalDate.MIN);
    final LocalDate last = date(to, "to", LocalDate.MAX);
    if (first.isAfter(last)) {
      throw new InvalidRequestField("from", "from " + from + " is after to " + to);
    }
    return new PricesView(SeriesView.of(series), prices.prices(series, first, last));
  }

  /**
   * {@code POST /api/market-data/pre-deal-analysis}: the metal (symbol), the series to use
   * (default: the World Bank monthly series of the metal), the QP months and the lot with its terms
   * in the shape of {@code POST /api/pricing/valuations} (its {@code prices} hold the other payable
   * metals; the analysed metal's price comes from the forecast).
   */
  @PostMapping("/pre-deal-analysis")
  PreDealAnalysis preDeal(@RequestBody final PreDealAnalyses.Request request) {
    return analyses.analyse(request);
  }

  private PriceSeries seriesOf(final String code) {
    final SeriesId id;
    try {
      id = SeriesId.parse(code);
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField("code", e.getMessage());
    }
    return prices.find(id).orElseThrow(() -> new NotFound("no series " + id));
  }

  private static LocalDate date(final String text, final String field, final LocalDate absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (final DateTimeParseException e) {
      throw new InvalidRequestField(field, "'" + text + "' is not a date YYYY-MM-DD");
    }
  }

  private static ResponseEntity<ImportRecord> created(final ImportRecord record) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/market-data/imports/" + record.id())
        .body(record);
  }
}
