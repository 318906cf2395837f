package org.openmineral.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What no other handler answered, as a problem rather than Spring Boot's plain error JSON: an
 * outage of a dependency (see {@link Outages}) is a 503 that says which and to retry, a concurrency
 * conflict wrapped in another exception the same 503 as an unwrapped one ({@link
 * ProblemResponses#concurrentWork}), anything else a 500 that tells the client nothing of the
 * server's internals but the trace id to quote (the log has the stack trace). Runs after every
 * other advice; exceptions that carry their own status (Spring's, {@code @ResponseStatus},
 * security's) go on to their usual handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedErrors {
  static final URI INTERNAL = URI.create("https://openmineral.org/problems/internal-error");
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(final Exception e, final HttpServletRequest request)
      throws Exception {
    if (e instanceof ErrorResponse
        || e instanceof AccessDeniedException
        || e instanceof AuthenticationException
        || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
      throw e;
    }
    if (Outages.isConcurrencyConflict(e)) {
      LOG.warn(
          "{} {}: concurrent work: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return ProblemResponses.concurrentWork();
    }
    if (Outages.isOutage(e)) {
      final String what =
          Outages.isDatabaseOutage(e)
              ? "The database is unavailable; nothing was changed. Try again shortly."
              : "A service the request needs is unavailable: " + Outages.describe(e);
      LOG.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), Outages.describe(e));
      return ProblemResponses.retryLater(what, 5);
    }
    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request failed on the server. Quote the trace id "
                + MDC.get("traceId")
                + " (response header X-Trace-Id) when reporting it.");
    problem.setType(INTERNAL);
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }
}
