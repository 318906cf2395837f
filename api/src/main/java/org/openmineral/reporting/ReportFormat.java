package org.openmineral.reporting;

import java.util.Locale;
import org.openmineral.platform.web.InvalidRequestField;

/** How a report is answered: {@code format=json} (default), {@code csv} or {@code pdf}. */
enum ReportFormat {
  JSON,
  CSV,
  PDF;

  static ReportFormat of(final String format) {
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "csv" -> CSV;
      case "pdf" -> PDF;
      default -> throw new InvalidRequestField("format", "must be json, csv or pdf");
    };
  }
}
