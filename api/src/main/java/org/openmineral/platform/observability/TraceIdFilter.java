package org.openmineral.platform.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a trace id in the logging MDC ({@value #TRACE_ID}) for the duration of an HTTP request and
 * returns it in the {@value #RESPONSE_HEADER} response header, so a user's report can be matched to
 * the log lines. The id is the W3C {@code traceparent} header's trace id when the caller (an
 * ingress, a browser instrumented with OpenTelemetry) sent one, else a new random one. Only used
 * without Micrometer Tracing, which maintains {@code traceId} itself.
 */
final class TraceIdFilter extends OncePerRequestFilter {
  static final String TRACE_ID = "traceId";
  static final String RESPONSE_HEADER = "X-Trace-Id";
  private static final Pattern TRACEPARENT =
      Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
  private static final String INVALID_TRACE_ID = "0".repeat(32);

  @Override
  protected void doFilterInternal(
      final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
      throws ServletException, IOException {
    final String traceId = traceId(request.getHeader("traceparent"));
    MDC.put(TRACE_ID, traceId);
    response.setHeader(RESPONSE_HEADER, traceId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(TRACE_ID);
    }
  }

  static String traceId(final String traceparent) {
    if (traceparent != null) {
      final var match = TRACEPARENT.matcher(traceparent.trim());
      if (match.matches() && !INVALID_TRACE_ID.equals(match.group(1))) {
        return match.group(1);
      }
    }
    final byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
