package org.openmineral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmineral.ServicePostgres;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A lock the database does not grant, from the PostgreSQL service itself as Spring translates it: a
 * concurrency conflict, not an outage, also when another exception wraps it; HTTP answers it as
 * concurrent work, not as the database being down. (Jobs: {@code
 * OutcomeRecordingExceptionStrategyTest}.)
 */
class ConcurrencyConflictTest {
  @Test
  void aLockNotGrantedIsAConflictAndNoOutageAlsoWhenWrapped() throws Exception {
    final RuntimeException conflict = ServicePostgres.lockNotGranted();
    final RuntimeException wrapped = new IllegalStateException("lot update failed", conflict);

    for (final Throwable failure : new Throwable[] {conflict, wrapped}) {
      assertThat(Outages.isConcurrencyConflict(failure)).as(failure.toString()).isTrue();
      assertThat(Outages.isOutage(failure)).as(failure.toString()).isFalse();
      assertThat(Outages.isDatabaseOutage(failure)).as(failure.toString()).isFalse();
    }
    // a real outage stays one, also when a cause carries no SQLState (the pool's "Connection is
    // closed")
    final DataAccessResourceFailureException down =
        new DataAccessResourceFailureException(
            "Connection refused", new java.sql.SQLException("Connection is closed"));
    assertThat(Outages.isConcurrencyConflict(down)).isFalse();
    assertThat(Outages.isDatabaseOutage(down)).isTrue();
  }

  @Test
  void aWrappedConflictIsAnsweredAsConcurrentWork() throws Exception {
    final IllegalStateException wrapped =
        new IllegalStateException("lot update failed", ServicePostgres.lockNotGranted());

    final ResponseEntity<ProblemDetail> answer =
        new UnexpectedErrors().unexpected(wrapped, new MockHttpServletRequest("POST", "/api/x"));

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getDetail())
        .contains("concurrent work on the same data")
        .doesNotContain("database is unavailable");
  }
}
