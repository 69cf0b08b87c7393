package org.radmd.scrapers.harvest;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Retry timing: which responses are retried, exponential backoff with jitter, and {@code Retry-After} (RFC 9110
 * §10.2.3: delay-seconds or an HTTP-date). Stateless apart from the random source; thread-safe when that is.
 */
final class Backoff {
  /** Statuses retried: 429 Too Many Requests and the transient 5xx (500, 502, 503, 504). */
  static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

  private final long initialMs;
  private final long maxMs;
  private final RandomGenerator random;

  Backoff(long initialMs, long maxMs, RandomGenerator random) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.random = random;
  }

  /**
   * The wait before retry number {@code retry} (1 = first retry), ms: "equal jitter", uniformly in {@code [d/2,
   * d]} with {@code d = min(max, initial * 2^(retry-1))}, so waits grow exponentially yet retries of many
   * clients spread out.
   */
  long delayMs(int retry) {
    long d = initialMs;
    for (int i = 1; i < retry && d < maxMs; i++) {
      d *= 2;
    }
    d = Math.min(d, maxMs);
    long half = d / 2;
    return half + (d - half == 0 ? 0 : random.nextLong(d - half + 1));
  }

  /** The {@code Retry-After} of a response as a duration from {@code now}, if it has a valid one. */
  static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
    Optional<String> v = headers.firstValue("retry-after");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get().strip();
    if (s.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
    }
    try {
      Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
