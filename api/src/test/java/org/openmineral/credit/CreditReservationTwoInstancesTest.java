package org.openmineral.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmineral.OpenMineralApplication;
import org.openmineral.ServicePostgres;
import org.openmineral.domain.pricing.ImportRules;
import org.openmineral.domain.pricing.PriceSeriesId;
import org.openmineral.domain.pricing.SeriesProvenance;
import org.openmineral.domain.units.Element;
import org.openmineral.domain.units.PriceUnit;
import org.openmineral.marketdata.MarketPrices;
import org.openmineral.platform.redis.CounterpartyLocks;
import org.openmineral.platform.redis.DomainEvent;
import org.openmineral.platform.redis.DomainEvents;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application instances in one test JVM, as two {@link SpringApplicationBuilder} runs, sharing
 * one external PostgreSQL database (the machine's service on 127.0.0.1:5432, a throwaway database)
 * and the real Redis on 127.0.0.1:6379. Each runs its own embedded engine (nothing is deployed to
 * it) and issues its own tokens: the engine plays no part in credit, and this starts in seconds
 * without a Camunda cluster or an external token issuer.
 */
class CreditReservationTwoInstancesTest {
  static final String DATABASE = "openmineral_credit_redis_" + ProcessHandle.current().pid();
  static final String REDIS = "redis://127.0.0.1:6379";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
  static final List<String> tokens = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() throws Exception {
    ServicePostgres.recreate(DATABASE);
    final String topic = "openmineral:test-events:" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      final ConfigurableApplicationContext context =
          new SpringApplicationBuilder(OpenMineralApplication.class)
              .profiles("test")
              // arguments: they outrank application.yaml, as on a command line
              .run(
                  "--openmineral.data-dir="
                      + Files.createTempDirectory("openmineral-instance-" + i + "-"),
                  "--openmineral.deployment.locations=classpath*:no-models/*.bpmn",
                  "--openmineral.redis.address=" + REDIS,
                  "--openmineral.redis.events-topic=" + topic,
                  "--spring.datasource.url=" + ServicePostgres.url(DATABASE),
                  "--spring.datasource.username=" + ServicePostgres.USER,
                  "--server.port=0");
      instances.add(context);
      tokens.add(login(context));
    }
  }

  @AfterAll
  static void stopAndDropDatabase() throws Exception {
    for (final ConfigurableApplicationContext context : instances) {
      context.close();
    }
    ServicePostgres.drop(DATABASE);
  }

  @Test
  void concurrentReservationsOnTwoInstancesNeverExceedTheLimit() throws Exception {
    for (final ConfigurableApplicationContext context : instances) {
      assertThat(context.getBean(CounterpartyLocks.class).getClass().getSimpleName())
          .isEqualTo("RedissonCounterpartyLocks");
    }
    final JdbcTemplate jdbc = instances.get(0).getBean(JdbcTemplate.class);
    final UUID counterparty = CreditReservationApiTest.counterparty(jdbc, "1000.00", "USD");
    final List<List<DomainEvent>> heard =
        List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    final List<AutoCloseable> subscriptions = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      subscriptions.add(instances.get(i).getBean(DomainEvents.class).subscribe(heard.get(i)::add));
    }

    // 24 deals of 100 against a limit of 1000: exactly 10 fit, whichever instance gets them
    final int deals = 24;
    final CountDownLatch start = new CountDownLatch(1);
    final ExecutorService pool = Executors.newFixedThreadPool(deals);
    final List<Future<Integer>> statuses = new ArrayList<>();
    try {
      for (int d = 0; d < deals; d++) {
        final int instance = d % 2;
        final String dealRef = "DEAL-" + d;
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return reserve(instance, counterparty, "100.00", dealRef).statusCode();
                }));
      }
      start.countDown();
      int created = 0;
      int refused = 0;
      for (final Future<Integer> status : statuses) {
        final int code = status.get();
        if (code == 201) {
          created++;
        } else if (code == 409) {
          refused++;
        } else {
          throw new AssertionError("unexpected status " + code);
        }
      }
      assertThat(created).isEqualTo(10);
      assertThat(refused).isEqualTo(deals - 10);
    } finally {
      pool.shutdownNow();
    }
    final BigDecimal reserved =
        jdbc.queryForObject(
            "select sum(amount) from credit_reservation where counterparty_id = ? and status ="
                + " 'ACTIVE'",
            BigDecimal.class,
            counterparty);
    assertThat(reserved).isEqualByComparingTo("1000.00");

    // every instance hears every reservation, whichever instance made it
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              for (final List<DomainEvent> events : heard) {
                assertThat(events).filteredOn(e -> e.type().equals("credit.reserved")).hasSize(10);
              }
            });
    for (final AutoCloseable subscription : subscriptions) {
      subscription.close();
    }
  }

  @Test
  void anImportOnOneInstanceInvalidatesThePriceCacheOfTheOther() throws Exception {
    final MarketPrices first = instances.get(0).getBean(MarketPrices.class);
    final MarketPrices second = instances.get(1).getBean(MarketPrices.class);
    final PriceSeriesId id = PriceSeriesId.of(Element.ZN, "TWO_INSTANCES", PriceUnit.USD_PER_T);
    final SeriesProvenance source = SeriesProvenance.internal("two instances");
    final List<DomainEvent> imported = new CopyOnWriteArrayList<>();
    try (AutoCloseable subscription =
        instances
            .get(1)
            .getBean(DomainEvents.class)
            .subscribe(
                e -> {
                  if (e.type().equals("prices.imported") && e.id().equals(id.toString())) {
                    imported.add(e);
                  }
                })) {
      // each instance holds its prices in memory and imports the feed itself
      for (final MarketPrices prices : List.of(first, second)) {
        prices.importDailyCsv(
            id,
            source,
            new StringReader("date,value\n2025-11-03,2900\n"),
            "feed.csv",
            ImportRules.defaults());
        prices.find(id).orElseThrow();
      }
      // the two imports' invalidations reach the second instance through Redis, after the
      // imports returned: once both are in and handled, its reads come from its snapshot
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> imported.size() == 2);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                second.find(id).orElseThrow();
                final long reads = second.storeReads();
                second.find(id).orElseThrow();
                return second.storeReads() == reads;
              });
    }
    final long cachedReads = second.storeReads();
    second.find(id).orElseThrow();
    assertThat(second.storeReads()).isEqualTo(cachedReads);

    first.importDailyCsv(
        id,
        source,
        new StringReader("date,value\n2025-11-04,2950\n"),
        "feed.csv",
        ImportRules.defaults());

    // the second instance's snapshot was dropped: its next read goes to its store again
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              second.find(id).orElseThrow();
              assertThat(second.storeReads()).isGreaterThan(cachedReads);
            });
  }

  @Test
  void aPriceImportThroughTheApiOnOneInstanceIsServedByTheOther() throws Exception {
    final String market = "REDIS_" + ProcessHandle.current().pid();
    final String path = "/api/market-data/series/Cu." + market + ".USD_PER_T/prices";
    final String trader = tokens.get(1);
    assertThat(
            send(HttpRequest.newBuilder(url(1, path)).header("Authorization", "Bearer " + trader))
                .statusCode())
        .isEqualTo(404);

    // the import runs on the first instance, which writes the prices to the shared database
    final String boundary = "----openmineral" + UUID.randomUUID();
    final String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"feed.csv\"\r\n\r\n"
            + "series,date,value\nCu/"
            + market
            + "/USD_PER_T,2025-11-03,10800\nCu/"
            + market
            + "/USD_PER_T,2025-11-04,10850\n\r\n--"
            + boundary
            + "--\r\n";
    final HttpResponse<String> imported =
        send(
            HttpRequest.newBuilder(url(0, "/api/market-data/imports"))
                .header("Authorization", "Bearer " + login(instances.get(0), "risk"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

    // the second instance hears prices.imported through Redis and loads the new rows
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              final HttpResponse<String> prices =
                  send(
                      HttpRequest.newBuilder(url(1, path))
                          .header("Authorization", "Bearer " + trader));
              assertThat(prices.statusCode()).isEqualTo(200);
              assertThat(JSON.readTree(prices.body()).get("prices")).hasSize(2);
            });
  }

  private static HttpResponse<String> reserve(
      final int instance, final UUID counterparty, final String amount, final String dealRef)
      throws Exception {
    return send(
        HttpRequest.newBuilder(
                url(instance, "/api/counterparties/" + counterparty + "/credit-reservations"))
            .header("Authorization", "Bearer " + tokens.get(instance))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\": "
                        + amount
                        + ", \"currency\": \"USD\", \"dealRef\": \""
                        + dealRef
                        + "\"}")));
  }

  private static String login(final ConfigurableApplicationContext context) throws Exception {
    return login(context, "trader");
  }

  private static String login(final ConfigurableApplicationContext context, final String user)
      throws Exception {
    final HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url(context, "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + user + "\", \"password\": \"" + user + "\"}")));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private static URI url(final int instance, final String path) {
    return url(instances.get(instance), path);
  }

  private static URI url(final ConfigurableApplicationContext context, final String path) {
    return URI.create(
        "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path);
  }

  private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
