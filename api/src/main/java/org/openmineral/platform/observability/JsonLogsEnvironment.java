package org.openmineral.platform.observability;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Switches the console log to one JSON object per line (Elastic Common Schema, Spring Boot's
 * structured logging) when {@value #PROPERTY} is true or the profile {@value #PROFILE} is active.
 * Human-readable lines stay the default. An explicit {@code logging.structured.format.console}
 * (ecs, logstash, gelf) wins. Runs before the logging system starts.
 */
public class JsonLogsEnvironment implements EnvironmentPostProcessor {
  public static final String PROPERTY = "openmineral.logging.json";
  public static final String PROFILE = "json-logs";
  static final String FORMAT_PROPERTY = "logging.structured.format.console";
  static final String FORMAT = "ecs";
  static final String SOURCE_NAME = "openmineralJsonLogs";

  @Override
  public void postProcessEnvironment(
      final ConfigurableEnvironment environment, final SpringApplication application) {
    final boolean wanted =
        environment.getProperty(PROPERTY, Boolean.class, false)
            || environment.acceptsProfiles(Profiles.of(PROFILE));
    if (wanted && !environment.containsProperty(FORMAT_PROPERTY)) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource(SOURCE_NAME, Map.of(FORMAT_PROPERTY, FORMAT)));
    }
  }
}
