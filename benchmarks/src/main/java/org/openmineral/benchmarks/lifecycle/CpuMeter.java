package org.openmineral.benchmarks.lifecycle;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU a product spends, read before and after a measured run: this JVM's (the product's threads
 * and the driver's), the part of it the just-in-time compiler spent compiling, and that of a
 * PostgreSQL server the product runs (its postmaster, the backends it reaped and those still alive,
 * from {@code /proc}). Figures per deal show where the cost is and compare products run at
 * different moments on a noisy machine better than wall-clock throughput alone.
 */
final class CpuMeter {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Clock ticks per second of {@code /proc/<pid>/stat} times (USER_HZ; 100 on Linux). */
  private static final long TICKS_PER_SECOND = 100;

  private final Path postgresData;

  /**
   * @param postgresData the data directory of the product's PostgreSQL (its {@code postmaster.pid}
   *     names the server), or null for a product without one
   */
  CpuMeter(final Path postgresData) {
    this.postgresData = postgresData;
  }

  /** CPU used so far, in milliseconds. */
  record Reading(long jvmMs, long jitMs, long postgresMs, long wallNanos) {
    /** What was used between {@code before} and this reading. */
    Usage since(final Reading before) {
      return new Usage(
          jvmMs - before.jvmMs,
          jitMs - before.jitMs,
          postgresMs - before.postgresMs,
          (wallNanos - before.wallNanos) / 1_000_000);
    }
  }

  /** CPU used over a window of {@code wallMs}, in milliseconds; JIT is part of the JVM's. */
  record Usage(long jvmMs, long jitMs, long postgresMs, long wallMs) {
    /** The JVM's and PostgreSQL's. */
    long totalMs() {
      return jvmMs + postgresMs;
    }

    /** The compiler's time as a share of the window's wall time. */
    double jitShare() {
      return wallMs == 0 ? 0 : (double) jitMs / wallMs;
    }
  }

  Reading read() {
    return new Reading(
        OS.getProcessCpuTime() / 1_000_000,
        JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0,
        postgresMs(),
        System.nanoTime());
  }

  private long postgresMs() {
    if (postgresData == null) {
      return 0;
    }
    final Optional<Long> postmaster = postmasterPid();
    if (postmaster.isEmpty()) {
      return 0;
    }
    final long pid = postmaster.get();
    // the postmaster's own time and its reaped backends' (cutime, cstime), then the live backends'
    long ticks = ticks(pid, true);
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (final Path process : processes.toList()) {
        final String name = process.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && parent(process) == pid) {
          ticks += ticks(Long.parseLong(name), false);
        }
      }
    } catch (final IOException e) {
      return 0;
    }
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  private Optional<Long> postmasterPid() {
    try {
      final String first = Files.readAllLines(postgresData.resolve("postmaster.pid")).getFirst();
      return Optional.of(Long.parseLong(first.trim()));
    } catch (final IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The fields of {@code /proc/<pid>/stat} after the command name, or null if it is gone. */
  private static String[] stat(final Path process) {
    try {
      final String stat = Files.readString(process.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (final IOException | RuntimeException e) {
      return null;
    }
  }

  private static long parent(final Path process) {
    final String[] fields = stat(process);
    return fields == null ? -1 : Long.parseLong(fields[1]);
  }

  /** utime + stime (fields 14 and 15), with cutime + cstime (16 and 17) if asked. */
  private static long ticks(final long pid, final boolean reapedChildren) {
    final String[] fields = stat(Path.of("/proc", Long.toString(pid)));
    if (fields == null) {
      return 0;
    }
    // fields[0] is field 3 (state)
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    if (reapedChildren) {
      ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
    return ticks;
  }
}
