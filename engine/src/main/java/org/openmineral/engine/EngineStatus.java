package org.openmineral.engine;

import java.nio.file.Path;

/**
 * A snapshot of the embedded engine's health and positions.
 *
 * @param healthy the partition's stream processor is healthy and the engine open
 * @param partitionHealth the stream processor's health status (HEALTHY, UNHEALTHY, DEAD)
 * @param logHighestPosition last committed log position
 * @param logBytes size of the log file
 * @param lastProcessedPosition last position the processor has handled
 * @param checkpointPosition position of the newest state checkpoint, -1 if none yet
 * @param truncatedTailBytes bytes of torn tail cut off when the log was opened
 */
public record EngineStatus(
    boolean healthy,
    String partitionHealth,
    int port,
    Path dataDirectory,
    long logHighestPosition,
    long logBytes,
    long lastProcessedPosition,
    long checkpointPosition,
    long truncatedTailBytes) {}
