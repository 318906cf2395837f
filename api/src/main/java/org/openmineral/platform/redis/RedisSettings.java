package org.openmineral.platform.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openmineral.redis.*}: with an {@code address} the features that must hold across
 * application instances (credit locks, domain events) go through Redis; without one they work
 * inside this JVM only.
 *
 * @param address the Redis server, {@code redis://host:6379} or {@code rediss://} for TLS; empty:
 *     no Redis
 * @param lockWait how long a request waits for a counterparty's credit lock before answering 503
 * @param lockLease how long a held lock lives at most if its holder dies (Redis only)
 * @param eventsTopic the pub/sub channel of the domain events (Redis only)
 */
@ConfigurationProperties("openmineral.redis")
public record RedisSettings(
    String address,
    @DefaultValue("10s") Duration lockWait,
    @DefaultValue("30s") Duration lockLease,
    @DefaultValue("openmineral:events") String eventsTopic) {

  public boolean enabled() {
    return address != null && !address.isBlank();
  }
}
