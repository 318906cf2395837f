package org.openmineral.platform.redis;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * A Redisson fair lock per counterparty, with a lease: if the holding instance dies the lock frees
 * itself after {@code lock-lease}. Fair: waiting requests get the lock in arrival order.
 */
final class RedissonCounterpartyLocks implements CounterpartyLocks {
  private final RedissonClient redisson;
  private final RedisSettings settings;

  RedissonCounterpartyLocks(final RedissonClient redisson, final RedisSettings settings) {
    this.redisson = redisson;
    this.settings = settings;
  }

  @Override
  public <T> T locked(final String purpose, final UUID counterpartyId, final Supplier<T> work) {
    final String name = "openmineral:lock:" + purpose + ":" + counterpartyId;
    final RLock lock = redisson.getFairLock(name);
    final boolean held;
    try {
      held =
          lock.tryLock(
              settings.lockWait().toMillis(),
              settings.lockLease().toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockUnavailable("interrupted while waiting for " + name);
    } catch (final RuntimeException e) {
      throw new LockUnavailable("cannot take the lock " + name + ": " + e.getMessage());
    }
    if (!held) {
      throw new LockUnavailable(
          "the lock " + name + " is busy; not obtained within " + settings.lockWait());
    }
    try {
      return work.get();
    } finally {
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }
}
