package org.openmineral.platform.redis;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Mutual exclusion per counterparty: {@link #locked} runs its work while no other caller, in this
 * JVM or (with Redis) in any application instance, runs work for the same counterparty and purpose.
 */
public interface CounterpartyLocks {

  /**
   * Runs {@code work} holding the lock {@code purpose}/{@code counterpartyId}.
   *
   * @throws LockUnavailable if the lock was not obtained within {@code openmineral.redis.lock-wait}
   */
  <T> T locked(String purpose, UUID counterpartyId, Supplier<T> work);

  /** The lock could not be obtained in time (another instance holds it, or Redis is down). */
  class LockUnavailable extends org.openmineral.platform.web.ServiceUnavailable {
    private static final long serialVersionUID = 1L;

    public LockUnavailable(final String message) {
      super(message);
    }
  }
}
