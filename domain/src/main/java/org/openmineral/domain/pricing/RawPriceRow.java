package org.openmineral.domain.pricing;

/** One row as read from a file, before validation: its line, date text and value text. */
record RawPriceRow(int line, String rawDate, String rawValue) {}
