package org.openmineral.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory.SharedRocksDbResources;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.engine.GatewayBridge;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.camunda.zeebe.util.health.HealthReport;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.openmineral.engine.feed.RecordFeed;
import org.openmineral.engine.log.FileLogStorage;
import org.openmineral.engine.state.CheckpointStore;
import org.openmineral.engine.state.CheckpointStore.Checkpoint;
import org.openmineral.engine.usertask.EngineUserTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Zeebe 8.8 stream processor running in this JVM: one partition, its log in a checksummed
 * file, its state in RocksDB with periodic checkpoints, and the Zeebe gateway protocol on 127.0.0.1
 * so the standard Camunda client talks to it as to a cluster.
 *
 * <p>Start-up: the log is opened (a torn tail is cut off), the newest checkpoint the log still
 * covers is copied into a working folder, and the stream processor replays the log from there.
 * Stopping writes a final checkpoint, so a clean restart replays nothing.
 *
 * <p>For development, evaluation and tests: the engine libraries are under the Camunda License 1.0
 * and the Zeebe Community License 1.1. Production runs against a Camunda 8 cluster.
 */
public final class EmbeddedEngine implements AutoCloseable {
  public static final int PARTITION_ID = 1;
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);
  private static final Duration USER_TASK_COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final EngineSettings settings;
  private final int port;
  private final ControlledActorClock clock = new ControlledActorClock();
  private final FileLogStorage logStorage;
  private final CheckpointStore checkpoints;
  private final ActorScheduler scheduler;
  private final LogStream logStream;
  private final SharedRocksDbResources rocksResources;
  private final ZeebeDb<ZbColumnFamilies> db;
  private final StreamProcessor streamProcessor;
  private final ExecutorService grpcExecutor;
  private final Server grpcServer;
  private final ScheduledExecutorService checkpointTimer;
  private final RecordFeed recordFeed;
  private final EngineUserTasks userTasks;
  private final Optional<Checkpoint> startedFrom;
  private final MeterRegistry meterRegistry;
  private EngineMetrics metrics;
  private volatile Checkpoint lastCheckpoint;
  private volatile boolean closed;

  private EmbeddedEngine(final EngineSettings settings, final MeterRegistry meterRegistry)
      throws IOException {
    this.settings = settings;
    this.meterRegistry = meterRegistry;
    port = settings.port() == 0 ? freeLoopbackPort() : settings.port();
    final Path data = settings.dataDirectory().toAbsolutePath();
    Files.createDirectories(data);

    logStorage =
        FileLogStorage.open(data.resolve("log").resolve("partition-1.log"), settings.flushMode());
    checkpoints = new CheckpointStore(data.resolve("state"), settings.checkpointsKept());
    startedFrom = checkpoints.prepareRuntime(logStorage.committedHighestPosition());
    lastCheckpoint = startedFrom.orElse(null);

    scheduler =
        ActorScheduler.newActorScheduler()
            .setSchedulerName("openmineral-engine")
            .setActorClock(clock)
            .setCpuBoundActorThreadCount(1)
            .setIoBoundActorThreadCount(1)
            .build();
    scheduler.start();

    logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogName("openmineral-partition-1")
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(meterRegistry)
            .build();

    final GatewayBridge gateway =
        new GatewayBridge(logStream.newLogStreamWriter(), PARTITION_ID, port);

    final RocksDbConfiguration rocksConfiguration =
        new RocksDbConfiguration().setMemoryLimit(settings.stateMemoryBytes());
    rocksResources = SharedRocksDbResources.allocate(rocksConfiguration.getMemoryLimit());
    db =
        new ZeebeRocksDbFactory<ZbColumnFamilies>(
                rocksConfiguration,
                new ConsistencyChecksSettings(),
                new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
                SimpleMeterRegistry::new,
                rocksResources,
                1)
            .createDb(checkpoints.runtimeDirectory().toFile());

    // A single local user: the gateway is bound to loopback and has no authentication.
    final SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(db)
            .commandResponseWriter(gateway.responseWriter())
            .partitionCommandSender(gateway.commandSender())
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                1,
                                new SubscriptionCommandSender(
                                    context.getPartitionId(), gateway.commandSender()),
                                gateway.commandSender(),
                                FeatureFlags.createDefault(),
                                gateway.jobStreamer(),
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new io.camunda.zeebe.engine.EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(meterRegistry)
            .build();

    grpcExecutor = Executors.newFixedThreadPool(settings.gatewayThreads(), daemonThreads("grpc"));
    grpcServer =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .executor(grpcExecutor)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .maxInboundMessageSize(16 * 1024 * 1024)
            .addService(gateway.grpcService())
            .build();
    checkpointTimer = Executors.newSingleThreadScheduledExecutor(daemonThreads("checkpoint"));
    recordFeed = new RecordFeed(logStream);
    userTasks = new EngineUserTasks(logStream, USER_TASK_COMMAND_TIMEOUT);
  }

  /**
   * Opens the data directory, replays what the last checkpoint lacks, and serves gRPC. Metrics go
   * to a private registry nobody reads; see {@link #start(EngineSettings, MeterRegistry)}.
   */
  public static EmbeddedEngine start(final EngineSettings settings) {
    return start(settings, new SimpleMeterRegistry());
  }

  /**
   * Like {@link #start(EngineSettings)}, with the engine's metrics in {@code meterRegistry}:
   * Zeebe's log-stream and stream-processor meters ({@code zeebe.*}) and the engine's positions
   * ({@code openmineral.engine.*}, see {@link EngineMetrics}). The engine's gauges are removed on
   * {@link #close()}.
   */
  public static EmbeddedEngine start(
      final EngineSettings settings, final MeterRegistry meterRegistry) {
    java.util.Objects.requireNonNull(meterRegistry, "meterRegistry");
    final long started = System.nanoTime();
    final EmbeddedEngine engine;
    try {
      engine = new EmbeddedEngine(settings, meterRegistry);
    } catch (final IOException e) {
      throw new UncheckedIOException(
          "cannot open the engine data directory " + settings.dataDirectory(), e);
    }
    try {
      engine.streamProcessor.openAsync(false).join();
      engine.grpcServer.start();
    } catch (final IOException | RuntimeException e) {
      engine.close();
      throw new IllegalStateException(
          "the embedded engine could not start on 127.0.0.1:" + engine.port + ": " + e.getMessage(),
          e);
    }
    engine.metrics = new EngineMetrics(meterRegistry, PARTITION_ID, engine.new MetricsSource());
    final long everyMillis = settings.checkpointInterval().toMillis();
    engine.checkpointTimer.scheduleWithFixedDelay(
        engine::checkpointQuietly, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    LOG.info(
        "Embedded Zeebe engine ready on 127.0.0.1:{} in {} ms (data {}, log up to position {}, state from {}).",
        engine.port,
        (System.nanoTime() - started) / 1_000_000,
        settings.dataDirectory().toAbsolutePath(),
        engine.logStorage.committedHighestPosition(),
        engine
            .startedFrom
            .map(c -> "checkpoint at " + c.processedPosition())
            .orElse("empty state"));
    return engine;
  }

  public int port() {
    return port;
  }

  /** The address the Camunda client uses, e.g. {@code http://127.0.0.1:26500}. */
  public String grpcAddress() {
    return "http://127.0.0.1:" + port;
  }

  public EngineSettings settings() {
    return settings;
  }

  /** The registry the engine's metrics are in. */
  public MeterRegistry meterRegistry() {
    return meterRegistry;
  }

  public RecordFeed recordFeed() {
    return recordFeed;
  }

  public EngineUserTasks userTasks() {
    return userTasks;
  }

  /** The engine's current time: the wall clock plus any time added by {@link #increaseTime}. */
  public Instant currentTime() {
    return clock.getCurrentTime();
  }

  /** Moves the engine clock forward, so due timers fire; for tests. Not kept across restarts. */
  public void increaseTime(final Duration duration) {
    clock.addTime(duration);
  }

  /** Waits until the processor has handled everything on the log. */
  public void awaitProcessed(final Duration timeout) throws TimeoutException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (streamProcessor.hasProcessingReachedTheEnd().join()) {
        return;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
    throw new TimeoutException("the engine was still busy after " + timeout);
  }

  /** Health and positions, for the application's health endpoint. */
  public EngineStatus status() {
    final HealthReport health = streamProcessor.getHealthReport();
    final Checkpoint checkpoint = lastCheckpoint;
    return new EngineStatus(
        !closed && health.isHealthy(),
        health.status().name(),
        port,
        settings.dataDirectory().toAbsolutePath(),
        logStorage.committedHighestPosition(),
        logStorage.sizeBytes(),
        closed ? -1 : streamProcessor.getLastProcessedPositionAsync().join(),
        checkpoint == null ? -1 : checkpoint.processedPosition(),
        logStorage.recovery().truncatedBytes());
  }

  /**
   * Writes a state checkpoint now if anything was processed since the last one. Processing pauses
   * while RocksDB takes it (a hard-link checkpoint: milliseconds); the checkpoint is recorded only
   * once the log holds every record that state depends on.
   *
   * @return the newest checkpoint
   */
  public synchronized Optional<Checkpoint> checkpoint() {
    if (closed) {
      return Optional.ofNullable(lastCheckpoint);
    }
    streamProcessor.pauseProcessing().join();
    final long processed;
    final long written;
    final Path snapshot;
    try {
      processed = streamProcessor.getLastProcessedPositionAsync().join();
      written = streamProcessor.getLastWrittenPositionAsync().join();
      if (processed < 0
          || (lastCheckpoint != null && lastCheckpoint.processedPosition() == processed)) {
        return Optional.ofNullable(lastCheckpoint);
      }
      snapshot = Files.createTempDirectory(settings.dataDirectory(), ".snapshot-");
      Files.delete(snapshot);
      db.createSnapshot(snapshot.toFile());
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot write an engine state checkpoint", e);
    } finally {
      streamProcessor.resumeProcessing();
    }
    try {
      awaitCommitted(written, Duration.ofSeconds(30));
      logStorage.force();
      lastCheckpoint =
          checkpoints.write(
              processed,
              written,
              target -> {
                try {
                  Files.move(snapshot, target);
                } catch (final IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      return Optional.of(lastCheckpoint);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot record an engine state checkpoint", e);
    }
  }

  private void awaitCommitted(final long position, final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (logStorage.committedHighestPosition() < position) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the log did not reach position %d within %s".formatted(position, timeout));
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
  }

  private void checkpointQuietly() {
    try {
      checkpoint();
    } catch (final RuntimeException e) {
      LOG.warn("Engine state checkpoint failed; the next one will be tried on schedule", e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    checkpointTimer.shutdownNow();
    if (metrics != null) {
      metrics.close();
    }
    grpcServer.shutdownNow();
    try {
      grpcServer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (streamProcessor.isOpened() && !streamProcessor.isFailed()) {
        checkpoint();
      }
    } catch (final RuntimeException e) {
      LOG.warn("No final state checkpoint; the next start replays the log from the last one", e);
    }
    closed = true;
    quietly(() -> streamProcessor.closeAsync().join());
    quietly(db::close);
    quietly(logStream::close);
    quietly(() -> scheduler.stop().get(10, TimeUnit.SECONDS));
    quietly(logStorage::close);
    quietly(rocksResources::close);
    grpcExecutor.shutdownNow();
    LOG.info("Embedded Zeebe engine stopped.");
  }

  /** What the gauges read: cheap reads, and the processor's position with a short timeout. */
  private final class MetricsSource implements EngineMetrics.Source {
    @Override
    public long logPosition() {
      return logStorage.committedHighestPosition();
    }

    @Override
    public long processedPosition() {
      if (closed) {
        return UNKNOWN;
      }
      try {
        return streamProcessor.getLastProcessedPositionAsync().join(1, TimeUnit.SECONDS);
      } catch (final RuntimeException e) {
        return UNKNOWN;
      }
    }

    @Override
    public long processingLag() {
      if (closed) {
        return UNKNOWN;
      }
      try {
        // the last records on the log are often events the processor wrote, not commands to do
        if (streamProcessor.hasProcessingReachedTheEnd().join(1, TimeUnit.SECONDS)) {
          return 0;
        }
        final long processed =
            streamProcessor.getLastProcessedPositionAsync().join(1, TimeUnit.SECONDS);
        return Math.max(0, logStorage.committedHighestPosition() - processed);
      } catch (final RuntimeException e) {
        return UNKNOWN;
      }
    }

    @Override
    public long checkpointPosition() {
      final Checkpoint checkpoint = lastCheckpoint;
      return checkpoint == null ? -1 : checkpoint.processedPosition();
    }

    @Override
    public long logBytes() {
      return logStorage.sizeBytes();
    }

    @Override
    public boolean healthy() {
      return !closed && streamProcessor.getHealthReport().isHealthy();
    }
  }

  private static void quietly(final ThrowingRunnable step) {
    try {
      step.run();
    } catch (final Exception e) {
      LOG.warn("Engine shutdown step failed", e);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(final String purpose) {
    final AtomicInteger count = new AtomicInteger();
    return runnable ->
        Thread.ofPlatform()
            .daemon()
            .name("openmineral-engine-" + purpose + "-" + count.incrementAndGet())
            .unstarted(runnable);
  }

  /**
   * A port free on 127.0.0.1 now, for a gRPC address that must be known before the engine starts.
   */
  public static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1 for the embedded engine", e);
    }
  }
}
