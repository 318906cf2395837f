package org.openmineral.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on what a request may send, so that a hostile or broken client cannot make the application
 * read without end: a request body larger than {@code openmineral.web.max-request-body} (1 MB by
 * default; multipart uploads have Spring's own {@code spring.servlet.multipart.*} limits) is
 * refused with 413 before anything reads it, whether it announces its length or streams it chunked;
 * JSON nested deeper than {@code openmineral.web.max-json-nesting} (64) or with a string longer
 * than the body limit is refused with 400 by the JSON parser itself.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {
  static final URI PAYLOAD_TOO_LARGE =
      URI.create("https://openmineral.org/problems/payload-too-large");

  /** The limits; see the class comment. */
  @ConfigurationProperties("openmineral.web")
  public record Settings(DataSize maxRequestBody, Integer maxJsonNesting) {
    public Settings {
      maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
      maxJsonNesting = maxJsonNesting == null ? 64 : maxJsonNesting;
      if (maxRequestBody.toBytes() <= 0) {
        throw new IllegalArgumentException("openmineral.web.max-request-body must be positive");
      }
      if (maxJsonNesting <= 0) {
        throw new IllegalArgumentException("openmineral.web.max-json-nesting must be positive");
      }
    }
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(final Settings settings) {
    final StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(settings.maxJsonNesting())
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, settings.maxRequestBody().toBytes()))
            .maxNumberLength(100)
            .build();
    return builder ->
        builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
  }

  @Bean
  FilterRegistrationBean<BodySizeFilter> bodySizeFilter(
      final Settings settings, final ObjectMapper json) {
    final FilterRegistrationBean<BodySizeFilter> registration =
        new FilterRegistrationBean<>(new BodySizeFilter(settings.maxRequestBody().toBytes(), json));
    // before security and everything else that might read the body
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Thrown while a chunked body is read past the limit; answered with 413. */
  public static final class PayloadTooLarge extends IOException {
    private final long limit;

    PayloadTooLarge(final long limit) {
      super("The request body is larger than " + limit + " bytes.");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  static ProblemDetail problem(final long limit) {
    final ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than "
                + limit
                + " bytes (openmineral.web.max-request-body).");
    problem.setType(PAYLOAD_TOO_LARGE);
    problem.setTitle("Request body too large");
    return problem;
  }

  static final class BodySizeFilter extends OncePerRequestFilter {
    private final long limit;
    private final ObjectMapper json;

    BodySizeFilter(final long limit, final ObjectMapper json) {
      this.limit = limit;
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(final HttpServletRequest request) {
      final String type = request.getContentType();
      return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(
        final HttpServletRequest request,
        final HttpServletResponse response,
        final FilterChain chain)
        throws ServletException, IOException {
      if (request.getContentLengthLong() > limit) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the client may still be sending: do not keep the connection for the rest of it
        response.setHeader("Connection", "close");
        final ProblemDetail problem = problem(limit);
        problem.setInstance(URI.create(request.getRequestURI()));
        json.writeValue(response.getOutputStream(), problem);
        return;
      }
      chain.doFilter(new LimitedRequest(request, limit), response);
    }
  }

  /** Counts what is read of a body of unknown length and stops at the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(final HttpServletRequest request, final long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long read;

    LimitedStream(final ServletInputStream delegate, final long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    private int count(final int n) throws PayloadTooLarge {
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new PayloadTooLarge(limit);
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      final int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(final byte[] buffer, final int offset, final int length) throws IOException {
      return count(delegate.read(buffer, offset, length));
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(final ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
