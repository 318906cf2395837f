package org.openmineral.platform.redis;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One fair {@link ReentrantLock} per counterparty and purpose: exclusion inside this JVM only. */
final class LocalCounterpartyLocks implements CounterpartyLocks {
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final RedisSettings settings;

  LocalCounterpartyLocks(final RedisSettings settings) {
    this.settings = settings;
  }

  @Override
  public <T> T locked(final String purpose, final UUID counterpartyId, final Supplier<T> work) {
    final String name = purpose + ":" + counterpartyId;
    final ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock(true));
    try {
      if (!lock.tryLock(settings.lockWait().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new LockUnavailable(
            "the lock " + name + " is busy; not obtained within " + settings.lockWait());
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockUnavailable("interrupted while waiting for " + name);
    }
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
