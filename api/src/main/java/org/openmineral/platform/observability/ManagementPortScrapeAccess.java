package org.openmineral.platform.observability;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches a Prometheus scrape that arrives on the separate management port: {@code GET <management
 * base path>/prometheus} on the port of the web server in the {@code management} namespace, the one
 * Spring Boot starts when {@code management.server.port} differs from {@code server.port}. Never
 * matches while the actuator shares the application's port.
 */
final class ManagementPortScrapeAccess
    implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {
  static final String MANAGEMENT_NAMESPACE = "management";

  private final String prometheusPath;
  private final AtomicInteger managementPort = new AtomicInteger(-1);

  /**
   * @param basePath {@code management.endpoints.web.base-path}, {@code /actuator} by default
   */
  ManagementPortScrapeAccess(final String basePath) {
    final String base =
        basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    prometheusPath = base + "/prometheus";
  }

  @Override
  public void onApplicationEvent(final WebServerInitializedEvent event) {
    if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
      managementPort.set(event.getWebServer().getPort());
    }
  }

  @Override
  public boolean matches(final HttpServletRequest request) {
    final int port = managementPort.get();
    if (port <= 0 || request.getLocalPort() != port || !"GET".equals(request.getMethod())) {
      return false;
    }
    final String path = request.getRequestURI().substring(request.getContextPath().length());
    return prometheusPath.equals(path);
  }
}
