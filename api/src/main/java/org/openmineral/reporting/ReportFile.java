package org.openmineral.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmineral.audit.AuditReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report's table as a download: CSV ({@link Csv}) or PDF. The PDF carries the report's title, its
 * parameters and the same table as the CSV, rendered from XHTML by openhtmltopdf like the audit
 * reports.
 */
final class ReportFile {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ReportFile() {}

  /** Name/value pairs in the order given; null values are shown as "all". */
  static Map<String, Object> parameters(final Object... namesAndValues) {
    final Map<String, Object> parameters = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      parameters.put(
          String.valueOf(namesAndValues[i]),
          namesAndValues[i + 1] == null ? "all" : namesAndValues[i + 1]);
    }
    return parameters;
  }

  /**
   * A bar chart of one numeric column against a label column, drawn in the PDF under the table (a
   * bar per row, its length proportional to the value's size, green positive, red negative).
   */
  record Chart(String title, String labelColumn, String valueColumn) {}

  /** {@code rows} under {@code columns} as {@code name.csv} or {@code name.pdf}. */
  static ResponseEntity<?> download(
      final ReportFormat format,
      final String name,
      final String title,
      final Map<String, Object> parameters,
      final List<String> columns,
      final List<List<Object>> rows) {
    return download(format, name, title, parameters, columns, rows, null);
  }

  /** As {@link #download}, the PDF with {@code chart} (null: none) under the table. */
  static ResponseEntity<?> download(
      final ReportFormat format,
      final String name,
      final String title,
      final Map<String, Object> parameters,
      final List<String> columns,
      final List<List<Object>> rows,
      final Chart chart) {
    if (format != ReportFormat.PDF) {
      return Csv.download(name + ".csv", columns, rows);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + ".pdf").build().toString())
        .body(AuditReport.pdf(xhtml(title, parameters, columns, rows, chart)));
  }

  static String xhtml(
      final String title,
      final Map<String, Object> parameters,
      final List<String> columns,
      final List<List<Object>> rows,
      final Chart chart) {
    // wide tables (the trade report has 22 columns) get a smaller type to fit an A4 landscape page
    final String size = columns.size() > 14 ? "5.5pt" : columns.size() > 9 ? "7pt" : "8.5pt";
    final StringBuilder html = new StringBuilder(16 * 1024);
    html.append(
            """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="UTF-8"/>
            <title>""")
        .append(escape(title))
        .append(
            """
            </title><style>
              @page { size: A4 landscape; margin: 12mm; }
              body { font-family: sans-serif; color: #1d1d1f; font-size: 9pt; }
              h1 { font-size: 15pt; margin-bottom: 4pt; }
              table { border-collapse: collapse; margin-top: 6pt; }
              table.data { width: 100%; font-size: """)
        .append(size)
        .append(
            """
            ; }
              th, td { border: 0.5pt solid #999; padding: 1.5pt 3pt; text-align: left;
                       vertical-align: top; word-wrap: break-word; }
              th { background: #e8e8e8; } td.n { text-align: right; }
              h2 { font-size: 11pt; margin-top: 12pt; }
              table.chart { width: 100%; font-size: 7pt; }
              table.chart td { border: none; padding: 1pt 3pt; }
              td.bar { width: 60%; } div.up { background: #2e7d32; height: 7pt; }
              div.down { background: #c62828; height: 7pt; }
            </style></head><body>
            """);
    html.append("<h1>").append(escape(title)).append("</h1>\n<table class=\"parameters\">");
    parameters.forEach(
        (key, value) ->
            html.append("<tr><th>")
                .append(escape(key))
                .append("</th><td>")
                .append(escape(text(value)))
                .append("</td></tr>"));
    html.append("<tr><th>generated</th><td>")
        .append(TIME.format(Instant.now()))
        .append("</td></tr><tr><th>rows</th><td>")
        .append(rows.size())
        .append("</td></tr></table>\n<table class=\"data\"><thead><tr>");
    columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    for (final List<Object> row : rows) {
      html.append("<tr>");
      for (final Object cell : row) {
        html.append(cell instanceof Number ? "<td class=\"n\">" : "<td>")
            .append(escape(text(cell)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
    if (chart != null) {
      bars(html, chart, columns, rows);
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void bars(
      final StringBuilder html,
      final Chart chart,
      final List<String> columns,
      final List<List<Object>> rows) {
    final int label = columns.indexOf(chart.labelColumn());
    final int value = columns.indexOf(chart.valueColumn());
    BigDecimal largest = BigDecimal.ZERO;
    for (final List<Object> row : rows) {
      if (row.get(value) instanceof BigDecimal v) {
        largest = largest.max(v.abs());
      }
    }
    html.append("<h2>").append(escape(chart.title())).append("</h2>\n<table class=\"chart\">");
    for (final List<Object> row : rows) {
      if (!(row.get(value) instanceof BigDecimal v)) {
        continue;
      }
      final BigDecimal percent =
          largest.signum() == 0
              ? BigDecimal.ZERO
              : v.abs()
                  .multiply(BigDecimal.valueOf(100))
                  .divide(largest, 1, java.math.RoundingMode.HALF_UP);
      html.append("<tr><td>")
          .append(escape(text(row.get(label))))
          .append("</td><td class=\"n\">")
          .append(escape(text(v)))
          .append("</td><td class=\"bar\"><div class=\"")
          .append(v.signum() < 0 ? "down" : "up")
          .append("\" style=\"width: ")
          .append(percent.toPlainString())
          .append("%\"></div></td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String text(final Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof Instant instant) {
      return TIME.format(instant);
    }
    return value.toString();
  }

  private static String escape(final String text) {
    return AuditReport.xmlText(text);
  }
}
