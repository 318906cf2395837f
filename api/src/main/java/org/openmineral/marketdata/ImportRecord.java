package org.openmineral.marketdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The record of one import ({@code market_data_import}). {@code rowsUpdated} is always 0: a stored
 * price is never overwritten; a different value for a stored date is among the rejections.
 *
 * @param details per series: counts, rejections and flags with line and reason (only on {@code GET
 *     /api/market-data/imports/{id}})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportRecord(
    UUID id,
    String source,
    String sourceKind,
    String format,
    String contentSha256,
    String status,
    Instant startedAt,
    Instant finishedAt,
    String startedBy,
    int rowsRead,
    int rowsInserted,
    int rowsUpdated,
    int rowsUnchanged,
    int rowsRejected,
    int rowsFlagged,
    UUID sameContentAs,
    String message,
    JsonNode details) {

  static ImportRecord of(final ResultSet rs, final JsonNode details) throws SQLException {
    return new ImportRecord(
        rs.getObject("id", UUID.class),
        rs.getString("source"),
        rs.getString("source_kind"),
        rs.getString("format"),
        rs.getString("content_sha256"),
        rs.getString("status"),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getString("started_by"),
        rs.getInt("rows_read"),
        rs.getInt("rows_inserted"),
        rs.getInt("rows_updated"),
        rs.getInt("rows_unchanged"),
        rs.getInt("rows_rejected"),
        rs.getInt("rows_flagged"),
        rs.getObject("same_content_as", UUID.class),
        rs.getString("message"),
        details);
  }

  private static Instant instant(final Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
