package org.openmineral.domain.hedging;

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
import org.openmineral.domain.units.Element;

/**
 * The table of hedge contracts, one per metal. The standard table is the CSV resource {@code
 * exchange-contracts.csv} next to this class (columns {@code code, exchange, metal, lot_size, unit,
 * source}): LME copper, zinc, lead and aluminium 25 t, nickel 6 t, tin 5 t; COMEX gold 100 ozt and
 * silver 5,000 ozt.
 */
public final class ContractSpecifications {
  private static final String RESOURCE = "exchange-contracts.csv";

  private final Map<Element, ExchangeContract> byMetal;

  private ContractSpecifications(final Map<Element, ExchangeContract> byMetal) {
    this.byMetal = byMetal;
  }

  /** A table of {@code contracts}; at most one contract per metal. */
  public static ContractSpecifications of(final List<ExchangeContract> contracts) {
    final Map<Element, ExchangeContract> byMetal = new EnumMap<>(Element.class);
    for (final ExchangeContract contract : contracts) {
      final ExchangeContract previous = byMetal.put(contract.metal(), contract);
      if (previous != null) {
        throw new HedgingInputException(
            "two hedge contracts for "
                + contract.metal().symbol()
                + ": "
                + previous.code()
                + " and "
                + contract.code());
      }
    }
    return new ContractSpecifications(byMetal);
  }

  /** The standard table shipped with OpenMineral. */
  public static ContractSpecifications standard() {
    try (InputStream in = ContractSpecifications.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table in the format of {@code exchange-contracts.csv}. */
  public static ContractSpecifications read(final Reader csv) throws IOException {
    final List<ExchangeContract> contracts = new ArrayList<>();
    final CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (final CSVRecord row : format.parse(csv)) {
      try {
        contracts.add(
            new ExchangeContract(
                row.get("code"),
                row.get("exchange"),
                Element.ofSymbol(row.get("metal")),
                new BigDecimal(row.get("lot_size")),
                QuantityUnit.valueOf(row.get("unit")),
                row.get("source")));
      } catch (final IllegalArgumentException e) {
        throw new HedgingInputException(
            "contract table line " + row.getRecordNumber() + ": " + e.getMessage());
      }
    }
    return of(contracts);
  }

  /** The hedge contract for {@code metal}, if the table has one. */
  public Optional<ExchangeContract> forMetal(final Element metal) {
    return Optional.ofNullable(byMetal.get(metal));
  }

  /** Every contract, in {@link Element} order. */
  public List<ExchangeContract> all() {
    return List.copyOf(byMetal.values());
  }
}
