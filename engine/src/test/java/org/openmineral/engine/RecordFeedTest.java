package org.openmineral.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmineral.engine.RecordCollector.processCompleted;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.engine.feed.RecordHandler;

class RecordFeedTest {
  @TempDir Path data;

  @Test
  void feedDeliversEveryRecordInLogOrderAndResumesAfterAStoredPosition() throws Exception {
    final long storedPosition;
    final List<Long> firstRun;
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector all = new RecordCollector(engine)) {
      deployNomination(client);
      final long instance = startAndNominate(client, "D-1");
      all.await("done", processCompleted(instance));

      firstRun = all.records().stream().map(Record::getPosition).toList();
      // strictly increasing, with no gaps: every record of the log
      for (int i = 1; i < firstRun.size(); i++) {
        assertThat(firstRun.get(i)).isEqualTo(firstRun.get(i - 1) + 1);
      }
      assertThat(all.records())
          .extracting(Record::getRecordType)
          .contains(RecordType.COMMAND, RecordType.EVENT);

      // a subscriber that stored a position in the middle gets exactly the rest
      final long middle = firstRun.get(firstRun.size() / 2);
      try (RecordCollector resumed = new RecordCollector(engine, middle)) {
        resumed.await("caught up", r -> r.getPosition() == firstRun.getLast());
        assertThat(resumed.records().stream().map(Record::getPosition).toList())
            .isEqualTo(firstRun.subList(firstRun.indexOf(middle) + 1, firstRun.size()));
      }
      storedPosition = firstRun.getLast();
    }

    // after a restart, resuming from the stored position delivers only what came since
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector resumed = new RecordCollector(engine, storedPosition)) {
      final long instance = startAndNominate(client, "D-2");
      resumed.await("second instance done", processCompleted(instance));
      assertThat(resumed.records().getFirst().getPosition()).isEqualTo(storedPosition + 1);
      assertThat(resumed.records()).noneMatch(r -> r.getPosition() <= storedPosition);
    }
  }

  @Test
  void aFailingHandlerIsOfferedTheBatchAgainAndAPositionKeepingHandlerSeesEachRecordOnce()
      throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine)) {
      deployNomination(client);
      final AtomicInteger calls = new AtomicInteger();
      final List<Long> accepted = new CopyOnWriteArrayList<>();
      final FeedSubscription subscription =
          engine
              .recordFeed()
              .subscribe(
                  "flaky",
                  -1,
                  record -> {
                    if (calls.incrementAndGet() == 3) {
                      throw new IllegalStateException("database briefly unavailable");
                    }
                    // as a projection does: a record at or below the stored position was applied
                    if (!accepted.isEmpty() && record.getPosition() <= accepted.getLast()) {
                      return;
                    }
                    accepted.add(record.getPosition());
                  });
      try {
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(() -> accepted.size() >= 5);
        for (int i = 1; i < accepted.size(); i++) {
          assertThat(accepted.get(i)).isEqualTo(accepted.get(i - 1) + 1);
        }
        // the records before the failing one in its batch were offered again
        assertThat(calls.get()).isGreaterThan(accepted.size() + 1);
      } finally {
        subscription.close();
      }
    }
  }

  @Test
  void recordsAlreadyOnTheLogArriveInBatchesInLogOrder() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine)) {
      deployNomination(client);
      // well over one batch of records: identity set-up, deployment and 20 instances
      for (int i = 0; i < 20; i++) {
        startAndNominate(client, "deal-batch-" + i);
      }
      final Batches batches = new Batches((recordType, valueType) -> true);
      final FeedSubscription subscription = engine.recordFeed().subscribe("batches", -1, batches);
      try {
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(30))
            .until(() -> batches.records.size() > FeedSubscription.MAX_BATCH);
        assertThat(batches.sizes.getFirst()).isEqualTo(FeedSubscription.MAX_BATCH);
        assertThat(batches.sizes).allMatch(size -> size >= 1 && size <= FeedSubscription.MAX_BATCH);
        final List<Long> positions = batches.records.stream().map(Record::getPosition).toList();
        for (int i = 1; i < positions.size(); i++) {
          assertThat(positions.get(i)).isEqualTo(positions.get(i - 1) + 1);
        }
      } finally {
        subscription.close();
      }
    }
  }

  @Test
  void aHandlerGetsOnlyTheKindsOfRecordItHandlesAndTheFeedStillReadsToTheEnd() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector all = new RecordCollector(engine)) {
      deployNomination(client);
      final long instance = startAndNominate(client, "D-filtered");
      final long completed = all.await("done", processCompleted(instance)).getPosition();
      final Batches batches =
          new Batches(
              (recordType, valueType) ->
                  recordType == RecordType.EVENT && valueType == ValueType.VARIABLE);
      final List<Record<?>> handled = batches.records;
      final FeedSubscription subscription = engine.recordFeed().subscribe("variables", -1, batches);
      try {
        assertThat(subscription.awaitCaughtUp(java.time.Duration.ofSeconds(30))).isTrue();
        // exactly the variable events of the log, in log order, and no empty batch
        final List<Long> expected =
            all.records().stream()
                .filter(r -> r.getPosition() <= completed)
                .filter(r -> r.getRecordType() == RecordType.EVENT)
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(Record::getPosition)
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(handled.stream().map(Record::getPosition).filter(p -> p <= completed))
            .containsExactlyElementsOf(expected);
        assertThat(handled)
            .filteredOn(r -> r.getPosition() <= completed)
            .allSatisfy(r -> assertThat(r.getValue()).isNotNull());
        assertThat(batches.sizes).allMatch(size -> size >= 1);
        // the records passed over count as read: the feed's position is past the last of them
        assertThat(subscription.lastDeliveredPosition()).isGreaterThanOrEqualTo(completed);
      } finally {
        subscription.close();
      }
    }
  }

  @Test
  void awaitCaughtUpReturnsOnceTheHandlerHandledWhatWasOnTheLogAndNotBefore() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0));
        CamundaClient client = TestProcesses.client(engine);
        RecordCollector all = new RecordCollector(engine)) {
      deployNomination(client);
      final long instance = startAndNominate(client, "D-caught-up");
      final long completed = all.await("done", processCompleted(instance)).getPosition();
      final java.util.concurrent.CountDownLatch release =
          new java.util.concurrent.CountDownLatch(1);
      final List<Long> handled = new CopyOnWriteArrayList<>();
      final FeedSubscription subscription =
          engine
              .recordFeed()
              .subscribe(
                  "held",
                  -1,
                  record -> {
                    release.await();
                    handled.add(record.getPosition());
                  });
      try {
        // the handler is held: the subscriber cannot catch up, and says so when the time is up
        assertThat(subscription.awaitCaughtUp(java.time.Duration.ofMillis(300))).isFalse();
        assertThat(handled).doesNotContain(completed);

        release.countDown();
        assertThat(subscription.awaitCaughtUp(java.time.Duration.ofSeconds(30))).isTrue();
        // everything on the log when it was asked, the instance's completion included, is handled
        assertThat(handled).contains(completed);
        assertThat(subscription.lastDeliveredPosition()).isGreaterThanOrEqualTo(completed);

        // caught up and idle: it looks at the log again rather than waiting for a new record
        assertThat(subscription.awaitCaughtUp(java.time.Duration.ofSeconds(1))).isTrue();
      } finally {
        subscription.close();
      }
      assertThat(subscription.awaitCaughtUp(java.time.Duration.ofSeconds(1))).isFalse();
    }
  }

  /**
   * A handler that keeps the batches it is handed, of the kinds {@code kinds} takes; the feed must
   * never hand it single records.
   */
  private static final class Batches implements RecordHandler {
    final List<Integer> sizes = new CopyOnWriteArrayList<>();
    final List<Record<?>> records = new CopyOnWriteArrayList<>();
    private final BiPredicate<RecordType, ValueType> kinds;

    Batches(final BiPredicate<RecordType, ValueType> kinds) {
      this.kinds = kinds;
    }

    @Override
    public void onRecord(final Record<?> record) {
      throw new AssertionError("the feed hands over batches");
    }

    @Override
    public void onRecords(final List<Record<?>> batch) {
      sizes.add(batch.size());
      records.addAll(batch);
    }

    @Override
    public boolean handles(
        final RecordType recordType, final ValueType valueType, final Intent intent) {
      return kinds.test(recordType, valueType);
    }
  }

  private static void deployNomination(final CamundaClient client) {
    client
        .newDeployResourceCommand()
        .addProcessModel(TestProcesses.message(), "nomination.bpmn")
        .send()
        .join();
  }

  private static long startAndNominate(final CamundaClient client, final String dealId) {
    final long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("nomination")
            .latestVersion()
            .variables(java.util.Map.of("dealId", dealId))
            .send()
            .join()
            .getProcessInstanceKey();
    client
        .newPublishMessageCommand()
        .messageName("vessel-nominated")
        .correlationKey(dealId)
        .send()
        .join();
    return instance;
  }
}
