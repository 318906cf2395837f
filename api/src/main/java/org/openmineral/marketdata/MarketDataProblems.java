package org.openmineral.marketdata;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmineral.domain.forecasting.ForecastException;
import org.openmineral.domain.predeal.PreDealInputException;
import org.openmineral.domain.valuation.InvalidValuationInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The market data API's problems (RFC 9457); other invalid input is the platform's 400. */
@RestControllerAdvice(assignableTypes = MarketDataController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MarketDataProblems {
  static final URI INVALID_INPUT = URI.create("https://openmineral.org/problems/invalid-input");
  static final URI NOT_FOUND_TYPE = URI.create("https://openmineral.org/problems/not-found");
  static final URI UNREACHABLE = URI.create("https://openmineral.org/problems/source-unreachable");

  /** The file or feed as a whole cannot be imported; the failed import is recorded. */
  static class ImportFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final UUID importId;
    final String field;

    ImportFailed(final UUID importId, final String field, final String message) {
      super(message);
      this.importId = importId;
      this.field = field;
    }
  }

  static class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(final String message) {
      super(message);
    }
  }

  /** The feed could not be fetched; the failed import is recorded. */
  static class SourceUnreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final UUID importId;

    SourceUnreachable(final UUID importId, final String message) {
      super(message);
      this.importId = importId;
    }
  }

  @ExceptionHandler(ImportFailed.class)
  ProblemDetail importFailed(final ImportFailed e) {
    final ProblemDetail problem = invalid(e.field, e.getMessage());
    problem.setProperty("importId", e.importId);
    return problem;
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(final NotFound e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(NOT_FOUND_TYPE);
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(SourceUnreachable.class)
  ProblemDetail unreachable(final SourceUnreachable e) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    problem.setType(UNREACHABLE);
    problem.setTitle("Source unreachable");
    problem.setProperty("field", "url");
    problem.setProperty("importId", e.importId);
    return problem;
  }

  @ExceptionHandler(PreDealInputException.class)
  ProblemDetail preDeal(final PreDealInputException e) {
    return invalid(e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidValuationInput.class)
  ProblemDetail valuation(final InvalidValuationInput e) {
    return invalid("valuation." + e.field(), e.getMessage());
  }

  @ExceptionHandler(ForecastException.class)
  ProblemDetail forecast(final ForecastException e) {
    return invalid("series", e.getMessage());
  }

  static ProblemDetail invalid(final String field, final String detail) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(INVALID_INPUT);
    problem.setTitle("Invalid input");
    problem.setProperty("field", field);
    problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return problem;
  }
}
