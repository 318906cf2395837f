package org.openmineral.domain.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;

/**
 * The net position in one metal marked at the current price: {@code value = quantity x price}.
 *
 * @param metal the metal
 * @param positions how many {@link PricePosition}s were netted into {@code quantity}
 * @param quantity net quantity, in the mass unit of {@code unit}
 * @param unit the quoting unit of {@code price}
 * @param priceDate the date of the current price (the last date every held metal has a price)
 * @param price the current price
 * @param value {@code quantity x price} in USD, full precision
 */
public record PositionMark(
    Element metal,
    int positions,
    BigDecimal quantity,
    PriceUnit unit,
    LocalDate priceDate,
    BigDecimal price,
    BigDecimal value) {}
