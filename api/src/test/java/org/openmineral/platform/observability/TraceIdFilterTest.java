package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TraceIdFilterTest {

  @Test
  void takesTheTraceIdOfAW3cTraceparent() throws Exception {
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
    request.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    final MockHttpServletResponse response = new MockHttpServletResponse();
    final AtomicReference<String> during = new AtomicReference<>();

    new TraceIdFilter()
        .doFilter(request, response, (req, res) -> during.set(MDC.get(TraceIdFilter.TRACE_ID)));

    assertThat(during.get()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(response.getHeader("X-Trace-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(MDC.get(TraceIdFilter.TRACE_ID)).isNull();
  }

  @Test
  void makesANewOneWithoutAValidTraceparent() {
    assertThat(TraceIdFilter.traceId(null)).matches("[0-9a-f]{32}");
    assertThat(TraceIdFilter.traceId("garbage")).matches("[0-9a-f]{32}");
    assertThat(TraceIdFilter.traceId("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
        .matches("[0-9a-f]{32}")
        .isNotEqualTo("0".repeat(32));
    assertThat(TraceIdFilter.traceId(null)).isNotEqualTo(TraceIdFilter.traceId(null));
  }
}
