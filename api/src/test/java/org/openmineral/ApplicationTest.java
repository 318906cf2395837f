package org.openmineral;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the whole application in its default mode (embedded engine, embedded
 * PostgreSQL, real HTTP). All subclasses share one application context and one data directory per
 * test JVM. Requests authenticate like any client: with {@link #bearer(String)}, a token that the
 * demo user of that name got from {@code POST /api/auth/token}.
 */
@SpringBootTest(
    classes = OpenMineralApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// the Prometheus registry as in production (Spring Boot tests leave metrics export off by default)
@AutoConfigureObservability(tracing = false)
public abstract class ApplicationTest {
  protected static final Path DATA_DIRECTORY = createDataDirectory();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void applicationProperties(final DynamicPropertyRegistry registry) {
    registry.add("openmineral.data-dir", DATA_DIRECTORY::toString);
  }

  /** {@code http://localhost:<port><path>}. */
  protected URI url(final String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The {@code Authorization} header value for the demo user {@code username}. */
  protected String bearer(final String username) {
    return "Bearer " + TOKENS.computeIfAbsent(username, this::login);
  }

  /** POSTs the login of a demo user (password = username) and returns the response. */
  protected HttpResponse<String> requestToken(final String username, final String password) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(url("/api/auth/token"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(
                              Map.of("username", username, "password", password))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String login(final String username) {
    final HttpResponse<String> response = requestToken(username, username);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "no token for " + username + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return JSON.readTree(response.body()).get("access_token").asText();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDataDirectory() {
    try {
      return Files.createTempDirectory("openmineral-test-");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
