package org.radmd.pipelines.build;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread, for the per-stage {@code <stage>.cpu_us} Beam counters (microseconds of thread
 * CPU spent in a stage's DoFn, summed over workers): {@code samples / (cpu_us / 1e6)} is the stage's throughput
 * per core, independent of parallelism and of other processes sharing the machine. Falls back to wall time
 * where the JVM cannot measure thread CPU time. Thread-safe (stateless).
 */
final class StageCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

  private StageCpu() {}

  /** Nanoseconds of CPU time of the current thread so far (an arbitrary origin; use differences). */
  static long nanos() {
    return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Microseconds since {@code startNanos} (a {@link #nanos()} value), never negative. */
  static long microsSince(long startNanos) {
    return Math.max(0, (nanos() - startNanos) / 1000);
  }
}
