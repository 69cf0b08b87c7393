package org.radmd.scrapers.harvest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a harvest. Immutable; the {@code with*} methods return changed copies.
 *
 * @param userAgent the {@code User-Agent} header sent with every request
 * @param robotsAgent the product token matched against robots.txt {@code User-agent} lines (RFC 9309 §2.2.1),
 *     e.g. {@code "radmd"}
 * @param requestsPerSecond the default per-host request rate, requests/s (> 0); NCBI asks for at most 3 requests/s
 *     without an API key
 * @param hostRates per-host rates (requests/s) by lower-case host name, overriding the default
 * @param maxAttempts the most attempts per URL (first try included, >= 1)
 * @param initialBackoffMs the backoff before the first retry, ms; doubled per retry (exponential backoff)
 * @param maxBackoffMs the cap of the backoff, ms
 * @param requestTimeoutMs the limit for one request, headers and body, ms; a slower response is a timeout
 *     (retried)
 * @param connectTimeoutMs the TCP connect limit, ms
 * @param maxRetryAfterMs the longest {@code Retry-After} the harvester will wait, ms; a longer one fails the URL
 * @param maxBodyBytes the largest response body accepted, bytes
 */
public record HarvestConfig(String userAgent, String robotsAgent, double requestsPerSecond,
    Map<String, Double> hostRates, int maxAttempts, long initialBackoffMs, long maxBackoffMs, long requestTimeoutMs,
    long connectTimeoutMs, long maxRetryAfterMs, long maxBodyBytes) {

  /** NCBI's limit without an API key, requests/s (E-utilities usage guidelines). */
  public static final double NCBI_DEFAULT_RATE = 3.0;

  public HarvestConfig {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(robotsAgent, "robotsAgent");
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be a positive number: " + requestsPerSecond);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    if (initialBackoffMs < 0 || maxBackoffMs < initialBackoffMs || requestTimeoutMs <= 0 || connectTimeoutMs <= 0
        || maxRetryAfterMs < 0 || maxBodyBytes <= 0) {
      throw new IllegalArgumentException("negative or inconsistent time or size limits");
    }
    hostRates = hostRates == null ? Map.of() : Map.copyOf(hostRates);
    hostRates.values().forEach(r -> {
      if (!(r > 0)) {
        throw new IllegalArgumentException("host rates must be positive: " + r);
      }
    });
  }

  /**
   * Defaults: agent {@code radmd-harvest/0.1 (research corpus builder)} (set one with a contact address for real
   * harvests), robots token {@code radmd}, 3 requests/s per host, 5 attempts,
   * backoff 1 s doubling to 60 s, 60 s request timeout, 10 s connect timeout, Retry-After honoured up to 10 min,
   * bodies up to 1 GiB.
   */
  public static HarvestConfig defaults() {
    return new HarvestConfig("radmd-harvest/0.1 (research corpus builder)", "radmd",
        NCBI_DEFAULT_RATE, Map.of(), 5, 1_000, 60_000, 60_000, 10_000, 600_000, 1L << 30);
  }

  /** The rate for {@code host}, requests/s. */
  public double rateFor(String host) {
    return hostRates.getOrDefault(host == null ? "" : host.toLowerCase(Locale.ROOT), requestsPerSecond);
  }

  /** A copy with another default rate, requests/s. */
  public HarvestConfig withRate(double perSecond) {
    return new HarvestConfig(userAgent, robotsAgent, perSecond, hostRates, maxAttempts, initialBackoffMs,
        maxBackoffMs, requestTimeoutMs, connectTimeoutMs, maxRetryAfterMs, maxBodyBytes);
  }

  /** A copy with other retry settings (attempts, initial and maximum backoff in ms). */
  public HarvestConfig withRetries(int attempts, long initialMs, long maxMs) {
    return new HarvestConfig(userAgent, robotsAgent, requestsPerSecond, hostRates, attempts, initialMs, maxMs,
        requestTimeoutMs, connectTimeoutMs, maxRetryAfterMs, maxBodyBytes);
  }

  /** A copy with another request timeout, ms. */
  public HarvestConfig withRequestTimeout(long ms) {
    return new HarvestConfig(userAgent, robotsAgent, requestsPerSecond, hostRates, maxAttempts, initialBackoffMs,
        maxBackoffMs, ms, connectTimeoutMs, maxRetryAfterMs, maxBodyBytes);
  }

  /** A copy with {@code host}'s rate set to {@code perSecond} requests/s (other hosts unchanged). */
  public HarvestConfig withHostRate(String host, double perSecond) {
    Map<String, Double> rates = new java.util.HashMap<>(hostRates);
    rates.put(host.toLowerCase(Locale.ROOT), perSecond);
    return new HarvestConfig(userAgent, robotsAgent, requestsPerSecond, rates, maxAttempts, initialBackoffMs,
        maxBackoffMs, requestTimeoutMs, connectTimeoutMs, maxRetryAfterMs, maxBodyBytes);
  }

  /** A copy with another {@code User-Agent}. */
  public HarvestConfig withUserAgent(String agent) {
    return new HarvestConfig(agent, robotsAgent, requestsPerSecond, hostRates, maxAttempts, initialBackoffMs,
        maxBackoffMs, requestTimeoutMs, connectTimeoutMs, maxRetryAfterMs, maxBodyBytes);
  }
}
