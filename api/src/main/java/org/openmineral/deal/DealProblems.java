package org.openmineral.deal;

import java.net.URI;
import java.util.UUID;
import org.openmineral.credit.CreditProblems;
import org.openmineral.domain.credit.CreditInputException;
import org.openmineral.task.TaskController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The deal API's own problems (RFC 9457), and the four-eyes refusal of the task API; invalid input
 * is the platform's 400.
 */
@RestControllerAdvice(
    assignableTypes = {DealController.class, DealDocumentController.class, TaskController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DealProblems {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");
  static final URI CONFLICT = URI.create("https://openmineral.org/problems/conflict");
  static final URI STALE = URI.create("https://openmineral.org/problems/stale-version");
  static final URI FOUR_EYES = URI.create("https://openmineral.org/problems/four-eyes");
  static final URI OTHER_DESK = URI.create("https://openmineral.org/problems/forbidden");
  static final URI EXCEEDED = URI.create("https://openmineral.org/problems/credit-limit-exceeded");
  static final URI NO_LIMIT = URI.create("https://openmineral.org/problems/no-credit-limit");
  static final URI INVALID_INPUT = URI.create("https://openmineral.org/problems/invalid-input");
  static final URI KEY_REUSED =
      URI.create("https://openmineral.org/problems/idempotency-key-reused");
  static final URI UNAVAILABLE = URI.create("https://openmineral.org/problems/unavailable");

  static class NotFound extends RuntimeException {
    NotFound(final String id) {
      super("No deal with id '" + id + "'.");
    }
  }

  /** The deal exists but has no such document (yet). */
  static class NoDocument extends RuntimeException {
    NoDocument(final String what) {
      super(what);
    }
  }

  /** The deal belongs to another desk than the caller's. */
  static class OtherDesk extends RuntimeException {
    OtherDesk(final String what) {
      super(what);
    }
  }

  /** The capturer or an amender of a deal tried to approve it. */
  static class FourEyesViolation extends RuntimeException {
    final UUID dealId;

    FourEyesViolation(final UUID dealId, final String user, final String role) {
      super(
          "Four eyes: "
              + user
              + " "
              + role
              + " deal "
              + dealId
              + " and may not approve it; somebody else of the task's groups must.");
      this.dealId = dealId;
    }
  }

  /** The request conflicts with the deal's state: stale version, finished, no process yet. */
  static class DealConflict extends RuntimeException {
    final URI type;
    final Long currentVersion;

    private DealConflict(final URI type, final String message, final Long currentVersion) {
      super(message);
      this.type = type;
      this.currentVersion = currentVersion;
    }

    static DealConflict stale(final Deal deal, final long expected) {
      return new DealConflict(
          STALE,
          "Deal "
              + deal.id()
              + " is at version "
              + deal.version()
              + ", not "
              + expected
              + ": it was changed in the meantime. Read it again and retry.",
          deal.version());
    }

    static DealConflict finished(final Deal deal, final String what) {
      return new DealConflict(
          CONFLICT,
          "Deal "
              + deal.id()
              + " is "
              + (deal.cancelledAt() != null ? "cancelled" : deal.status())
              + " and can no longer be "
              + what
              + ".",
          deal.version());
    }

    static DealConflict noProcess(final Deal deal) {
      return new DealConflict(
          CONFLICT,
          "Deal "
              + deal.id()
              + " has no trade lifecycle yet; repeat its capture with the same Idempotency-Key.",
          deal.version());
    }

    static DealConflict noInvoice(final Deal deal, final String kind) {
      return new DealConflict(
          CONFLICT,
          "Deal "
              + deal.id()
              + " has no "
              + kind.toLowerCase(java.util.Locale.ROOT)
              + " invoice yet: a payment of it cannot be matched.",
          deal.version());
    }
  }

  static class IdempotencyKeyReused extends RuntimeException {
    IdempotencyKeyReused(final String key) {
      super(
          "The Idempotency-Key '"
              + key
              + "' was already used for a different deal; use a new key for a new deal.");
    }
  }

  /** Stored, but the process could not be started. */
  static class NotStarted extends RuntimeException {
    final UUID dealId;

    NotStarted(final UUID dealId, final Throwable cause) {
      super(
          "Deal "
              + dealId
              + " is stored but its trade lifecycle could not be started: "
              + cause.getMessage()
              + ". Repeat the request with the same Idempotency-Key to start it.",
          cause);
      this.dealId = dealId;
    }
  }

  static class EngineUnavailable extends RuntimeException {
    EngineUnavailable(final Throwable cause) {
      super("The process engine did not take the message: " + cause.getMessage(), cause);
    }
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(final NotFound e) {
    return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(NoDocument.class)
  ProblemDetail noDocument(final NoDocument e) {
    return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(OtherDesk.class)
  ProblemDetail otherDesk(final OtherDesk e) {
    return problem(HttpStatus.FORBIDDEN, OTHER_DESK, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(FourEyesViolation.class)
  ProblemDetail fourEyes(final FourEyesViolation e) {
    final ProblemDetail problem =
        problem(HttpStatus.FORBIDDEN, FOUR_EYES, "Four-eyes rule", e.getMessage());
    problem.setProperty("dealId", e.dealId.toString());
    return problem;
  }

  @ExceptionHandler(DealConflict.class)
  ProblemDetail conflict(final DealConflict e) {
    final ProblemDetail problem = problem(HttpStatus.CONFLICT, e.type, "Conflict", e.getMessage());
    problem.setProperty("currentVersion", e.currentVersion);
    return problem;
  }

  @ExceptionHandler(IdempotencyKeyReused.class)
  ProblemDetail keyReused(final IdempotencyKeyReused e) {
    final ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED, "Idempotency key reused", e.getMessage());
    problem.setProperty("field", "Idempotency-Key");
    return problem;
  }

  @ExceptionHandler(NotStarted.class)
  ProblemDetail notStarted(final NotStarted e) {
    final ProblemDetail problem =
        problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Process not started", e.getMessage());
    problem.setProperty("dealId", e.dealId.toString());
    return problem;
  }

  @ExceptionHandler(EngineUnavailable.class)
  ProblemDetail engine(final EngineUnavailable e) {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Temporarily unavailable", e.getMessage());
  }

  @ExceptionHandler(CreditProblems.CreditLimitExceeded.class)
  ProblemDetail exceeded(final CreditProblems.CreditLimitExceeded e) {
    final ProblemDetail problem =
        problem(HttpStatus.CONFLICT, EXCEEDED, "Credit limit exceeded", e.getMessage());
    problem.setProperty("field", "value.amount");
    problem.setProperty("headroom", e.check().headroomBefore().rounded().amount());
    problem.setProperty("requested", e.check().dealExposure().rounded().amount());
    problem.setProperty("currency", e.check().dealExposure().currency().getCurrencyCode());
    return problem;
  }

  @ExceptionHandler(CreditProblems.NoCreditLimit.class)
  ProblemDetail noLimit(final CreditProblems.NoCreditLimit e) {
    final ProblemDetail problem =
        problem(HttpStatus.CONFLICT, NO_LIMIT, "No credit limit", e.getMessage());
    problem.setProperty("field", "counterpartyId");
    return problem;
  }

  @ExceptionHandler(CreditInputException.class)
  ProblemDetail creditInput(final CreditInputException e) {
    final ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input", e.getMessage());
    problem.setProperty("field", "value.currency");
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
