package org.openmineral.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.openmineral.engine.log.FileLogStorage.FlushMode;

/**
 * How the embedded engine runs.
 *
 * @param dataDirectory where the log ({@code log/}) and state checkpoints ({@code state/}) live
 * @param port gRPC port on 127.0.0.1 (0 picks a free one)
 * @param flushMode when a log block counts as committed: forced to disk, or in the OS cache
 * @param checkpointInterval how often the state is checkpointed, so a restart replays only the tail
 * @param checkpointsKept how many checkpoints to keep (the newest valid one is used at start)
 * @param gatewayThreads threads serving gRPC calls (the calls only append commands: a few suffice)
 * @param stateMemoryBytes RocksDB block cache and write buffers
 */
public record EngineSettings(
    Path dataDirectory,
    int port,
    FlushMode flushMode,
    Duration checkpointInterval,
    int checkpointsKept,
    int gatewayThreads,
    long stateMemoryBytes) {

  public static final int DEFAULT_PORT = 26500;

  public EngineSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(flushMode, "flushMode");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
      throw new IllegalArgumentException("checkpointInterval must be positive");
    }
    if (checkpointsKept < 1) {
      throw new IllegalArgumentException("checkpointsKept must be at least 1");
    }
    if (gatewayThreads < 1) {
      throw new IllegalArgumentException("gatewayThreads must be at least 1");
    }
    if (stateMemoryBytes < 8L * 1024 * 1024) {
      throw new IllegalArgumentException("stateMemoryBytes must be at least 8 MiB");
    }
  }

  /**
   * Durable defaults: fsync per commit, a checkpoint a minute, two kept, 64 MiB of state memory.
   */
  public static EngineSettings defaults(final Path dataDirectory) {
    return new EngineSettings(
        dataDirectory, DEFAULT_PORT, FlushMode.FSYNC, Duration.ofMinutes(1), 2, 4, 64L << 20);
  }

  public EngineSettings withPort(final int newPort) {
    return new EngineSettings(
        dataDirectory,
        newPort,
        flushMode,
        checkpointInterval,
        checkpointsKept,
        gatewayThreads,
        stateMemoryBytes);
  }

  public EngineSettings withFlushMode(final FlushMode newFlushMode) {
    return new EngineSettings(
        dataDirectory,
        port,
        newFlushMode,
        checkpointInterval,
        checkpointsKept,
        gatewayThreads,
        stateMemoryBytes);
  }

  public EngineSettings withCheckpointInterval(final Duration newInterval) {
    return new EngineSettings(
        dataDirectory,
        port,
        flushMode,
        newInterval,
        checkpointsKept,
        gatewayThreads,
        stateMemoryBytes);
  }
}
