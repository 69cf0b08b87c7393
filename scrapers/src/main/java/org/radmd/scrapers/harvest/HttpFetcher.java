package org.radmd.scrapers.harvest;

import crawlercommons.robots.BaseRobotRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A polite HTTP GET fetcher ({@link HttpClient}, HTTP/1.1) for harvesting. For each URL:
 *
 * <ol>
 *   <li>robots.txt of its origin is consulted ({@link RobotsPolicy}, RFC 9309); a disallowed URL is never
 *       requested ({@link FetchResult.Outcome#DISALLOWED});
 *   <li>each request waits for its host's {@link TokenBucket} (capacity 1, {@link HarvestConfig#rateFor} requests/s;
 *       slowed further to a robots.txt {@code Crawl-delay}), so requests to one host start at least {@code 1/rate}
 *       apart, retries and robots.txt included;
 *   <li>every response, whatever its status, is archived in the {@link WarcArchive} before it is looked at;
 *   <li>429, 500, 502, 503, 504, timeouts ({@link HarvestConfig#requestTimeoutMs()} for headers and body together),
 *       connection errors and bodies that fail the caller's {@link BodyCheck} (e.g. a truncated gzip) are retried
 *       up to {@link HarvestConfig#maxAttempts()} attempts, waiting an exponential backoff with jitter ({@link
 *       Backoff}) or the {@code Retry-After} when that is longer; a {@code Retry-After} also holds back every other
 *       request to that host; one beyond {@link HarvestConfig#maxRetryAfterMs()} fails the URL at once;
 *   <li>other statuses fail at once.
 * </ol>
 *
 * <p>Bodies are held in memory; a response declaring a {@code Content-Length} above {@link
 * HarvestConfig#maxBodyBytes()} is refused (bodies without a declared length are not capped). Requests carry only
 * {@code User-Agent}; no content coding is asked for, so bodies are stored exactly as sent.
 *
 * <p>Thread-safe: many threads may fetch at once; per-host spacing still holds. Interrupting a fetching thread
 * aborts the request in flight and makes {@link #fetch} throw {@link InterruptedException}.
 */
public final class HttpFetcher {
  /** Checks a 2xx body; a problem makes the attempt count as failed and be retried. */
  @FunctionalInterface
  public interface BodyCheck {
    /** Null when {@code body} is usable, else a short description of what is wrong with it. */
    String problem(byte[] body);

    /** Accepts every body. */
    BodyCheck ANY = body -> null;
  }

  private final HarvestConfig config;
  private final WarcArchive archive;
  private final HttpClient client;
  private final Backoff backoff;
  private final RobotsPolicy robots;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, Boolean> crawlDelayApplied = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();

  /** A fetcher with a new HTTP client (redirects followed, HTTP/1.1) and random jitter. */
  public HttpFetcher(HarvestConfig config, WarcArchive archive) {
    this(config, archive, RandomGenerator.getDefault());
  }

  HttpFetcher(HarvestConfig config, WarcArchive archive, RandomGenerator random) {
    this.config = config;
    this.archive = archive;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofMillis(config.connectTimeoutMs()))
        .build();
    this.backoff = new Backoff(config.initialBackoffMs(), config.maxBackoffMs(), random);
    this.robots = new RobotsPolicy(config.robotsAgent(), u -> retrying(u, BodyCheck.ANY), System::nanoTime);
  }

  /** Requests sent so far (robots.txt and retries included). */
  public long requestsSent() {
    return requests.get();
  }

  /** {@link #fetch(URI, BodyCheck)} accepting any body. */
  public FetchResult fetch(URI uri) throws InterruptedException {
    return fetch(uri, BodyCheck.ANY);
  }

  /**
   * Fetches {@code uri} (http or https) as described in the class comment. Never throws for network or HTTP
   * problems: they come back as {@link FetchResult.Outcome#FAILED} with a message.
   *
   * @throws InterruptedException when the thread is interrupted (the request in flight is cancelled)
   * @throws java.io.UncheckedIOException when the WARC file cannot be written (nothing is fetched unarchived)
   */
  public FetchResult fetch(URI uri, BodyCheck check) throws InterruptedException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return new FetchResult(uri, FetchResult.Outcome.FAILED, -1, null, null, null, 0,
          "only http and https URLs can be fetched: " + uri);
    }
    BaseRobotRules rules = robots.rulesFor(uri);
    applyCrawlDelay(uri, rules);
    if (!rules.isAllowed(uri.toString())) {
      return new FetchResult(uri, FetchResult.Outcome.DISALLOWED, -1, null, null, null, 0,
          "robots.txt disallows " + uri + " for " + config.robotsAgent());
    }
    return retrying(uri, check);
  }

  private FetchResult retrying(URI uri, BodyCheck check) throws InterruptedException {
    int status = -1;
    Map<String, List<String>> headers = Map.of();
    String error = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      Attempt a = send(uri);
      long waitMs = backoff.delayMs(attempt);
      if (a.error() != null) {
        error = a.error();
        status = -1;
      } else {
        status = a.response().statusCode();
        headers = a.response().headers().map();
        if (status / 100 == 2) {
          byte[] body = a.response().body();
          String problem = body == null ? "body over " + config.maxBodyBytes() + " bytes" : check.problem(body);
          if (problem == null) {
            return new FetchResult(uri, FetchResult.Outcome.OK, status, headers, body,
                TypeDetector.detect(body, fileName(uri)), attempt, null);
          }
          error = "unusable body: " + problem;
          if (body == null) {
            return new FetchResult(uri, FetchResult.Outcome.FAILED, status, headers, null, null, attempt, error);
          }
        } else if (Backoff.RETRYABLE.contains(status)) {
          error = "HTTP " + status;
          Optional<Duration> ra = Backoff.retryAfter(a.response().headers(), Instant.now());
          if (ra.isPresent()) {
            if (ra.get().toMillis() > config.maxRetryAfterMs()) {
              return new FetchResult(uri, FetchResult.Outcome.FAILED, status, headers, null, null, attempt,
                  "Retry-After " + ra.get().toSeconds() + " s is over the limit of "
                      + config.maxRetryAfterMs() / 1000 + " s");
            }
            bucket(uri).delayUntil(ra.get().toNanos());
            waitMs = Math.max(waitMs, ra.get().toMillis());
          }
        } else {
          return new FetchResult(uri, FetchResult.Outcome.FAILED, status, headers, null, null, attempt,
              "HTTP " + status);
        }
      }
      if (attempt < config.maxAttempts()) {
        Thread.sleep(waitMs);
      } else {
        return new FetchResult(uri, FetchResult.Outcome.FAILED, status, headers, null, null, attempt,
            error + " (after " + attempt + " attempts)");
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private record Attempt(HttpResponse<byte[]> response, String error) {}

  private Attempt send(URI uri) throws InterruptedException {
    bucket(uri).acquire();
    requests.incrementAndGet();
    Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    requestHeaders.put("User-Agent", List.of(config.userAgent()));
    HttpRequest req = HttpRequest.newBuilder(uri).GET().header("User-Agent", config.userAgent())
        .timeout(Duration.ofMillis(config.requestTimeoutMs())).build();
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(req, this::limitedBody);
    HttpResponse<byte[]> resp;
    try {
      resp = future.get(config.requestTimeoutMs(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Attempt(null, "timeout after " + config.requestTimeoutMs() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause() != null ? e.getCause() : e;
      return new Attempt(null, c.getClass().getSimpleName() + ": " + c.getMessage());
    }
    try {
      archive.archive(uri, requestHeaders, resp.statusCode(), resp.headers().map(),
          resp.body() == null ? new byte[0] : resp.body(), Instant.now());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the WARC archive " + archive.file(), e);
    }
    return new Attempt(resp, null);
  }

  private HttpResponse.BodySubscriber<byte[]> limitedBody(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    if (declared > config.maxBodyBytes()) {
      return HttpResponse.BodySubscribers.replacing(null);
    }
    return HttpResponse.BodySubscribers.ofByteArray();
  }

  private TokenBucket bucket(URI uri) {
    String host = RobotsPolicy.origin(uri);
    return buckets.computeIfAbsent(host, h -> new TokenBucket(config.rateFor(uri.getHost()), 1));
  }

  /** Slows the origin's bucket to a robots.txt {@code Crawl-delay} longer than the configured spacing (once). */
  private void applyCrawlDelay(URI uri, BaseRobotRules rules) {
    long delayMs = rules.getCrawlDelay();
    String origin = RobotsPolicy.origin(uri);
    if (delayMs <= 0 || crawlDelayApplied.putIfAbsent(origin, Boolean.TRUE) != null) {
      return;
    }
    double robotsRate = 1000.0 / delayMs;
    if (robotsRate < config.rateFor(uri.getHost())) {
      TokenBucket slower = new TokenBucket(robotsRate, 1);
      slower.delayUntil(slower.intervalNanos());
      buckets.put(origin, slower);
    }
  }

  private static String fileName(URI uri) {
    String p = uri.getPath();
    if (p == null || p.isEmpty() || p.endsWith("/")) {
      return null;
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
