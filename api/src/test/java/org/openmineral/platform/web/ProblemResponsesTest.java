package org.openmineral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

class ProblemResponsesTest {
  final ExceptionHandlerMethodResolver resolver =
      new ExceptionHandlerMethodResolver(ProblemResponses.class);

  @Test
  void aDeadlockIsAnsweredAsConcurrentWorkNotAsTheDatabaseDown() {
    // PostgreSQL's "deadlock detected" (40P01) as Spring translates it
    final CannotAcquireLockException deadlock =
        new CannotAcquireLockException("could not execute statement; deadlock detected");

    final Method handler = resolver.resolveMethodByThrowable(deadlock);
    assertThat(handler).isNotNull();
    assertThat(handler.getName()).isEqualTo("lockNotGranted");
    final ResponseEntity<ProblemDetail> answer = new ProblemResponses().lockNotGranted(deadlock);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(answer.getBody().getType()).isEqualTo(ProblemResponses.UNAVAILABLE);
    assertThat(answer.getBody().getDetail())
        .contains("concurrent work on the same data")
        .doesNotContain("database is unavailable");
  }

  @Test
  void otherPassingDatabaseFailuresStillSayTheDatabaseIsUnavailable() {
    final Method handler = resolver.resolveMethodByThrowable(new QueryTimeoutException("timeout"));
    assertThat(handler).isNotNull();
    assertThat(handler.getName()).isEqualTo("databaseUnavailable");
  }
}
