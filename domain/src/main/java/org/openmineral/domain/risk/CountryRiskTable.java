package org.openmineral.domain.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Country ratings by ISO 3166-1 alpha-2 code, with a default row {@code *} for every country not
 * listed. The standard table is the CSV resource {@code country-ratings.csv} next to this class
 * (columns {@code code, rating, reason}): IR and KP SEVERE; MM, SY, CU, RU, BY, VE HIGH; all others
 * MEDIUM. It is data for compliance to maintain, not a legal opinion.
 */
public final class CountryRiskTable {
  /** The code of the row that applies to countries not listed. */
  public static final String DEFAULT_CODE = "*";

  private static final String RESOURCE = "country-ratings.csv";

  private final Map<String, CountryRisk> byCode;
  private final CountryRisk fallback;

  private CountryRiskTable(final Map<String, CountryRisk> byCode, final CountryRisk fallback) {
    this.byCode = byCode;
    this.fallback = fallback;
  }

  /** A table of {@code rows}, which must include exactly one {@code *} row and no duplicate. */
  public static CountryRiskTable of(final List<CountryRisk> rows) {
    final Map<String, CountryRisk> byCode = new LinkedHashMap<>();
    CountryRisk fallback = null;
    for (final CountryRisk row : rows) {
      if (byCode.put(row.code(), row) != null) {
        throw new RiskInputException("country " + row.code() + " is rated twice");
      }
      if (row.code().equals(DEFAULT_CODE)) {
        fallback = row;
      }
    }
    if (fallback == null) {
      throw new RiskInputException("the country table needs a default row with code *");
    }
    byCode.remove(DEFAULT_CODE);
    return new CountryRiskTable(Collections.unmodifiableMap(byCode), fallback);
  }

  /** The standard table shipped with OpenMineral. */
  public static CountryRiskTable standard() {
    try (InputStream in = CountryRiskTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table in the format of {@code country-ratings.csv}. */
  public static CountryRiskTable read(final Reader csv) throws IOException {
    final CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    final List<CountryRisk> rows = new java.util.ArrayList<>();
    for (final CSVRecord row : format.parse(csv)) {
      try {
        rows.add(
            new CountryRisk(
                row.get("code").trim(),
                CountryRating.valueOf(row.get("rating").trim().toUpperCase(Locale.ROOT)),
                row.get("reason")));
      } catch (final IllegalArgumentException e) {
        throw new RiskInputException(
            "country table line " + row.getRecordNumber() + ": " + e.getMessage());
      }
    }
    return of(rows);
  }

  /**
   * The rating of {@code alpha2} (case-insensitive), or the default row's rating with the code put
   * in.
   */
  public CountryRisk ratingOf(final String alpha2) {
    final String code = alpha2 == null ? "" : alpha2.trim().toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{2}")) {
      throw new RiskInputException(
          "country code must be ISO 3166-1 alpha-2 (two letters), got '" + alpha2 + "'");
    }
    final CountryRisk listed = byCode.get(code);
    return listed != null ? listed : new CountryRisk(code, fallback.rating(), fallback.reason());
  }

  /** The listed codes (without the default row). */
  public List<String> listedCodes() {
    return List.copyOf(byCode.keySet());
  }
}
