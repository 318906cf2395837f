package org.openmineral.benchmarks.lifecycle;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.feed.FeedSubscription;

/**
 * Drives deals along the trade lifecycle's happy path by reacting to the engine's record feed: it
 * completes the user tasks (approval, contract draft, legal review) when the engine creates them,
 * reports the shipment events when the logistics sub-process waits for them, the assays when the
 * settlement waits for them and each invoice's payment when the settlement waits for it. It
 * measures the same feed: deals closed, jobs and user tasks completed, job turnaround, rejected
 * commands, incidents.
 */
final class LifecycleDriver implements AutoCloseable {
  static final String PROCESS = "trade-lifecycle";
  private static final Set<String> LOGISTICS_EVENTS =
      Set.of("vessel-nominated", "bill-of-lading-issued", "arrived");
  private static final Set<String> HAPPY_PATH_TASKS =
      Set.of("approve-deal", "draft-contract-manually", "legal-review", "compliance-decision");

  private final DealChannel channel;
  private final FeedSubscription feed;
  private final ExecutorService actions = Executors.newVirtualThreadPerTaskExecutor();

  /** dealId of every process instance that carries one (the deal's and its called processes). */
  private final Map<Long, String> dealOfInstance = new ConcurrentHashMap<>();

  /** The settlement variables the payments need: name to value per deal. */
  private final Map<String, Map<String, String>> paymentVariables =
      Map.of(
          "provisionalInvoiceId", new ConcurrentHashMap<>(),
          "provisionalAmount", new ConcurrentHashMap<>(),
          "finalInvoiceId", new ConcurrentHashMap<>(),
          "balance", new ConcurrentHashMap<>());

  private final Map<String, Long> capturedAt = new ConcurrentHashMap<>();
  private final Map<Long, Long> jobCreatedAt = new ConcurrentHashMap<>();
  private final Map<Long, Long> jobCompleteCommandAt = new ConcurrentHashMap<>();

  private volatile Semaphore inFlight = new Semaphore(1 << 24);
  private final AtomicLong closed = new AtomicLong();
  private final AtomicLong failedCaptures = new AtomicLong();
  private final AtomicLong jobsDone = new AtomicLong();
  private final AtomicLong userTasksDone = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong joinWaits = new AtomicLong();
  private final AtomicLong timerRaces = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();
  private final AtomicLong jobFailures = new AtomicLong();
  private final AtomicLong actionErrors = new AtomicLong();
  private final AtomicLong terminated = new AtomicLong();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final Samples turnaround = new Samples();
  private final Map<Long, String> jobTypes = new ConcurrentHashMap<>();
  private final Map<String, Samples> turnaroundByType = new ConcurrentHashMap<>();
  private final Samples completion = new Samples();
  private final EngineOverhead overhead = new EngineOverhead();

  private final Samples lifecycle = new Samples();
  private final AtomicInteger captured = new AtomicInteger();

  LifecycleDriver(final EmbeddedEngine engine, final DealChannel channel) {
    this.channel = channel;
    this.feed = engine.recordFeed().subscribe("lifecycle-driver", -1, this::onRecord);
    channel.onJobHandled(overhead::handled);
  }

  /** Counters and samples from now on; records of earlier deals still drive them to the end. */
  synchronized void resetFigures() {
    closed.set(0);
    jobsDone.set(0);
    userTasksDone.set(0);
    rejected.set(0);
    joinWaits.set(0);
    timerRaces.set(0);
    incidents.set(0);
    jobFailures.set(0);
    actionErrors.set(0);
    terminated.set(0);
    problems.clear();
    turnaround.clear();
    turnaroundByType.clear();
    completion.clear();
    overhead.samples().clear();
    lifecycle.clear();
  }

  /**
   * Captures {@code deals} deals with at most {@code maxInFlight} open at a time and waits until
   * all of them are closed; returns the elapsed seconds.
   */
  double runClosedLoop(final int deals, final int maxInFlight, final long timeoutSeconds)
      throws Exception {
    inFlight = new Semaphore(maxInFlight);
    final long target = closed.get() + failedCaptures.get() + deals;
    final long start = System.nanoTime();
    for (int i = 0; i < deals; i++) {
      inFlight.acquire();
      captureAsync();
    }
    awaitClosed(target, start, timeoutSeconds);
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Captures deals at {@code perSecond} for {@code seconds} (open loop: the pace does not wait for
   * deals to close) and waits until all of them are closed; returns the number captured.
   */
  int runPaced(final double perSecond, final int seconds, final long timeoutSeconds)
      throws Exception {
    // open loop: permits are never waited for, only released
    inFlight = new Semaphore(1 << 24);
    final int deals = Math.max(1, (int) Math.round(perSecond * seconds));
    final long target = closed.get() + failedCaptures.get() + deals;
    final long start = System.nanoTime();
    final double intervalNanos = 1e9 / perSecond;
    for (int i = 0; i < deals; i++) {
      final long due = start + (long) (i * intervalNanos);
      final long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      captureAsync();
    }
    awaitClosed(target, start, timeoutSeconds);
    return deals;
  }

  private void captureAsync() {
    final int n = captured.incrementAndGet();
    actions.execute(
        () -> {
          try {
            final long at = System.nanoTime();
            final String dealId = channel.capture(n);
            capturedAt.put(dealId, at);
          } catch (final Exception e) {
            // a deal that was never captured cannot close: the run waits for one fewer
            failedCaptures.incrementAndGet();
            inFlight.release();
            problem("capture " + n, e);
          }
        });
  }

  private void awaitClosed(final long target, final long start, final long timeoutSeconds)
      throws InterruptedException {
    long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (closed.get() + failedCaptures.get() < target) {
      TimeUnit.MILLISECONDS.sleep(5);
      if (System.nanoTime() > nextReport) {
        nextReport += TimeUnit.SECONDS.toNanos(30);
        System.out.printf(
            "    ... %d deals closed, %d to go, %d failed captures, %d driver errors%n",
            closed.get(),
            target - closed.get() - failedCaptures.get(),
            failedCaptures.get(),
            actionErrors.get());
      }
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
        throw new IllegalStateException(
            "only "
                + closed.get()
                + " of "
                + target
                + " deals closed within "
                + timeoutSeconds
                + " s; problems: "
                + problems());
      }
    }
  }

  private void onRecord(final Record<?> r) {
    if (r.getRecordType() == RecordType.COMMAND_REJECTION) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE
          && r.getIntent() == ProcessInstanceIntent.ACTIVATE_ELEMENT
          && r.getRejectionReason().contains("not all sequence flows have been taken")) {
        // a parallel join: the engine tries it on each arriving flow and refuses until the last
        joinWaits.incrementAndGet();
        return;
      }
      if (r.getValueType() == ValueType.TIMER) {
        // the engine's own due-date checker: a timer it found due twice, or one its element left
        timerRaces.incrementAndGet();
        return;
      }
      rejected.incrementAndGet();
      if (problems.size() < 20) {
        problems.add(
            "rejected "
                + r.getValueType()
                + " "
                + r.getIntent()
                + ": "
                + r.getRejectionType()
                + " "
                + r.getRejectionReason());
      }
      return;
    }
    switch (r.getValueType()) {
      case JOB -> onJob(r);
      case USER_TASK -> onUserTask(r);
      case PROCESS_INSTANCE -> onElement(r);
      case VARIABLE -> onVariable(r);
      case INCIDENT -> {
        if (r.getRecordType() == RecordType.EVENT && r.getIntent() == IncidentIntent.CREATED) {
          incidents.incrementAndGet();
          final IncidentRecordValue v = (IncidentRecordValue) r.getValue();
          problems.add("incident at " + v.getElementId() + ": " + v.getErrorMessage());
        }
      }
      default -> {}
    }
  }

  private void onJob(final Record<?> r) {
    final long key = r.getKey();
    if (r.getRecordType() == RecordType.COMMAND) {
      if (r.getIntent() == JobIntent.COMPLETE || r.getIntent() == JobIntent.THROW_ERROR) {
        jobCompleteCommandAt.put(key, r.getTimestamp());
      }
      return;
    }
    if (r.getIntent() == JobIntent.CREATED) {
      jobCreatedAt.put(key, r.getTimestamp());
      jobTypes.put(key, ((JobRecordValue) r.getValue()).getType());
    } else if (r.getIntent() == JobIntent.COMPLETED || r.getIntent() == JobIntent.ERROR_THROWN) {
      jobsDone.incrementAndGet();
      final Long created = jobCreatedAt.remove(key);
      final String type = jobTypes.remove(key);
      if (created != null) {
        turnaround.add(r.getTimestamp() - created);
        overhead.turnaround(key, r.getTimestamp() - created);
        if (type != null) {
          turnaroundByType
              .computeIfAbsent(type, t -> new Samples())
              .add(r.getTimestamp() - created);
        }
      }
      final Long command = jobCompleteCommandAt.remove(key);
      if (command != null) {
        completion.add(r.getTimestamp() - command);
      }
    } else if (r.getIntent() == JobIntent.FAILED) {
      jobFailures.incrementAndGet();
      final JobRecordValue v = (JobRecordValue) r.getValue();
      if (problems.size() < 20) {
        problems.add("job " + v.getType() + " failed: " + v.getErrorMessage());
      }
    }
  }

  private void onUserTask(final Record<?> r) {
    if (r.getRecordType() != RecordType.EVENT) {
      return;
    }
    if (r.getIntent() == UserTaskIntent.COMPLETED) {
      userTasksDone.incrementAndGet();
      return;
    }
    if (r.getIntent() != UserTaskIntent.CREATED) {
      return;
    }
    final UserTaskRecordValue task = (UserTaskRecordValue) r.getValue();
    if (!HAPPY_PATH_TASKS.contains(task.getElementId())) {
      problems.add("off the happy path: user task " + task.getElementId());
      return;
    }
    final String dealId = dealOfInstance.get(task.getProcessInstanceKey());
    final long key = r.getKey();
    act(
        "complete " + task.getElementId(),
        () ->
            channel.completeTask(key, task.getElementId(), task.getCandidateGroupsList(), dealId));
  }

  private void onElement(final Record<?> r) {
    if (r.getRecordType() != RecordType.EVENT) {
      return;
    }
    final ProcessInstanceRecordValue v = (ProcessInstanceRecordValue) r.getValue();
    if (v.getBpmnElementType() == BpmnElementType.PROCESS && v.getBpmnProcessId().equals(PROCESS)) {
      if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        final String dealId = dealOfInstance.get(r.getKey());
        final Long at = dealId == null ? null : capturedAt.remove(dealId);
        if (at != null) {
          lifecycle.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at));
        }
        closed.incrementAndGet();
        inFlight.release();
      } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
        terminated.incrementAndGet();
        problems.add("deal process terminated: " + dealOfInstance.get(r.getKey()));
        inFlight.release();
      }
      return;
    }
    if (r.getIntent() != ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      return;
    }
    final String element = v.getElementId();
    final String dealId = dealOfInstance.get(v.getProcessInstanceKey());
    if (dealId == null) {
      return;
    }
    if (PROCESS.equals(v.getBpmnProcessId()) && LOGISTICS_EVENTS.contains(element)) {
      act(element, () -> channel.event(dealId, element, logisticsBody(element), null));
    } else if ("settlement".equals(v.getBpmnProcessId()) && "assays-exchanged".equals(element)) {
      act(
          "assays",
          () ->
              channel.event(
                  dealId,
                  "assays-received",
                  Map.of(
                      "sellerAssays", Map.of("Cu", Map.of("value", 25.10, "unit", "PCT")),
                      "buyerAssays", Map.of("Cu", Map.of("value", 25.00, "unit", "PCT"))),
                  null));
    } else if ("settlement".equals(v.getBpmnProcessId())
        && "gateway-provisional-payment-wait".equals(element)) {
      pay(dealId, "PROVISIONAL", "provisionalAmount", "provisionalInvoiceId");
    } else if ("settlement".equals(v.getBpmnProcessId())
        && "gateway-payment-wait".equals(element)) {
      pay(dealId, "FINAL", "balance", "finalInvoiceId");
    }
  }

  /** Pays the deal's invoice of that kind in full, with the amount and id the settlement wrote. */
  private void pay(
      final String dealId,
      final String invoice,
      final String amountVariable,
      final String invoiceIdVariable) {
    final String amount = paymentVariables.get(amountVariable).remove(dealId);
    final String invoiceId = paymentVariables.get(invoiceIdVariable).remove(dealId);
    act(
        invoice.toLowerCase(Locale.ROOT) + " payment",
        () ->
            channel.event(
                dealId,
                "payment-received",
                Map.of("amount", new BigDecimal(amount), "currency", "USD", "invoice", invoice),
                invoiceId));
  }

  private static Map<String, Object> logisticsBody(final String event) {
    return switch (event) {
      case "vessel-nominated" -> Map.of("vesselName", "MV Atacama");
      case "bill-of-lading-issued" -> Map.of("billOfLadingNumber", "BL-77");
      default -> Map.of("port", "Hamburg");
    };
  }

  private void onVariable(final Record<?> r) {
    if (r.getRecordType() != RecordType.EVENT
        || !(r.getIntent() == VariableIntent.CREATED || r.getIntent() == VariableIntent.UPDATED)) {
      return;
    }
    final VariableRecordValue v = (VariableRecordValue) r.getValue();
    if (v.getName().equals("dealId")) {
      dealOfInstance.put(v.getProcessInstanceKey(), unquote(v.getValue()));
      return;
    }
    final Map<String, String> values = paymentVariables.get(v.getName());
    final String deal = values == null ? null : dealOfInstance.get(v.getProcessInstanceKey());
    if (deal != null) {
      values.put(deal, unquote(v.getValue()));
    }
  }

  private static String unquote(final String json) {
    return json.length() >= 2 && json.startsWith("\"")
        ? json.substring(1, json.length() - 1)
        : json;
  }

  private interface Action {
    void run() throws Exception;
  }

  private void act(final String what, final Action action) {
    actions.execute(
        () -> {
          try {
            action.run();
          } catch (final Exception e) {
            problem(what, e);
          }
        });
  }

  private void problem(final String what, final Exception e) {
    actionErrors.incrementAndGet();
    if (problems.size() < 20) {
      problems.add(what + ": " + e);
    }
  }

  Figures figures(final double seconds) {
    return new Figures(
        closed.get(),
        seconds,
        jobsDone.get(),
        userTasksDone.get(),
        rejected.get(),
        joinWaits.get(),
        timerRaces.get(),
        incidents.get(),
        jobFailures.get(),
        actionErrors.get(),
        terminated.get(),
        turnaround.snapshot(),
        byType(),
        completion.snapshot(),
        overhead.samples().snapshot(),
        lifecycle.snapshot());
  }

  /** Each job type's turnaround, slowest median first. */
  private Map<String, Samples.Snapshot> byType() {
    final Map<String, Samples.Snapshot> snapshots = new java.util.HashMap<>();
    turnaroundByType.forEach((type, samples) -> snapshots.put(type, samples.snapshot()));
    final Map<String, Samples.Snapshot> sorted = new java.util.LinkedHashMap<>();
    snapshots.entrySet().stream()
        .sorted(
            java.util.Comparator.comparingLong(
                    (Map.Entry<String, Samples.Snapshot> e) -> e.getValue().percentile(50))
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  @Override
  public void close() throws Exception {
    feed.close();
    actions.shutdownNow();
  }

  /** What one phase of a run measured. */
  record Figures(
      long dealsClosed,
      double seconds,
      long jobsDone,
      long userTasksDone,
      long rejectedCommands,
      long joinWaits,
      long timerTriggersRefused,
      long incidents,
      long jobFailures,
      long driverErrors,
      long dealsTerminated,
      Samples.Snapshot jobTurnaroundMs,
      Map<String, Samples.Snapshot> jobTurnaroundByTypeMs,
      Samples.Snapshot jobCompletionMs,
      Samples.Snapshot engineOverheadMs,
      Samples.Snapshot lifecycleMs) {

    double dealsPerSecond() {
      return dealsClosed / seconds;
    }

    double tasksPerSecond() {
      return (jobsDone + userTasksDone) / seconds;
    }
  }
}
