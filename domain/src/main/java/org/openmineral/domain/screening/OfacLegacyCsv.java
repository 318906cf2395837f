package org.openmineral.domain.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one OFAC "legacy CSV" file: no header, CRLF, an optional trailing {@code 0x1A} byte, and
 * {@code -0- } for null. Each row comes back as an array of exactly {@code columns} values with
 * {@code null} for OFAC's null marker and surrounding blanks trimmed.
 */
final class OfacLegacyCsv {
  private static final char END_OF_FILE = 0x1A;
  private static final String NULL_MARKER = "-0-";

  private OfacLegacyCsv() {}

  /** The rows of {@code file}; an absent file has no rows. */
  static List<String[]> read(final Path file, final int columns) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      final int eof = text.indexOf(END_OF_FILE);
      if (eof >= 0) {
        text = text.substring(0, eof);
      }
      final List<String[]> rows = new ArrayList<>();
      try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
        for (final CSVRecord record : parser) {
          if (record.size() == 1 && record.get(0).isBlank()) {
            continue;
          }
          rows.add(row(record, columns));
        }
      }
      return rows;
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String[] row(final CSVRecord record, final int columns) {
    final String[] values = new String[columns];
    for (int i = 0; i < columns && i < record.size(); i++) {
      final String value = record.get(i).trim();
      values[i] = value.isEmpty() || value.equals(NULL_MARKER) ? null : value;
    }
    return values;
  }

  /** OFAC's program field, {@code SDGT] [IFSR}, as a list of programs. */
  static List<String> programs(final String field) {
    if (field == null) {
      return List.of();
    }
    return Arrays.stream(field.replace("[", "").split("]"))
        .map(String::trim)
        .filter(p -> !p.isEmpty())
        .toList();
  }
}
