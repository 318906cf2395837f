package org.openmineral.credit;

import java.net.URI;
import org.openmineral.domain.credit.CreditCheck;
import org.openmineral.domain.credit.CreditInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The credit API's own problems (RFC 9457); invalid input is the platform's 400. */
@RestControllerAdvice(assignableTypes = CreditController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CreditProblems {
  static final URI NOT_FOUND = URI.create("https://openmineral.org/problems/not-found");
  static final URI EXCEEDED = URI.create("https://openmineral.org/problems/credit-limit-exceeded");
  static final URI NO_LIMIT = URI.create("https://openmineral.org/problems/no-credit-limit");
  static final URI INVALID_INPUT = URI.create("https://openmineral.org/problems/invalid-input");
  static final URI KEY_REUSED =
      URI.create("https://openmineral.org/problems/idempotency-key-reused");

  public static class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(final String message) {
      super(message);
    }
  }

  public static class NoCreditLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoCreditLimit(final String counterpartyId) {
      super("Counterparty " + counterpartyId + " has no credit limit: no credit can be reserved.");
    }
  }

  /** The deal does not fit the headroom; carries the check that said so. */
  public static class CreditLimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient CreditCheck check;

    public CreditCheck check() {
      return check;
    }

    CreditLimitExceeded(final String counterpartyId, final CreditCheck check) {
      super("Credit of " + counterpartyId + " " + check.reason() + ".");
      this.check = check;
    }
  }

  public static class DealRefReused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DealRefReused(final String dealRef) {
      super(
          "The dealRef '"
              + dealRef
              + "' already has a reservation with another amount or currency; use a new dealRef"
              + " for a new deal.");
    }
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(final NotFound e) {
    return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(NoCreditLimit.class)
  ProblemDetail noLimit(final NoCreditLimit e) {
    final ProblemDetail problem =
        problem(HttpStatus.CONFLICT, NO_LIMIT, "No credit limit", e.getMessage());
    problem.setProperty("headroom", java.math.BigDecimal.ZERO);
    return problem;
  }

  @ExceptionHandler(CreditLimitExceeded.class)
  ProblemDetail exceeded(final CreditLimitExceeded e) {
    final ProblemDetail problem =
        problem(HttpStatus.CONFLICT, EXCEEDED, "Credit limit exceeded", e.getMessage());
    problem.setProperty("headroom", e.check.headroomBefore().rounded().amount());
    problem.setProperty("requested", e.check.dealExposure().rounded().amount());
    problem.setProperty("currency", e.check.dealExposure().currency().getCurrencyCode());
    return problem;
  }

  /** A deal in another currency than the limit's (no FX here). */
  @ExceptionHandler(CreditInputException.class)
  ProblemDetail creditInput(final CreditInputException e) {
    final ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid request", e.getMessage());
    problem.setProperty("field", "currency");
    return problem;
  }

  @ExceptionHandler(DealRefReused.class)
  ProblemDetail reused(final DealRefReused e) {
    final ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED, "Idempotency key reused", e.getMessage());
    problem.setProperty("field", "dealRef");
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
