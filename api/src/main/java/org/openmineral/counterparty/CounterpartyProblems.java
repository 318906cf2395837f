package org.openmineral.counterparty;

import java.net.URI;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The counterparty API's own problems (RFC 9457); invalid input is the platform's 400. */
@RestControllerAdvice(assignableTypes = CounterpartyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CounterpartyProblems {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");
  static final URI CONFLICT = URI.create("https://openmineral.org/problems/conflict");
  static final URI KEY_REUSED =
      URI.create("https://openmineral.org/problems/idempotency-key-reused");
  static final URI NOT_STARTED =
      URI.create("https://openmineral.org/problems/onboarding-not-started");

  /** No counterparty has the id. */
  static class NotFound extends RuntimeException {
    NotFound(final String id) {
      super("No counterparty with id '" + id + "'.");
    }
  }

  /** The Idempotency-Key was used before for a different request body. */
  static class IdempotencyKeyReused extends RuntimeException {
    IdempotencyKeyReused(final String key) {
      super(
          "The Idempotency-Key '"
              + key
              + "' was already used for a different request; use a new key for a new"
              + " counterparty.");
    }
  }

  /** The counterparty is stored but its onboarding process could not be started. */
  static class OnboardingNotStarted extends RuntimeException {
    final UUID counterpartyId;

    OnboardingNotStarted(final UUID counterpartyId, final Throwable cause) {
      super(
          "Counterparty "
              + counterpartyId
              + " is stored but its onboarding could not be started: "
              + cause.getMessage()
              + ". Start it with POST "
              + CounterpartyController.PATH
              + "/"
              + counterpartyId
              + "/onboarding, or repeat the request with the same Idempotency-Key.",
          cause);
      this.counterpartyId = counterpartyId;
    }
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(final NotFound e) {
    return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(IdempotencyKeyReused.class)
  ProblemDetail keyReused(final IdempotencyKeyReused e) {
    final ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED, "Idempotency key reused", e.getMessage());
    problem.setProperty("field", "Idempotency-Key");
    return problem;
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ProblemDetail conflict(final ObjectOptimisticLockingFailureException e) {
    return problem(
        HttpStatus.CONFLICT,
        CONFLICT,
        "Concurrent update",
        "The counterparty was changed by someone else in the meantime; read it again and retry.");
  }

  @ExceptionHandler(OnboardingNotStarted.class)
  ProblemDetail notStarted(final OnboardingNotStarted e) {
    final ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE, NOT_STARTED, "Onboarding not started", e.getMessage());
    problem.setProperty("counterpartyId", e.counterpartyId.toString());
    return problem;
  }

  private static ProblemDetail problem(
      final HttpStatus status, final URI type, final String title, final String detail) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }
}
