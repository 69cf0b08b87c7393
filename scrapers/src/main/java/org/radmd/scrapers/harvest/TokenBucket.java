package org.radmd.scrapers.harvest;

import java.util.function.LongSupplier;

/**
 * A token bucket that spaces requests to one host: at most {@code capacity} requests at once, refilled at {@code
 * rate} requests/s. With capacity 1 (the harvester's setting) consecutive {@link #acquire() acquisitions} start
 * at least {@code 1/rate} seconds apart. Implemented as the generic cell rate algorithm: a theoretical
 * arrival time {@code next}; an acquisition at {@code now} may start at {@code max(now, next - (capacity - 1) *
 * interval)} and moves {@code next} one interval past that start; the caller then sleeps until its start.
 *
 * <p>{@link #delayUntil} pushes the next start later (e.g. a {@code Retry-After} from the host applies to every
 * request to it). Thread-safe: reservations are serialized, sleeping is not.
 */
public final class TokenBucket {
  /** Sleeps for a number of nanoseconds; replaced in tests by a recording fake. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private static final Sleeper REAL_SLEEP = nanos -> {
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  };

  private final long intervalNanos;
  private final long burstNanos;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private long next;
  private boolean started;

  /** A bucket on {@link System#nanoTime()} with real sleeping. */
  public TokenBucket(double ratePerSecond, int capacity) {
    this(ratePerSecond, capacity, System::nanoTime, REAL_SLEEP);
  }

  /**
   * @param ratePerSecond refill rate, requests/s (> 0)
   * @param capacity bucket size, requests (>= 1)
   * @param clock monotonic time, ns
   * @param sleeper how to wait
   */
  public TokenBucket(double ratePerSecond, int capacity, LongSupplier clock, Sleeper sleeper) {
    if (!(ratePerSecond > 0) || capacity < 1) {
      throw new IllegalArgumentException("rate must be > 0 and capacity >= 1");
    }
    this.intervalNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
    this.burstNanos = intervalNanos * (capacity - 1L);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The spacing between requests at the steady rate, ns. */
  public long intervalNanos() {
    return intervalNanos;
  }

  /**
   * Waits until a request may start.
   *
   * @return the nanoseconds waited (0 when a token was available)
   * @throws InterruptedException if interrupted while waiting; the reservation is then still counted
   */
  public long acquire() throws InterruptedException {
    long start;
    long now;
    synchronized (this) {
      now = clock.getAsLong();
      if (!started) {
        next = now;
        started = true;
      }
      start = Math.max(now, next - burstNanos);
      next = Math.max(next, start) + intervalNanos;
    }
    long wait = start - now;
    if (wait > 0) {
      sleeper.sleepNanos(wait);
    }
    return Math.max(0, wait);
  }

  /** Makes the next request start no earlier than {@code delayNanos} from now. */
  public synchronized void delayUntil(long delayNanos) {
    long at = clock.getAsLong() + Math.max(0, delayNanos);
    next = started ? Math.max(next, at + burstNanos) : at + burstNanos;
    started = true;
  }
}
