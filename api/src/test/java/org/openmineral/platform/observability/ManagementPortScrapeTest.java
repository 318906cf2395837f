package org.openmineral.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.spring.configuration.CamundaAutoConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;

/**
 * With a separate management port, Prometheus scrapes it without a token while every other request,
 * on either port, keeps needing authentication. A small web application with only the metrics
 * security next to a stand-in for the API's rules (no engine, no database).
 */
@SpringBootTest(
    classes = ManagementPortScrapeTest.ScrapeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "management.endpoints.web.exposure.include=health,info,prometheus",
      "openmineral.engine.mode=cluster"
    })
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class ManagementPortScrapeTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration(
      exclude = {
        DataSourceAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class,
        CamundaAutoConfiguration.class
      })
  @Import(MetricsSecurityConfiguration.class)
  static class ScrapeApplication {
    /** Stands in for the API's rules: everything needs authentication. */
    @Bean
    SecurityFilterChain everythingAuthenticated(final HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults())
          .build();
    }
  }

  @LocalServerPort int serverPort;
  @LocalManagementPort int managementPort;

  @Test
  void prometheusIsOpenOnTheManagementPortOnly() throws Exception {
    assertThat(managementPort).isNotEqualTo(serverPort);

    final HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("jvm_memory_used_bytes");

    assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(401);
    assertThat(get(managementPort, "/actuator/prometheus/").statusCode()).isEqualTo(401);
    assertThat(get(serverPort, "/actuator/prometheus").statusCode()).isIn(401, 404);
    assertThat(get(serverPort, "/anything").statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> get(final int port, final String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
