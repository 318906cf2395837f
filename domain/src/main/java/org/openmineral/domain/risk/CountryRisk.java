package org.openmineral.domain.risk;

import java.util.Objects;

/** One row of the country table: an ISO 3166-1 alpha-2 code (or {@code *}), its rating and why. */
public record CountryRisk(String code, CountryRating rating, String reason) {
  public CountryRisk {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(reason, "reason");
    if (!code.equals(CountryRiskTable.DEFAULT_CODE) && !code.matches("[A-Z]{2}")) {
      throw new RiskInputException(
          "country code must be ISO 3166-1 alpha-2 (two capital letters), got '" + code + "'");
    }
  }
}
