package org.openmineral.platform.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Domain events to the listeners of this JVM, delivered on the publishing thread. */
final class LocalDomainEvents implements DomainEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LocalDomainEvents.class);
  private final List<Consumer<DomainEvent>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void publish(final DomainEvent event) {
    for (final Consumer<DomainEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (final RuntimeException e) {
        LOG.warn("A listener failed on {}: {}", event, e.toString());
      }
    }
  }

  @Override
  public AutoCloseable subscribe(final Consumer<DomainEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
