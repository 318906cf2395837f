package org.openmineral.platform.redis;

import java.util.function.Consumer;

/**
 * Publish-subscribe of {@link DomainEvent}s to every application instance (with Redis) or to the
 * listeners of this JVM (without). At most once: an instance that is down misses what is published
 * meanwhile; listeners re-read state rather than relying on every event.
 */
public interface DomainEvents {

  /** Sends {@code event} to every listener; never throws for a listener's failure. */
  void publish(DomainEvent event);

  /** Registers {@code listener}; closing the returned handle removes it. */
  AutoCloseable subscribe(Consumer<DomainEvent> listener);
}
