package org.openmineral.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Reports as CSV (RFC 4180, header row, UTF-8), written with Jackson's CSV format. */
final class Csv {
  static final MediaType TEXT_CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  // quote a value only when it needs it (separator, quote, line break), not by a first-character
  // guess
  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private Csv() {}

  /** A download of {@code rows} under {@code columns}, named {@code fileName}. */
  static ResponseEntity<String> download(
      final String fileName, final List<String> columns, final List<List<Object>> rows) {
    final CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    final List<List<String>> text = new ArrayList<>(rows.size());
    for (final List<Object> row : rows) {
      final List<String> cells = new ArrayList<>(row.size());
      for (final Object cell : row) {
        cells.add(
            cell == null
                ? ""
                : cell instanceof BigDecimal number ? number.toPlainString() : cell.toString());
      }
      text.add(cells);
    }
    try {
      final String body = MAPPER.writer(schema.build()).writeValueAsString(text);
      return ResponseEntity.ok()
          .contentType(TEXT_CSV)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename(fileName).build().toString())
          .body(body);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("the report could not be written as CSV", e);
    }
  }
}
