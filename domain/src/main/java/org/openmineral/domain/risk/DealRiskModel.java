package org.openmineral.domain.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openmineral.domain.units.Rounding;

/**
 * The deal risk score's parameters as data, and the score itself.
 *
 * <pre>
 * score = sum over factors f of weight_f x subScore_f           (0..100, weights sum to 1)
 *   CREDIT        subScore = min(100, 100 x utilisationAfterDeal / fullScoreAt)      default full at 1
 *   COUNTRY       subScore = the country rating's: LOW 10, MEDIUM 35, HIGH 75, SEVERE 100
 *   CONCENTRATION subScore = min(100, 100 x max(metalShare, counterpartyShare) / fullScoreAt)
 *   VOLATILITY    subScore = min(100, 100 x annualisedVolatility / fullScoreAt)      default full at 0.50
 *   KYC           subScore = LOW 0, MEDIUM 50, HIGH 100
 * </pre>
 *
 * The standard weights (resource {@code deal-risk-factors.csv}): credit 0.30, country 0.20,
 * concentration 0.15, volatility 0.15, KYC 0.20. They are a starting point for the risk committee
 * to calibrate, not an industry standard.
 */
public final class DealRiskModel {
  private static final String RESOURCE = "deal-risk-factors.csv";
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final Map<RiskFactorKind, FactorScale> scales;
  private final CountryRiskTable countries;

  private DealRiskModel(
      final Map<RiskFactorKind, FactorScale> scales, final CountryRiskTable countries) {
    this.scales = scales;
    this.countries = countries;
  }

  /**
   * A model of one scale per factor and a country table.
   *
   * @throws RiskInputException if a factor is missing or repeated, the weights do not sum to 1, or
   *     a linear factor has no full-score value
   */
  public static DealRiskModel of(final List<FactorScale> scales, final CountryRiskTable countries) {
    final Map<RiskFactorKind, FactorScale> byKind = new EnumMap<>(RiskFactorKind.class);
    BigDecimal sum = BigDecimal.ZERO;
    for (final FactorScale scale : scales) {
      if (byKind.put(scale.kind(), scale) != null) {
        throw new RiskInputException(scale.kind() + " is weighted twice");
      }
      sum = sum.add(scale.weight());
    }
    for (final RiskFactorKind kind : RiskFactorKind.values()) {
      final FactorScale scale = byKind.get(kind);
      if (scale == null) {
        throw new RiskInputException("no weight for the " + kind + " factor");
      }
      final boolean linear = kind != RiskFactorKind.COUNTRY && kind != RiskFactorKind.KYC;
      if (linear && scale.fullScoreAt().isEmpty()) {
        throw new RiskInputException(kind + " needs the raw value that scores 100");
      }
    }
    if (sum.compareTo(BigDecimal.ONE) != 0) {
      throw new RiskInputException(
          "factor weights must sum to 1, they sum to " + sum.toPlainString());
    }
    return new DealRiskModel(byKind, countries);
  }

  /** The standard factor table and country table shipped with OpenMineral. */
  public static DealRiskModel standard() {
    try (InputStream in = DealRiskModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing");
      }
      return of(
          readScales(new InputStreamReader(in, StandardCharsets.UTF_8)),
          CountryRiskTable.standard());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads factor scales in the format of {@code deal-risk-factors.csv}. */
  public static List<FactorScale> readScales(final Reader csv) throws IOException {
    final List<FactorScale> scales = new ArrayList<>();
    final CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (final CSVRecord row : format.parse(csv)) {
      try {
        final String full = row.get("full_score_at").trim();
        scales.add(
            new FactorScale(
                RiskFactorKind.valueOf(row.get("factor").trim()),
                new BigDecimal(row.get("weight").trim()),
                full.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(full)),
                row.get("note")));
      } catch (final IllegalArgumentException e) {
        throw new RiskInputException(
            "factor table line " + row.getRecordNumber() + ": " + e.getMessage());
      }
    }
    return scales;
  }

  /** The scale of {@code kind}. */
  public FactorScale scale(final RiskFactorKind kind) {
    return scales.get(kind);
  }

  public CountryRiskTable countries() {
    return countries;
  }

  /** The score of {@code input}, with every factor's breakdown. */
  public DealRiskScore score(final DealRiskInput input) {
    final List<RiskFactor> factors = new ArrayList<>();
    final BigDecimal credit = input.creditUtilisationAfterDeal();
    factors.add(
        linear(
            RiskFactorKind.CREDIT,
            credit,
            "credit utilisation after the deal " + percent(credit) + " of the limit"));
    final CountryRisk country = countries.ratingOf(input.counterpartyCountry());
    factors.add(
        rated(
            RiskFactorKind.COUNTRY,
            country.rating().subScore(),
            country.code() + " rated " + country.rating() + ": " + country.reason()));
    final DeskConcentration c = input.concentration();
    final BigDecimal metalShare = c.metalShare();
    final BigDecimal cpShare = c.counterpartyShare();
    final boolean metalHigher = metalShare.compareTo(cpShare) >= 0;
    factors.add(
        linear(
            RiskFactorKind.CONCENTRATION,
            metalHigher ? metalShare : cpShare,
            String.format(
                "%s share of desk exposure %s, counterparty share %s; the higher (%s) counts",
                c.metal().symbol(),
                percent(metalShare),
                percent(cpShare),
                metalHigher ? "metal" : "counterparty")));
    final ReturnVolatility v = input.volatility();
    factors.add(
        linear(
            RiskFactorKind.VOLATILITY,
            v.annualised(),
            String.format(
                "%s annualised volatility %s from %d returns x sqrt(%d)",
                v.metal().symbol(), percent(v.annualised()), v.returns(), v.periodsPerYear())));
    factors.add(
        rated(
            RiskFactorKind.KYC, input.kyc().subScore(), "counterparty KYC rating " + input.kyc()));
    BigDecimal score = BigDecimal.ZERO;
    for (final RiskFactor f : factors) {
      score = score.add(f.contribution(), Rounding.CALCULATION);
    }
    return new DealRiskScore(input.dealId(), score, factors);
  }

  private RiskFactor linear(final RiskFactorKind kind, final BigDecimal raw, final String reason) {
    final FactorScale scale = scales.get(kind);
    BigDecimal sub =
        raw.multiply(HUNDRED).divide(scale.fullScoreAt().orElseThrow(), Rounding.CALCULATION);
    sub = sub.max(BigDecimal.ZERO).min(HUNDRED);
    return new RiskFactor(
        kind, raw, sub, scale.weight(), scale.weight().multiply(sub, Rounding.CALCULATION), reason);
  }

  private RiskFactor rated(final RiskFactorKind kind, final BigDecimal sub, final String reason) {
    final FactorScale scale = scales.get(kind);
    return new RiskFactor(
        kind, sub, sub, scale.weight(), scale.weight().multiply(sub, Rounding.CALCULATION), reason);
  }

  private static String percent(final BigDecimal share) {
    return share.multiply(HUNDRED).setScale(2, Rounding.COMMERCIAL).toPlainString() + " %";
  }
}
