package org.openmineral.benchmarks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openmineral.engine.EmbeddedEngine;
import org.openmineral.engine.EngineSettings;
import org.openmineral.engine.feed.FeedSubscription;
import org.openmineral.engine.log.FileLogStorage.FlushMode;

/**
 * Sustained instances per second of start -> 3 service tasks -> end on the embedded engine, with
 * no-op streaming job workers in the same JVM. Instances count as done when the record feed shows
 * the process completed; at most 200 creations are in flight. Prints one line per round, for each
 * flush mode asked for.
 *
 * <p>{@code ./openmineral bench engine [instances-per-round] [rounds] [fsync|os-cache|both]}
 */
public final class EngineThroughputBenchmark {
  private static final int IN_FLIGHT = 200;

  public static void main(final String[] args) throws Exception {
    final int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    final String modes = args.length > 2 ? args[2] : "both";
    System.out.printf(
        Locale.ROOT,
        "Engine throughput: start -> 3 service tasks -> end, no-op workers, %d instances x %d rounds after a warm-up of %d; %d cores, Java %s, max heap %d MiB%n",
        instances,
        rounds,
        instances / 4,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    final List<String> summary = new ArrayList<>();
    for (final FlushMode mode : modes(modes)) {
      summary.add(run(mode, instances, rounds));
    }
    System.out.println();
    summary.forEach(System.out::println);
    System.exit(0);
  }

  private static List<FlushMode> modes(final String arg) {
    return switch (arg) {
      case "fsync" -> List.of(FlushMode.FSYNC);
      case "os-cache" -> List.of(FlushMode.OS_CACHE);
      case "both" -> List.of(FlushMode.FSYNC, FlushMode.OS_CACHE);
      default -> throw new IllegalArgumentException("flush mode must be fsync, os-cache or both");
    };
  }

  private static String run(final FlushMode mode, final int instances, final int rounds)
      throws Exception {
    final Path data = Files.createTempDirectory("openmineral-bench-");
    final AtomicLong completed = new AtomicLong();
    final List<Double> rates = new ArrayList<>();
    try (EmbeddedEngine engine =
            EmbeddedEngine.start(EngineSettings.defaults(data).withPort(0).withFlushMode(mode));
        CamundaClient client = client(engine);
        FeedSubscription feed =
            engine
                .recordFeed()
                .subscribe(
                    "bench",
                    -1,
                    r -> {
                      if (r.getRecordType() == RecordType.EVENT
                          && r.getValueType() == ValueType.PROCESS_INSTANCE
                          && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                          && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType()
                              == BpmnElementType.PROCESS) {
                        completed.incrementAndGet();
                      }
                    })) {
      client.newDeployResourceCommand().addProcessModel(threeTasks(), "bench.bpmn").send().join();
      final List<JobWorker> workers = new ArrayList<>();
      for (final String type : List.of("step-1", "step-2", "step-3")) {
        workers.add(
            client
                .newWorker()
                .jobType(type)
                .handler((jobClient, job) -> jobClient.newCompleteCommand(job.getKey()).send())
                .maxJobsActive(64)
                .streamEnabled(true)
                .open());
      }
      round(client, completed, instances / 4); // warm-up
      for (int i = 1; i <= rounds; i++) {
        final double rate = round(client, completed, instances);
        rates.add(rate);
        System.out.printf(Locale.ROOT, "  %-8s round %d: %8.1f instances/s%n", name(mode), i, rate);
      }
      workers.forEach(JobWorker::close);
    } finally {
      deleteTree(data);
    }
    final double best = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    final double median = rates.stream().sorted().toList().get(rates.size() / 2);
    return String.format(
        Locale.ROOT,
        "%-8s median %.1f instances/s, best %.1f (rounds: %s)",
        name(mode),
        median,
        best,
        rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList());
  }

  private static double round(final CamundaClient client, final AtomicLong completed, final int n)
      throws InterruptedException {
    final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    final long target = completed.get() + n;
    final long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId("bench")
          .latestVersion()
          .send()
          .whenComplete((r, e) -> inFlight.release());
    }
    while (completed.get() < target) {
      TimeUnit.MILLISECONDS.sleep(2);
      if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
        throw new IllegalStateException("round did not finish within 10 minutes");
      }
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  private static BpmnModelInstance threeTasks() {
    return Bpmn.createExecutableProcess("bench")
        .startEvent()
        .serviceTask("s1", t -> t.zeebeJobType("step-1"))
        .serviceTask("s2", t -> t.zeebeJobType("step-2"))
        .serviceTask("s3", t -> t.zeebeJobType("step-3"))
        .endEvent()
        .done();
  }

  private static CamundaClient client(final EmbeddedEngine engine) {
    final URI address = URI.create(engine.grpcAddress());
    return CamundaClient.newClientBuilder()
        .grpcAddress(address)
        .restAddress(address)
        .preferRestOverGrpc(false)
        .applyEnvironmentVariableOverrides(false)
        .defaultJobWorkerStreamEnabled(true)
        .build();
  }

  private static String name(final FlushMode mode) {
    return mode == FlushMode.FSYNC ? "fsync" : "os-cache";
  }

  private static void deleteTree(final Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
