package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.scrapers.harvest.FakePmcServer.Hit;
import org.radmd.scrapers.harvest.FakePmcServer.Reply;

/** {@link HttpFetcher} against a loopback server: RFC 9309 robots.txt outcomes and retry limits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RobotsAndRetriesTest {
  private static final HarvestConfig FAST = HarvestConfig.defaults().withRate(50).withRetries(3, 10, 40)
      .withRequestTimeout(2_000);

  private static List<String> targets(FakePmcServer s) {
    return s.hits().stream().map(Hit::target).toList();
  }

  @Test
  void missingRobotsTxtAllowsEverything(@TempDir Path tmp) throws Exception {
    try (FakePmcServer s = new FakePmcServer(); WarcArchive w = WarcArchive.create(tmp, "test")) {
      s.script("/robots.txt", Reply.status(404, Map.of()));
      s.script("/a", Reply.ok("text/plain", "A".getBytes(StandardCharsets.US_ASCII)));
      HttpFetcher f = new HttpFetcher(FAST, w);
      FetchResult r = f.fetch(s.uri("/a"));
      assertTrue(r.ok());
      assertEquals("A", new String(r.body(), StandardCharsets.US_ASCII));
      assertEquals("text/plain", r.mediaType());
      assertEquals(List.of("/robots.txt", "/a"), targets(s));
      f.fetch(s.uri("/a"));
      assertEquals(List.of("/robots.txt", "/a", "/a"), targets(s), "robots.txt is cached per origin");
      assertEquals(3, w.exchanges());
    }
  }

  @Test
  void unreachableRobotsTxtDisallowsEverything(@TempDir Path tmp) throws Exception {
    try (FakePmcServer s = new FakePmcServer(); WarcArchive w = WarcArchive.create(tmp, "test")) {
      s.script("/robots.txt", Reply.status(503, Map.of()));
      s.script("/a", Reply.ok("text/plain", new byte[] {1}));
      FetchResult r = new HttpFetcher(FAST, w).fetch(s.uri("/a"));
      assertEquals(FetchResult.Outcome.DISALLOWED, r.outcome());
      assertEquals(0, r.attempts());
      assertEquals(List.of("/robots.txt", "/robots.txt", "/robots.txt"), targets(s),
          "robots.txt retried, then the server treated as unreachable (RFC 9309 2.3.1.4)");
    }
  }

  @Test
  void agentSpecificGroupAndPermanentErrors(@TempDir Path tmp) throws Exception {
    try (FakePmcServer s = new FakePmcServer(); WarcArchive w = WarcArchive.create(tmp, "test")) {
      s.script("/robots.txt", Reply.ok("text/plain", ("User-agent: radmd\nDisallow: /private\nAllow: /private/ok\n\n"
          + "User-agent: *\nDisallow: /\n").getBytes(StandardCharsets.US_ASCII)));
      s.script("/public", Reply.status(404, Map.of()));
      s.script("/private/ok", Reply.status(500, Map.of()));
      HttpFetcher f = new HttpFetcher(FAST, w);
      assertEquals(FetchResult.Outcome.DISALLOWED, f.fetch(s.uri("/private/x")).outcome());
      FetchResult gone = f.fetch(s.uri("/public"));
      assertEquals(FetchResult.Outcome.FAILED, gone.outcome());
      assertEquals(404, gone.status());
      assertEquals(1, gone.attempts(), "a 404 is not retried");
      FetchResult broken = f.fetch(s.uri("/private/ok"));
      assertEquals(3, broken.attempts(), "5xx retried up to maxAttempts");
      assertTrue(broken.error().contains("after 3 attempts"), broken.error());
      assertEquals(List.of("/robots.txt", "/public", "/private/ok", "/private/ok", "/private/ok"), targets(s));
    }
  }

  @Test
  void retryAfterBeyondTheLimitFailsAtOnce(@TempDir Path tmp) throws Exception {
    try (FakePmcServer s = new FakePmcServer(); WarcArchive w = WarcArchive.create(tmp, "test")) {
      s.script("/robots.txt", Reply.status(404, Map.of()));
      s.script("/busy", Reply.status(429, Map.of("Retry-After", "86400")));
      FetchResult r = new HttpFetcher(FAST, w).fetch(s.uri("/busy"));
      assertEquals(FetchResult.Outcome.FAILED, r.outcome());
      assertEquals(1, r.attempts());
      assertTrue(r.error().startsWith("Retry-After 86400 s"), r.error());
      FetchResult ftp = new HttpFetcher(FAST, w).fetch(java.net.URI.create("ftp://example.org/x"));
      assertEquals(FetchResult.Outcome.FAILED, ftp.outcome());
    }
  }

  @Test
  void crawlDelaySlowsTheHostBelowTheConfiguredRate(@TempDir Path tmp) throws Exception {
    try (FakePmcServer s = new FakePmcServer(); WarcArchive w = WarcArchive.create(tmp, "test")) {
      s.script("/robots.txt", Reply.ok("text/plain", "User-agent: RadMD\nCrawl-delay: 1\n"
          .getBytes(StandardCharsets.US_ASCII)));
      s.script("/a", Reply.ok("text/plain", new byte[] {1}));
      HttpFetcher f = new HttpFetcher(FAST, w); // 50 requests/s configured
      for (int i = 0; i < 3; i++) {
        assertTrue(f.fetch(s.uri("/a")).ok());
      }
      List<Hit> hits = s.hits();
      for (int i = 2; i < hits.size(); i++) {
        long gapMs = TimeUnit.NANOSECONDS.toMillis(hits.get(i).atNanos() - hits.get(i - 1).atNanos());
        assertTrue(gapMs >= 500, "Crawl-delay 1 s honoured (tolerance 50%): " + gapMs + " ms");
      }
    }
  }
}
