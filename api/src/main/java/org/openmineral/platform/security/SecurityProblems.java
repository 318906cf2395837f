package org.openmineral.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, like every other error of the API. The {@code
 * WWW-Authenticate} header is set as RFC 6750 asks, by Spring's bearer-token handlers.
 */
final class SecurityProblems {
  static final URI UNAUTHENTICATED = URI.create("https://openmineral.org/problems/unauthenticated");
  static final URI BAD_CREDENTIALS = URI.create("https://openmineral.org/problems/bad-credentials");
  static final URI FORBIDDEN = URI.create("https://openmineral.org/problems/forbidden");

  private final ObjectMapper json;
  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerAccessDenied =
      new BearerTokenAccessDeniedHandler();

  SecurityProblems(final ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, exception) -> {
      bearerEntryPoint.commence(request, response, exception);
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          UNAUTHENTICATED,
          "Authentication required",
          detail(request, exception));
    };
  }

  AccessDeniedHandler accessDeniedHandler() {
    return (request, response, exception) -> {
      bearerAccessDenied.handle(request, response, exception);
      write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          FORBIDDEN,
          "Forbidden",
          "Your roles do not allow " + request.getMethod() + " " + path(request) + ".");
    };
  }

  /** The answer to a wrong username or password: the same whichever of the two was wrong. */
  static ProblemDetail badCredentials() {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "The username or the password is wrong.");
    problem.setType(BAD_CREDENTIALS);
    problem.setTitle("Bad credentials");
    return problem;
  }

  private static String detail(
      final HttpServletRequest request, final AuthenticationException exception) {
    if (exception instanceof InvalidBearerTokenException) {
      return "The bearer token is not valid: " + exception.getMessage();
    }
    final String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "A bearer token is required (Authorization: Bearer <token>); get one from POST"
          + " /api/auth/token or from the identity provider.";
    }
    return "The bearer token is not valid: " + exception.getMessage();
  }

  private void write(
      final HttpServletRequest request,
      final HttpServletResponse response,
      final HttpStatus status,
      final URI type,
      final String title,
      final String detail)
      throws IOException {
    final Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.toString());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", path(request));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  private static String path(final HttpServletRequest request) {
    return request.getRequestURI();
  }
}
