package org.openmineral.benchmarks.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.openmineral.engine.EmbeddedEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The full product: the Spring Boot application in its default embedded mode (engine, real workers,
 * embedded PostgreSQL, task and deal projections, audit) started in this JVM on a fresh data
 * directory, with the repository's models. Deals, tasks and events go through its HTTP API as the
 * demo users, as a client would send them. The application's classes come from the class path at
 * run time ({@code ./openmineral bench lifecycle} puts them there): its jar is a Spring Boot jar
 * that other modules cannot compile against.
 */
final class FullProductChannel implements DealChannel {
  static final String APPLICATION = "org.openmineral.OpenMineralApplication";
  static final String JOB_HANDLED = "org.openmineral.platform.observability.JobHandled";
  private static final Duration RETRY_FOR = Duration.ofSeconds(60);
  private static final int COUNTERPARTIES = 4;
  private static final long MAX_PAUSE_MS = 200;

  private final ConfigurableApplicationContext context;
  private final JobHandledRelay jobsHandled;
  private final Path data;
  private final ProductHttp http;
  private final List<String> counterparties = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong retries =
      new java.util.concurrent.atomic.AtomicLong();

  private FullProductChannel(
      final ConfigurableApplicationContext context,
      final JobHandledRelay jobsHandled,
      final Path data) {
    this.context = context;
    this.jobsHandled = jobsHandled;
    this.data = data;
    this.http =
        new ProductHttp(
            URI.create(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
  }

  static FullProductChannel start(final Path root) throws Exception {
    final Path data = Files.createTempDirectory("openmineral-lifecycle-full-");
    final Class<?> application = Class.forName(APPLICATION);
    final JobHandledRelay jobsHandled = new JobHandledRelay(Class.forName(JOB_HANDLED));
    final ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application).listeners(jobsHandled).run(arguments(root, data));
    return new FullProductChannel(context, jobsHandled, data);
  }

  @Override
  public void onJobHandled(final JobTimeListener listener) {
    jobsHandled.listener = listener;
  }

  /**
   * Relays the application's {@code JobHandled} events (one per job its handlers ran, with the
   * handler's time) to the driver and adds them up per job type; the record's accessors are found
   * by name, as the application's classes are not on the compile path.
   */
  private static final class JobHandledRelay implements ApplicationListener<ApplicationEvent> {
    private final Class<?> type;
    private final MethodHandle jobKey;
    private final MethodHandle jobType;
    private final MethodHandle nanos;
    private final Map<String, Totals> totals = new ConcurrentHashMap<>();
    private volatile JobTimeListener listener;

    /** One job type's handler time and jobs so far. */
    private record Totals(LongAdder nanos, LongAdder jobs) {}

    JobHandledRelay(final Class<?> type) throws ReflectiveOperationException {
      this.type = type;
      final MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      this.jobKey = lookup.findVirtual(type, "jobKey", MethodType.methodType(long.class));
      this.jobType = lookup.findVirtual(type, "type", MethodType.methodType(String.class));
      this.nanos = lookup.findVirtual(type, "nanos", MethodType.methodType(long.class));
    }

    @Override
    public void onApplicationEvent(final ApplicationEvent event) {
      if (!(event instanceof PayloadApplicationEvent<?> payload)
          || !type.isInstance(payload.getPayload())) {
        return;
      }
      final long key;
      final String jobTypeName;
      final long took;
      try {
        key = (long) jobKey.invoke(payload.getPayload());
        jobTypeName = (String) jobType.invoke(payload.getPayload());
        took = (long) nanos.invoke(payload.getPayload());
      } catch (final Throwable e) {
        throw new IllegalStateException("cannot read " + JOB_HANDLED, e);
      }
      final Totals t =
          totals.computeIfAbsent(
              jobTypeName, ignored -> new Totals(new LongAdder(), new LongAdder()));
      t.nanos().add(took);
      t.jobs().increment();
      final JobTimeListener to = listener;
      if (to != null) {
        to.handled(key, took);
      }
    }

    Map<String, HandlerTime> handlerTime() {
      final Map<String, HandlerTime> time = new TreeMap<>();
      totals.forEach(
          (jobTypeName, t) ->
              time.put(jobTypeName, new HandlerTime(t.nanos().sum() / 1e9, t.jobs().sum())));
      return time;
    }
  }

  /**
   * The application's arguments: a fresh data directory, free ports, the repository's models, and
   * whatever the system property {@code openmineral.bench.app-args} adds (space-separated, e.g.
   * {@code --camunda.client.execution-threads=4}) to compare settings.
   */
  private static String[] arguments(final Path root, final Path data) {
    final List<String> args =
        new ArrayList<>(
            List.of(
                "--openmineral.data-dir=" + data,
                "--server.port=0",
                "--openmineral.engine.port=0",
                AppProcess.repositoryModels(root),
                "--logging.level.root=warn",
                "--logging.level.org.openmineral=warn"));
    final String extra = System.getProperty("openmineral.bench.app-args", "").trim();
    if (!extra.isEmpty()) {
      args.addAll(List.of(extra.split("\\s+")));
      System.out.println("  application arguments added: " + extra);
    }
    return args.toArray(String[]::new);
  }

  /** The data directory of the product's embedded PostgreSQL. */
  Path postgresData() {
    return data.resolve("postgres");
  }

  EmbeddedEngine engine() {
    return context.getBean(EmbeddedEngine.class);
  }

  /**
   * Creates the counterparties the deals are captured with, each with a 1 bn USD limit; the driver
   * approves their onboarding (compliance decision) as it sees the task.
   */
  void onboardCounterparties() throws Exception {
    for (int i = 0; i < COUNTERPARTIES; i++) {
      final ProductHttp.Answer created =
          http.send(
              "trader",
              "POST",
              "/api/counterparties",
              LifecycleDeals.counterpartyBody(
                  "Andes Copper SA " + UUID.randomUUID().toString().substring(0, 8)),
              Map.of());
      created.expect(201);
      counterparties.add(created.body().get("id").asText());
    }
    final long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    for (final String id : counterparties) {
      while (true) {
        final ProductHttp.Answer c =
            http.send("admin", "GET", "/api/counterparties/" + id, null, Map.of());
        if (c.status() == 200 && "APPROVED".equals(c.body().path("kycStatus").asText())) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("counterparty " + id + " not approved: " + c.text());
        }
        Thread.sleep(50);
      }
    }
  }

  @Override
  public String capture(final int n) throws Exception {
    final LocalDate today = LocalDate.ofInstant(engine().currentTime(), ZoneOffset.UTC);
    final ProductHttp.Answer answer =
        http.send(
            "trader",
            "POST",
            "/api/deals",
            LifecycleDeals.captureBody(counterparties.get(n % counterparties.size()), today),
            Map.of("Idempotency-Key", "bench-" + n + "-" + UUID.randomUUID()));
    answer.expect(201);
    return answer.body().get("id").asText();
  }

  @Override
  public void completeTask(
      final long taskKey,
      final String elementId,
      final List<String> candidateGroups,
      final String dealId)
      throws Exception {
    final String user = LifecycleDeals.userFor(candidateGroups);
    retrying(
        () ->
            http.send(
                user,
                "POST",
                "/api/tasks/" + taskKey + "/complete",
                LifecycleDeals.taskVariables(elementId),
                Map.of()),
        204);
  }

  @Override
  public void event(
      final String dealId,
      final String event,
      final Map<String, Object> body,
      final String invoiceId)
      throws Exception {
    retrying(
        () ->
            http.send(
                "operations",
                "POST",
                "/api/deals/" + dealId + "/events/" + event,
                body,
                Map.of("Idempotency-Key", event + "-" + DealChannel.eventKey(body))),
        202);
  }

  private interface Request {
    ProductHttp.Answer send() throws Exception;
  }

  /**
   * Sends until the expected status, as a client would: a task the inbox does not show yet (404,
   * its projection lags the engine), a payment before its invoice (409), an engine or database busy
   * (409 on a task in transition, 5xx, a dropped connection) are sent again after 10 ms, for up to
   * a minute. A bad request (400) or a refusal (403) is a driver bug and fails at once.
   */
  private void retrying(final Request request, final int expected) throws Exception {
    final long deadline = System.nanoTime() + RETRY_FOR.toNanos();
    long pause = 10;
    while (true) {
      final ProductHttp.Answer answer;
      try {
        answer = request.send();
      } catch (final IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        retries.incrementAndGet();
        Thread.sleep(pause);
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
        continue;
      }
      if (answer.status() == expected
          || answer.status() == 400
          || answer.status() == 403
          || System.nanoTime() > deadline) {
        answer.expect(expected);
        return;
      }
      retries.incrementAndGet();
      Thread.sleep(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }

  long retries() {
    return retries.get();
  }

  @Override
  public void close() throws Exception {
    context.close();
    AppProcess.deleteTree(data);
  }

  /** The handlers' time per job type so far, from the application's {@code JobHandled} events. */
  @Override
  public Map<String, HandlerTime> handlerTime() {
    return jobsHandled.handlerTime();
  }

  /** JSON over HTTP as the demo users (password = user name), tokens cached per user. */
  static final class ProductHttp {
    private final URI base;
    private final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    ProductHttp(final URI base) {
      this.base = base;
    }

    record Answer(int status, JsonNode body, String text) {
      void expect(final int expected) {
        if (status != expected) {
          throw new IllegalStateException(
              "HTTP " + status + " (expected " + expected + "): " + text);
        }
      }
    }

    Answer send(
        final String user,
        final String method,
        final String path,
        final Object body,
        final Map<String, String> headers)
        throws IOException, InterruptedException {
      final HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .header("Authorization", "Bearer " + token(user))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      headers.forEach(request::header);
      final HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      final String text = response.body();
      return new Answer(
          response.statusCode(), text == null || text.isEmpty() ? null : json.readTree(text), text);
    }

    String token(final String user) throws IOException, InterruptedException {
      final String cached = tokens.get(user);
      return cached != null ? cached : signIn(user);
    }

    /** One sign-in per user: concurrent first requests wait for it rather than each signing in. */
    private synchronized String signIn(final String user) throws IOException, InterruptedException {
      final String cached = tokens.get(user);
      if (cached != null) {
        return cached;
      }
      final HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(base.resolve("/api/auth/token"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          json.writeValueAsString(Map.of("username", user, "password", user))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("no token for " + user + ": " + response.body());
      }
      final String token = json.readTree(response.body()).get("access_token").asText();
      tokens.put(user, token);
      return token;
    }
  }
}
