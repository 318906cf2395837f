package org.openmineral.platform.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.openmineral.engine.log.FileLogStorage.FlushMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.engine.*}: the embedded engine, used when no Camunda cluster is configured.
 *
 * @param mode {@code auto} (embedded unless {@code camunda.client.*} names a cluster), {@code
 *     embedded} or {@code cluster}
 * @param port gRPC port on 127.0.0.1; 0 picks a free one
 * @param dataDirectory log and state; default {@code ${openmineral.data-dir}/engine}
 * @param flushMode {@code fsync} (survives power loss) or {@code os-cache} (survives a killed JVM)
 * @param checkpointInterval how often the state is checkpointed so a restart replays only the tail
 * @param checkpointsKept checkpoints kept on disk
 */
@ConfigurationProperties("openmineral.engine")
public record EngineProperties(
    @DefaultValue("auto") EngineMode mode,
    @DefaultValue("26500") int port,
    Path dataDirectory,
    @DefaultValue("fsync") FlushMode flushMode,
    @DefaultValue("1m") Duration checkpointInterval,
    @DefaultValue("2") int checkpointsKept) {

  /** Where the processes run. */
  public enum EngineMode {
    AUTO,
    EMBEDDED,
    CLUSTER
  }
}
