package org.openmineral.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Errors that Tomcat answers itself, before any servlet runs (a path with an encoded slash or a
 * {@code ..} above the root, a malformed request line or header), as RFC 9457 problems like every
 * other error of the API, instead of Tomcat's HTML error page. Errors raised inside the application
 * keep their own problem bodies: this valve only writes when nothing was written.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
              }
            });
  }

  /** Tomcat's error report valve, writing a problem+json body without details of the server. */
  public static class ProblemReportValve extends ErrorReportValve {
    @Override
    protected void report(
        final Request request, final Response response, final Throwable throwable) {
      final int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      final HttpStatus known = HttpStatus.resolve(status);
      final String title = known == null ? "Error" : known.getReasonPhrase();
      final String detail =
          status == 400
              ? "The request was refused by the web server: its line, path or headers are not"
                  + " acceptable (e.g. an encoded slash or a path above the root)."
              : title + ".";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        final Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\"}");
          response.finishResponse();
        }
      } catch (final IOException | IllegalStateException e) {
        // the client is gone or the response cannot take a body: nothing left to tell it
      }
    }
  }
}
