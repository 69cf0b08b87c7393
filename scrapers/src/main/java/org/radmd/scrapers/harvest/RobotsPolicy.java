package org.radmd.scrapers.harvest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * robots.txt rules per origin (scheme, host, port), following RFC 9309 (Robots Exclusion Protocol), parsed by
 * crawler-commons' {@link SimpleRobotRulesParser} for the configured product token:
 *
 * <ul>
 *   <li>2xx: the file's rules (longest match wins, {@code Allow} wins ties; {@code Crawl-delay} is kept);
 *   <li>4xx other than 429 ("unavailable", §2.3.1.3): everything allowed;
 *   <li>429, 5xx, timeouts and connection errors after the fetcher's retries ("unreachable", §2.3.1.4):
 *       everything disallowed, so nothing is requested from a server whose rules could not be read;
 *   <li>redirects are followed by the HTTP client (at most 5 hops, §2.3.1.2).
 * </ul>
 *
 * <p>The product token is matched exactly (case-insensitively) against {@code User-agent} lines, the RFC 9309
 * rule; without a matching group the {@code *} group applies. Rules are cached per origin for 24 hours (§2.4).
 * The robots.txt request itself goes through the fetcher (same politeness, retries and WARC archiving).
 * Thread-safe: lookups for one origin are serialized.
 */
final class RobotsPolicy {
  /** Fetches a robots.txt URL without consulting robots rules. */
  @FunctionalInterface
  interface RobotsFetch {
    FetchResult fetch(URI robotsTxt) throws InterruptedException;
  }

  private static final long MAX_AGE_NANOS = 24L * 3600 * 1_000_000_000L;
  private final String agent;
  private final RobotsFetch fetch;
  private final LongSupplier clock;
  private final Map<String, Cached> cache = new HashMap<>();

  private record Cached(BaseRobotRules rules, long fetchedAt) {}

  RobotsPolicy(String agent, RobotsFetch fetch, LongSupplier clock) {
    this.agent = agent.toLowerCase(Locale.ROOT);
    this.fetch = fetch;
    this.clock = clock;
  }

  /** The rules that apply to {@code uri}'s origin, fetching robots.txt when not cached or stale. */
  BaseRobotRules rulesFor(URI uri) throws InterruptedException {
    String origin = origin(uri);
    synchronized (this) {
      Cached c = cache.get(origin);
      if (c != null && clock.getAsLong() - c.fetchedAt() < MAX_AGE_NANOS) {
        return c.rules();
      }
    }
    URI robots = URI.create(origin + "/robots.txt");
    FetchResult r = fetch.fetch(robots);
    BaseRobotRules rules = interpret(robots, r);
    synchronized (this) {
      cache.put(origin, new Cached(rules, clock.getAsLong()));
    }
    return rules;
  }

  /** True when robots.txt allows {@code uri} for our agent. */
  boolean allowed(URI uri) throws InterruptedException {
    return rulesFor(uri).isAllowed(uri.toString());
  }

  private BaseRobotRules interpret(URI robots, FetchResult r) {
    if (r.ok()) {
      String type = r.headers().getOrDefault("content-type", List.of("text/plain")).get(0);
      return new SimpleRobotRulesParser().parseContent(robots.toString(), r.body(), type, List.of(agent));
    }
    if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
      return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
  }

  /** {@code scheme://host[:port]}, lower-case, the port left out when it is the scheme's default. */
  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
