package org.openmineral.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmineral.ApplicationTest;

/** Requests of the market data API tests: uploads, reads, pre-deal analyses and their checks. */
abstract class MarketDataApiClient extends ApplicationTest {
  static final ObjectMapper JSON = new ObjectMapper();

  void assertField(final HttpResponse<String> response, final String field) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(field);
  }

  static List<String> kindsAndLines(final JsonNode issues) {
    final List<String> out = new ArrayList<>();
    issues.forEach(i -> out.add(i.get("kind").asText() + "@" + i.get("line").asInt()));
    return out;
  }

  static byte[] bytes(final String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  HttpResponse<String> upload(final String user, final String fileName, final byte[] content) {
    final String boundary = "----openmineral" + UUID.randomUUID();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        bytes(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
    body.writeBytes(content);
    body.writeBytes(bytes("\r\n--" + boundary + "--\r\n"));
    return send(
        HttpRequest.newBuilder(url("/api/market-data/imports"))
            .header("Authorization", bearer(user))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  HttpResponse<String> postJson(final String user, final String json) {
    return send(
        HttpRequest.newBuilder(url("/api/market-data/imports"))
            .header("Authorization", bearer(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> preDeal(final String user, final String json) {
    return send(
        HttpRequest.newBuilder(url("/api/market-data/pre-deal-analysis"))
            .header("Authorization", bearer(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> get(final String user, final String path) {
    return send(
        HttpRequest.newBuilder(url(path)).header("Authorization", bearer(user)).GET().build());
  }

  private static HttpResponse<String> send(final HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
