package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code openmineral.logging.json} and the {@code json-logs} profile switch the console to ECS JSON
 * lines, with the MDC (trace id, job keys) as fields; without them the log stays human-readable.
 * Checked on the environment and on Spring Boot's encoder, without starting an application.
 */
class JsonLogsTest {

  @Test
  void humanReadableByDefault() {
    assertThat(format(new MockEnvironment())).isNull();
  }

  @Test
  void thePropertyOrTheProfileSwitchesToEcs() {
    assertThat(format(new MockEnvironment().withProperty("openmineral.logging.json", "true")))
        .isEqualTo("ecs");
    final MockEnvironment profile = new MockEnvironment();
    profile.setActiveProfiles("json-logs");
    assertThat(format(profile)).isEqualTo("ecs");
    assertThat(format(new MockEnvironment().withProperty("openmineral.logging.json", "false")))
        .isNull();
  }

  @Test
  void anExplicitStructuredFormatWins() {
    assertThat(
            format(
                new MockEnvironment()
                    .withProperty("openmineral.logging.json", "true")
                    .withProperty("logging.structured.format.console", "logstash")))
        .isEqualTo("logstash");
  }

  @Test
  void ecsLinesCarryTheMdc() throws Exception {
    final MockEnvironment environment =
        new MockEnvironment()
            .withProperty("openmineral.logging.json", "true")
            .withProperty("spring.application.name", "openmineral");
    final LoggerContext context = new LoggerContext();
    context.putObject(Environment.class.getName(), environment);
    final StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat(format(environment));
    encoder.start();
    final LoggingEvent event =
        new LoggingEvent(
            getClass().getName(),
            context.getLogger("org.openmineral.workers.kyc.KycScreenWorker"),
            Level.INFO,
            "screened {} parties",
            null,
            new Object[] {2});
    event.setMDCPropertyMap(
        Map.of(
            "traceId", "4bf92f3577b34da6a3ce929d0e0e4736",
            "processInstanceKey", "2251799813685251",
            "jobType", "kyc.screen",
            "elementId", "screen"));

    final String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    final JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("message").asText()).as(line).isEqualTo("screened 2 parties");
    assertThat(json.has("@timestamp")).as(line).isTrue();
    assertThat(line)
        .contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
        .contains("\"processInstanceKey\":\"2251799813685251\"")
        .contains("\"jobType\":\"kyc.screen\"")
        .contains("\"elementId\":\"screen\"")
        .contains("openmineral");
  }

  private static String format(final MockEnvironment environment) {
    new JsonLogsEnvironment().postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty("logging.structured.format.console");
  }
}
