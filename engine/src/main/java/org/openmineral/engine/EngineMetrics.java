package org.openmineral.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The embedded engine's own gauges, next to the meters Zeebe's log stream and stream processor
 * register in the same registry. Each reads the engine when the registry is scraped; a value the
 * engine cannot give (closed, or the processor busy beyond a second) is {@code NaN}.
 *
 * <ul>
 *   <li>{@value #LOG_POSITION}: last committed log position
 *   <li>{@value #PROCESSED_POSITION}: last position the stream processor has handled
 *   <li>{@value #PROCESSING_LAG}: 0 when the processor has reached the end of the log, else the
 *       committed minus the processed position (records, commands and their events, waiting)
 *   <li>{@value #CHECKPOINT_POSITION}: processed position of the newest state checkpoint
 *   <li>{@value #LOG_SIZE}: size of the log file in bytes
 *   <li>{@value #HEALTHY}: 1 while the partition is healthy, else 0
 * </ul>
 *
 * All carry the tag {@code partition}.
 */
final class EngineMetrics implements AutoCloseable {
  static final String LOG_POSITION = "openmineral.engine.log.position";
  static final String PROCESSED_POSITION = "openmineral.engine.processed.position";
  static final String PROCESSING_LAG = "openmineral.engine.processing.lag";
  static final String CHECKPOINT_POSITION = "openmineral.engine.checkpoint.position";
  static final String LOG_SIZE = "openmineral.engine.log.size";
  static final String HEALTHY = "openmineral.engine.healthy";

  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();

  /** The positions and sizes the gauges read, as the engine gives them. */
  interface Source {
    long UNKNOWN = Long.MIN_VALUE;

    long logPosition();

    /** The processor's last processed position, or {@link #UNKNOWN} if it cannot tell now. */
    long processedPosition();

    /**
     * 0 when the processor has reached the end of the log, else the committed minus the processed
     * position; {@link #UNKNOWN} if it cannot tell now.
     */
    long processingLag();

    long checkpointPosition();

    long logBytes();

    boolean healthy();
  }

  EngineMetrics(final MeterRegistry registry, final int partition, final Source source) {
    this.registry = registry;
    final String partitionTag = Integer.toString(partition);
    gauge(
        LOG_POSITION,
        "Last committed position of the engine log",
        null,
        source,
        s -> s.logPosition(),
        partitionTag);
    gauge(
        PROCESSED_POSITION,
        "Last log position the stream processor has handled",
        null,
        source,
        s -> orNaN(s.processedPosition()),
        partitionTag);
    gauge(
        PROCESSING_LAG,
        "Log positions after the last processed one; 0 when the processor has reached the end",
        null,
        source,
        s -> orNaN(s.processingLag()),
        partitionTag);
    gauge(
        CHECKPOINT_POSITION,
        "Processed position of the newest state checkpoint (-1: none yet)",
        null,
        source,
        s -> s.checkpointPosition(),
        partitionTag);
    gauge(
        LOG_SIZE, "Size of the engine log file", "bytes", source, s -> s.logBytes(), partitionTag);
    gauge(
        HEALTHY,
        "1 while the partition's stream processor is healthy, else 0",
        null,
        source,
        s -> s.healthy() ? 1 : 0,
        partitionTag);
  }

  private void gauge(
      final String name,
      final String description,
      final String baseUnit,
      final Source source,
      final ToDoubleFunction<Source> value,
      final String partition) {
    meters.add(
        Gauge.builder(name, source, value)
            .description(description)
            .baseUnit(baseUnit)
            .tag("partition", partition)
            .strongReference(true)
            .register(registry));
  }

  private static double orNaN(final long position) {
    return position == Source.UNKNOWN ? Double.NaN : position;
  }

  /** Removes the gauges, so a registry that outlives the engine does not report a closed one. */
  @Override
  public void close() {
    meters.forEach(registry::remove);
    meters.clear();
  }
}
