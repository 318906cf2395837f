package org.openmineral.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app (the {@code web} module's build, packaged as {@code classpath:/static}). A
 * path of the app's own routes ({@code /tasks/123}) that is no file answers {@code index.html}, so
 * a reload or a bookmark opens the app there; {@code /api}, {@code /actuator} and anything that
 * looks like a file keep their 404 problem. Hashed assets are cached for a year, {@code index.html}
 * never.
 */
@Configuration(proxyBeanMethods = false)
public class WebApp implements WebMvcConfigurer {
  static final String LOCATION = "classpath:/static/";
  private static final Set<String> NOT_APP_ROUTES =
      Set.of("api", "actuator", "error", "v3", "swagger-ui");

  @Override
  public void addResourceHandlers(final ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations(LOCATION + "assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
        .resourceChain(true)
        .addResolver(new PathResourceResolver());
    registry
        .addResourceHandler("/**")
        .addResourceLocations(LOCATION)
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new AppRoutes());
  }

  /** Whether {@code path} (without the leading slash) may be one of the app's routes. */
  static boolean appRoute(final String path) {
    final String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    final String last = path.substring(path.lastIndexOf('/') + 1);
    return !NOT_APP_ROUTES.contains(first) && !last.contains(".");
  }

  /** A file if there is one, else {@code index.html} for the app's routes. */
  static final class AppRoutes extends PathResourceResolver {
    @Override
    protected Resource getResource(final String resourcePath, final Resource location)
        throws IOException {
      final Resource file = super.getResource(resourcePath, location);
      if (file != null) {
        return file;
      }
      if (!appRoute(resourcePath)) {
        return null;
      }
      final Resource index = new ClassPathResource("static/index.html");
      return index.exists() && index.isReadable() ? index : null;
    }
  }
}
