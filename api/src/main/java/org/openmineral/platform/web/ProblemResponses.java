package org.openmineral.platform.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmineral.domain.valuation.InvalidValuationInput;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}). Input errors name the
 * offending field in {@code field} (JSON path as the client wrote it, e.g. {@code prices.Cu} or
 * {@code payables[0].element}) and in {@code errors}.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {
  static final URI INVALID_INPUT = URI.create("https://openmineral.org/problems/invalid-input");

  static final URI UNAVAILABLE = URI.create("https://openmineral.org/problems/unavailable");

  @ExceptionHandler(InvalidValuationInput.class)
  ProblemDetail invalidValuation(final InvalidValuationInput e) {
    return invalid(e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidRequestField.class)
  ProblemDetail invalidField(final InvalidRequestField e) {
    return invalid(e.field(), e.getMessage());
  }

  @ExceptionHandler(ServiceUnavailable.class)
  ProblemDetail unavailable(final ServiceUnavailable e) {
    return unavailableProblem(e.getMessage());
  }

  /** A 503 problem of type {@link #UNAVAILABLE}. */
  static ProblemDetail unavailableProblem(final String detail) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setType(UNAVAILABLE);
    problem.setTitle("Temporarily unavailable");
    return problem;
  }

  /** {@link #unavailableProblem} with a {@code Retry-After} of that many seconds. */
  static ResponseEntity<ProblemDetail> retryLater(final String detail, final int seconds) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds))
        .body(unavailableProblem(detail));
  }

  /**
   * A lock the request waited for in the database was not granted: a deadlock with concurrent work
   * on the same rows, or a lock time-out. The transaction was rolled back; 503 with a short
   * Retry-After, and a message that does not call the database down.
   */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> lockNotGranted(final PessimisticLockingFailureException e) {
    return concurrentWork();
  }

  /** The answer of {@link #lockNotGranted}, also for a conflict that arrives wrapped. */
  static ResponseEntity<ProblemDetail> concurrentWork() {
    return retryLater(
        "The request met concurrent work on the same data and was rolled back; its changes"
            + " were not saved. Try again.",
        1);
  }

  /**
   * The database unreachable or out of connections (after the pool's connection time-out, 3 s by
   * default): 503 with a hint to retry, rather than a 500. Nothing was written.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(final Exception e) {
    return retryLater("The database is unavailable; nothing was changed. Try again shortly.", 5);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      final HttpMessageNotReadableException e,
      final HttpHeaders headers,
      final HttpStatusCode status,
      final WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestLimits.PayloadTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .header(HttpHeaders.CONNECTION, "close")
            .body(RequestLimits.problem(tooLarge.limit()));
      }
      if (cause instanceof StreamConstraintsException limit) {
        return ResponseEntity.badRequest()
            .body(
                invalid(
                    null, "The request body exceeds a JSON limit: " + limit.getOriginalMessage()));
      }
    }
    final String field = e.getCause() instanceof JsonMappingException mapping ? path(mapping) : "";
    final String detail =
        field.isEmpty()
            ? "The request body is not valid JSON."
            : field + ": cannot be read as the expected type";
    return ResponseEntity.badRequest().body(invalid(field.isEmpty() ? null : field, detail));
  }

  static ProblemDetail invalid(final String field, final String detail) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(INVALID_INPUT);
    problem.setTitle("Invalid input");
    if (field != null) {
      problem.setProperty("field", field);
      problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    }
    return problem;
  }

  private static String path(final JsonMappingException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getIndex() >= 0
                    ? "[" + reference.getIndex() + "]"
                    : "." + reference.getFieldName())
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
