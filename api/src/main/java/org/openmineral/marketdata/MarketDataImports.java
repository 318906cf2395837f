package org.openmineral.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.openmineral.domain.pricing.ImportIssue;
import org.openmineral.domain.pricing.ImportReport;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceImportException;
import org.openmineral.domain.pricing.PriceSeriesStore;
import org.openmineral.domain.pricing.SeriesFileImport;
import org.openmineral.domain.pricing.SeriesId;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.pricing.SeriesTable;
import org.openmineral.domain.pricing.WorldBankPinkSheet;
import org.openmineral.domain.pricing.WorldBankWorkbook;
import org.openmineral.marketdata.MarketDataProblems.ImportFailed;
import org.openmineral.marketdata.MarketDataProblems.NotFound;
import org.openmineral.marketdata.MarketDataProblems.SourceUnreachable;
import org.openmineral.platform.web.InvalidRequestField;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of price files and feeds, each recorded in {@code market_data_import}: the record is
 * written as {@code RUNNING} first, then completed with its counts and every rejection and flag
 * (line and reason), or marked {@code FAILED} with the reason when the file as a whole cannot be
 * read. Imports are synchronous; the record of an import in progress shows {@code RUNNING}.
 */
@Service
public class MarketDataImports {
  /** The formats recognised, by content: the file name is not trusted. */
  enum Format {
    WORLD_BANK_WORKBOOK,
    WORLD_BANK_CSV,
    SERIES_CSV,
    SERIES_JSON
  }

  /** Where an import came from. */
  enum SourceKind {
    FILE,
    URL,
    SCHEDULED
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final MarketPrices prices;
  private final MarketPriceRepository repository;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final MarketDataProperties properties;
  private final HttpClient http;
  private final Clock clock = Clock.systemUTC();

  MarketDataImports(
      final MarketPrices prices,
      final MarketPriceRepository repository,
      final JdbcTemplate jdbc,
      final PlatformTransactionManager transactions,
      final MarketDataProperties properties) {
    this.prices = prices;
    this.repository = repository;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.properties = properties;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Imports an uploaded file. */
  public ImportRecord importFile(final String fileName, final byte[] content, final String user) {
    return run(fileName, SourceKind.FILE, content, user, "file");
  }

  /**
   * Fetches {@code url} (http or https) and imports what it returns: JSON, or any of the file
   * formats.
   */
  public ImportRecord importUrl(final String url, final String user, final SourceKind kind) {
    final URI uri;
    try {
      uri = URI.create(url == null ? "" : url.trim());
    } catch (final IllegalArgumentException e) {
      throw new InvalidRequestField("url", "'" + url + "' is not a URL");
    }
    if (uri.getScheme() == null
        || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null) {
      throw new InvalidRequestField("url", "an http or https URL is needed, got '" + url + "'");
    }
    final UUID id = start(uri.toString(), kind, user);
    final byte[] body;
    try {
      final HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(properties.fetchTimeout())
                  .header("Accept", "application/json, text/csv, */*")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw unreachable(id, uri + " answered HTTP " + response.statusCode());
      }
      body = response.body();
    } catch (final IOException e) {
      throw unreachable(id, "cannot fetch " + uri + ": " + e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(id, "interrupted while fetching " + uri);
    }
    return process(id, uri.toString(), body, "url");
  }

  private SourceUnreachable unreachable(final UUID id, final String message) {
    fail(id, null, message);
    return new SourceUnreachable(id, message);
  }

  /** The newest imports first, at most {@code limit}, without their details. */
  public List<ImportRecord> list(final int limit) {
    return jdbc.query(
        "select * from market_data_import order by started_at desc, id limit ?",
        (rs, i) -> ImportRecord.of(rs, null),
        limit);
  }

  /** One import with its details. */
  public ImportRecord find(final UUID id) {
    return jdbc
        .query(
            "select * from market_data_import where id = ?",
            (rs, i) -> ImportRecord.of(rs, readDetails(rs.getString("details"))),
            id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFound("no market data import " + id));
  }

  private ImportRecord run(
      final String source,
      final SourceKind kind,
      final byte[] content,
      final String user,
      final String field) {
    return process(start(source, kind, user), source, content, field);
  }

  /** Writes the record of an import about to run, status RUNNING. */
  private UUID start(final String source, final SourceKind kind, final String user) {
    final UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into market_data_import (id, source, source_kind, status, started_at, started_by)"
            + " values (?,?,?,'RUNNING',?,?)",
        id,
        source,
        kind.name(),
        Timestamp.from(clock.instant()),
        user);
    return id;
  }

  private ImportRecord process(
      final UUID id, final String source, final byte[] content, final String field) {
    final String sha = sha256(content);
    final UUID sameAs =
        jdbc
            .query(
                "select id from market_data_import where content_sha256 = ? and status in"
                    + " ('COMPLETED', 'NO_CHANGE') order by started_at limit 1",
                (rs, i) -> rs.getObject(1, UUID.class),
                sha)
            .stream()
            .findFirst()
            .orElse(null);
    jdbc.update(
        "update market_data_import set content_sha256 = ?, same_content_as = ? where id = ?",
        sha,
        sameAs,
        id);
    Format format = null;
    try {
      format = detect(content, source);
      final Function<PriceSeriesStore, SeriesFileImport> importer =
          importer(format, content, source);
      final SeriesFileImport result =
          prices.importAndPersist(
              importer,
              added ->
                  transaction.executeWithoutResult(
                      status ->
                          added.forEach((series, rows) -> repository.saveAdded(id, series, rows))));
      complete(id, format, result, sameAs);
    } catch (final PriceImportException e) {
      fail(id, format, e.getMessage());
      throw new ImportFailed(id, field, e.getMessage());
    } catch (final RuntimeException e) {
      fail(id, format, "import failed: " + e);
      throw e;
    }
    return find(id);
  }

  static Format detect(final byte[] content, final String source) {
    if (content.length >= 4
        && content[0] == 'P'
        && content[1] == 'K'
        && content[2] == 3
        && content[3] == 4) {
      return Format.WORLD_BANK_WORKBOOK;
    }
    final String text = text(content).stripLeading();
    if (text.isEmpty()) {
      throw new PriceImportException(source + ": the file is empty");
    }
    if (text.startsWith("[") || text.startsWith("{")) {
      return Format.SERIES_JSON;
    }
    final String header = text.lines().findFirst().orElse("").trim().toLowerCase(Locale.ROOT);
    if (header.startsWith("month,")) {
      return Format.WORLD_BANK_CSV;
    }
    if (header.replace(" ", "").equals("series,date,value")) {
      return Format.SERIES_CSV;
    }
    throw new PriceImportException(
        source
            + ": not a known format: expected a World Bank workbook (xlsx), the World Bank CSV"
            + " extract (header 'month,ALUMINUM,COPPER,...'), the series CSV (header"
            + " 'series,date,value') or JSON; the first line is '"
            + abbreviate(text.lines().findFirst().orElse(""))
            + "'");
  }

  private Function<PriceSeriesStore, SeriesFileImport> importer(
      final Format format, final byte[] content, final String source) {
    final ImportRules rules = properties.rules();
    final Function<SeriesId, SeriesProvenance> provenance =
        id -> new SeriesProvenance(source, "imported from " + source, "not stated", "");
    return switch (format) {
      case WORLD_BANK_WORKBOOK ->
          store ->
              SeriesFileImport.of(
                  WorldBankWorkbook.importInto(
                      store,
                      new ByteArrayInputStream(content),
                      source,
                      WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
                      rules));
      case WORLD_BANK_CSV ->
          store ->
              SeriesFileImport.of(
                  WorldBankPinkSheet.importInto(
                      store,
                      new StringReader(text(content)),
                      source,
                      WorldBankPinkSheet.ATTRIBUTION_DECEMBER_2025,
                      rules));
      case SERIES_CSV ->
          store ->
              SeriesTable.importCsv(
                  store, new StringReader(text(content)), source, provenance, rules);
      case SERIES_JSON -> {
        final List<SeriesTable.Row> rows = jsonRows(content, source);
        yield store -> SeriesTable.importRows(store, rows, source, provenance, rules);
      }
    };
  }

  /**
   * {@code [{"series": "Cu/LME_CASH/USD_PER_T", "date": "2025-11-03", "value": 10812.5}, ...]} or
   * {@code {"prices": [...]}}; the row number is the entry's position, from 1.
   */
  static List<SeriesTable.Row> jsonRows(final byte[] content, final String source) {
    final JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (final IOException e) {
      throw new PriceImportException(source + ": not valid JSON: " + e.getMessage());
    }
    final JsonNode array = root.isArray() ? root : root.path("prices");
    if (!array.isArray()) {
      throw new PriceImportException(
          source + ": expected a JSON array of {series, date, value} or {\"prices\": [...]}");
    }
    final List<SeriesTable.Row> rows = new ArrayList<>();
    int n = 0;
    for (final JsonNode entry : array) {
      n++;
      final JsonNode value = entry.path("value");
      rows.add(
          new SeriesTable.Row(
              n,
              entry.path("series").asText(""),
              entry.has("date") ? entry.path("date").asText() : null,
              value.isNumber()
                  ? value.decimalValue().toPlainString()
                  : value.isTextual() ? value.asText() : null));
    }
    return rows;
  }

  private void complete(
      final UUID id, final Format format, final SeriesFileImport result, final UUID sameAs) {
    final int added = result.added();
    final String status = added > 0 ? "COMPLETED" : "NO_CHANGE";
    final String message =
        added > 0
            ? added + " price(s) added"
            : "no change: every accepted row was already stored"
                + (sameAs != null ? " (same content as import " + sameAs + ")" : "");
    jdbc.update(
        "update market_data_import set format = ?, status = ?, finished_at = ?, rows_read = ?,"
            + " rows_inserted = ?, rows_updated = 0, rows_unchanged = ?, rows_rejected = ?,"
            + " rows_flagged = ?, message = ?, details = ?::jsonb where id = ?",
        format.name(),
        status,
        Timestamp.from(clock.instant()),
        result.rowsRead(),
        added,
        result.unchanged(),
        result.rejected(),
        result.flagged(),
        message,
        details(result),
        id);
  }

  private void fail(final UUID id, final Format format, final String message) {
    jdbc.update(
        "update market_data_import set format = ?, status = 'FAILED', finished_at = ?, message = ?"
            + " where id = ?",
        format == null ? null : format.name(),
        Timestamp.from(clock.instant()),
        message,
        id);
  }

  private static String details(final SeriesFileImport result) {
    final Map<String, Object> details = new LinkedHashMap<>();
    final List<Map<String, Object>> series = new ArrayList<>();
    for (final ImportReport report : result.series()) {
      final Map<String, Object> s = new LinkedHashMap<>();
      s.put("series", report.series().toString());
      s.put("source", report.source());
      s.put("rowsRead", report.rowsRead());
      s.put("added", report.added());
      s.put("unchanged", report.unchanged());
      s.put("rejected", issues(report.rejected()));
      s.put("flagged", issues(report.warnings()));
      series.add(s);
    }
    details.put("series", series);
    details.put("unassigned", issues(result.unassigned()));
    details.put("skippedColumns", new java.util.TreeMap<>(result.skippedColumns()));
    try {
      return JSON.writeValueAsString(details);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> issues(final List<ImportIssue> issues) {
    return issues.stream()
        .map(
            i -> {
              final Map<String, Object> m = new LinkedHashMap<>();
              m.put("line", i.line());
              m.put("kind", i.kind().name());
              m.put("reason", i.reason());
              m.put("rawDate", i.rawDate());
              m.put("rawValue", i.rawValue());
              return m;
            })
        .toList();
  }

  private static JsonNode readDetails(final String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(final byte[] content) {
    final String text = new String(content, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String abbreviate(final String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  private static String sha256(final byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
