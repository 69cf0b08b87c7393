package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.scrapers.harvest.FakePmcServer.Hit;
import org.radmd.scrapers.harvest.FakePmcServer.Reply;
import org.radmd.scrapers.support.Origins;
import org.radmd.testing.SharedCorpus;

/**
 * End-to-end PMC OA harvest against a loopback server that serves OA-service listings and tar.gz packages built
 * from the real corpus articles, and injects a 429 with Retry-After, 503s, a slow response, a truncated gzip and a
 * robots.txt Disallow. Checks use the server's own request log.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PmcHarvestEndToEndTest {
  private static final double RATE = 5.0;
  private static final long INTERVAL_MS = (long) (1000 / RATE);
  private static final String PKG = "/pub/pmc/oa_package/";
  /** pmcid -> corpus folder; the last one sits under a robots.txt-disallowed path. */
  private static final Map<String, String> ARTICLES = Map.of(
      "PMC3003633", "pmc/PMC3003633", "PMC2270912", "pmc/PMC2270912", "PMC3460867", "pmc/PMC3460867",
      "PMC6358577", "pmc_radiology/PMC6358577", "PMC6358581", "pmc_radiology/PMC6358581");
  private static final List<String> ALLOWED = List.of("PMC3003633", "PMC2270912", "PMC3460867", "PMC6358577");

  private static String pkgPath(String pmcid) {
    return (pmcid.equals("PMC6358581") ? PKG + "private/" : PKG + "aa/01/") + pmcid + ".tar.gz";
  }

  private static FakePmcServer server() throws Exception {
    FakePmcServer s = new FakePmcServer();
    s.script("/robots.txt", Reply.ok("text/plain",
        "User-agent: *\nDisallow: /pub/pmc/oa_package/private/\n".getBytes(StandardCharsets.US_ASCII)));
    String page1 = TestPackages.listing(List.of(
        new String[] {"PMC3003633", s.uri(pkgPath("PMC3003633")).toString()},
        new String[] {"PMC2270912", s.uri(pkgPath("PMC2270912")).toString()},
        new String[] {"PMC3460867", s.uri(pkgPath("PMC3460867")).toString()}), "/oa.fcgi?resumptionToken=t2");
    String page2 = TestPackages.listing(List.of(
        new String[] {"PMC6358577", pkgPath("PMC6358577")},
        new String[] {"PMC6358581", pkgPath("PMC6358581")},
        new String[] {"PMC9999999", null}), null);
    s.script("/oa.fcgi?from=2010-01-01&format=tgz",
        Reply.status(429, Map.of("Retry-After", "1")), Reply.ok("text/xml", page1.getBytes(StandardCharsets.UTF_8)));
    s.script("/oa.fcgi?resumptionToken=t2", Reply.ok("text/xml", page2.getBytes(StandardCharsets.UTF_8)));
    Map<String, byte[]> pkgs = new java.util.HashMap<>();
    for (Map.Entry<String, String> a : ARTICLES.entrySet()) {
      pkgs.put(a.getKey(), TestPackages.tarGz(a.getKey(), TestPackages.articleFiles(a.getValue())));
    }
    Reply gz = Reply.ok("application/x-gzip", new byte[0]);
    s.script(pkgPath("PMC3003633"), Reply.status(503, Map.of()), Reply.status(503, Map.of()),
        Reply.ok("application/x-gzip", pkgs.get("PMC3003633")));
    s.script(pkgPath("PMC2270912"), Reply.ok("application/x-gzip", pkgs.get("PMC2270912")).delayed(1500),
        Reply.ok("application/x-gzip", pkgs.get("PMC2270912")));
    s.script(pkgPath("PMC3460867"), Reply.ok("application/x-gzip", TestPackages.truncated(pkgs.get("PMC3460867"))),
        Reply.ok("application/x-gzip", pkgs.get("PMC3460867")));
    s.script(pkgPath("PMC6358577"), Reply.ok(gz.headers().get("Content-Type"), pkgs.get("PMC6358577")));
    s.script(pkgPath("PMC6358581"), Reply.ok(gz.headers().get("Content-Type"), pkgs.get("PMC6358581")));
    return s;
  }

  private static HarvestConfig config() {
    return HarvestConfig.defaults().withRate(RATE).withRetries(4, 50, 400).withRequestTimeout(500);
  }

  @Test
  void harvestStoppedHalfwayThenRestartedFetchesEachAllowedItemExactlyOnce(@TempDir Path out) throws Exception {
    try (FakePmcServer s = server()) {
      java.net.URI listing = PmcOaHarvester.listingUri(s.uri("/oa.fcgi"), "from=2010-01-01&format=tgz");

      HarvestReport first = new PmcOaHarvester(config(), out).run(listing, 2, PmcOaHarvester.Progress.NONE);
      assertEquals(List.of("PMC3003633", "PMC2270912"), first.fetchedIds());
      assertFalse(first.complete());
      List<Hit> run1 = s.hits();

      Thread.sleep(INTERVAL_MS); // a new process has its own bucket; keep the host's spacing across the restart
      List<String> progress = new ArrayList<>();
      HarvestReport second = new PmcOaHarvester(config(), out).run(listing, Integer.MAX_VALUE,
          (r, current) -> progress.add(current));
      List<Hit> all = s.hits();
      List<Hit> run2 = all.subList(run1.size(), all.size());

      // the restart skipped what was done and fetched only what was missing
      assertEquals(List.of("PMC3460867", "PMC6358577"), second.fetchedIds());
      assertEquals(2, second.skipped());
      assertEquals(1, second.disallowed());
      assertEquals(1, second.withoutPackage());
      assertEquals(0, second.failed(), second.problems().toString());
      assertTrue(second.complete());
      assertTrue(progress.contains("PMC6358577"));
      for (String done : first.fetchedIds()) {
        assertTrue(run2.stream().noneMatch(h -> h.target().equals(pkgPath(done))), done + " requested again");
      }

      // disallowed package never requested; each package's requests were exactly the scripted faults + 1 success
      assertTrue(all.stream().noneMatch(h -> h.target().contains("/private/")), all.toString());
      assertEquals(List.of(429, 200, 200), statuses(all, "/oa.fcgi?from=2010-01-01&format=tgz"));
      assertEquals(List.of(503, 503, 200), statuses(all, pkgPath("PMC3003633")));
      assertEquals(List.of(200, 200), statuses(all, pkgPath("PMC2270912")), "slow (timed out), then served");
      assertEquals(List.of(200, 200), statuses(all, pkgPath("PMC3460867")), "truncated gzip, then whole");
      assertEquals(List.of(200), statuses(all, pkgPath("PMC6358577")));
      Hit throttled = all.get(indexOf(all, "/oa.fcgi?from=2010-01-01&format=tgz", 0));
      Hit after = all.get(indexOf(all, "/oa.fcgi?from=2010-01-01&format=tgz", 1));
      assertTrue(after.atNanos() - throttled.atNanos() >= TimeUnit.MILLISECONDS.toNanos(900),
          "Retry-After: 1 honoured");

      // server-observed spacing per run never below the limit (generous tolerance for scheduling jitter)
      for (List<Hit> run : List.of(run1, run2)) {
        for (int i = 1; i < run.size(); i++) {
          long gapMs = TimeUnit.NANOSECONDS.toMillis(run.get(i).atNanos() - run.get(i - 1).atNanos());
          assertTrue(gapMs >= INTERVAL_MS / 2, "requests " + (i - 1) + " and " + i + " only " + gapMs + " ms apart");
        }
      }

      // every allowed item arrived once, byte-identical; checkpoint and manifest say so
      for (String pmcid : ALLOWED) {
        List<Path> src = TestPackages.articleFiles(ARTICLES.get(pmcid));
        try (Stream<Path> files = Files.list(out.resolve(pmcid))) {
          assertEquals(new TreeSet<>(TestPackages.names(src)),
              new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()), pmcid);
        }
        for (Path f : src) {
          assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out.resolve(pmcid).resolve(f.getFileName())));
        }
      }
      assertFalse(Files.exists(out.resolve("PMC6358581")));
      assertEquals(new TreeSet<>(ALLOWED), Checkpoint.open(out.resolve(".radmd-harvest/done.txt")).keys());
      List<String> manifest = Files.readAllLines(out.resolve(".radmd-harvest/manifest.jsonl"));
      assertEquals(ALLOWED, manifest.stream().map(l -> l.substring(10, l.indexOf('"', 10))).toList(),
          "one manifest line per item: each arrived exactly once");
      assertTrue(manifest.get(0).contains("\"type\":\"image/jpeg\""), manifest.get(0));

      // every response the client received is in the WARCs with its request; the timed-out one never arrived
      assertWarcsHoldEveryResponse(out, all.size() - 1);

      // the harvest folder is an input root for radmd build: the JATS reader reads the unpacked articles
      List<String> found = Readers.discover(out).stream().map(p -> Origins.relative(p, out)).toList();
      assertEquals(List.of("PMC2270912/pone.0001908.nxml", "PMC3003633/1475-2859-9-89.nxml",
          "PMC3460867/pone.0046493.nxml", "PMC6358577/PMC6358577.xml"), found.subList(0, 4));
      assertEquals(2, found.size() - 4, "one WARC per run: " + found);
      for (String w : found.subList(4, found.size())) {
        assertTrue(w.startsWith("warc/radmd-") && w.endsWith(".warc.gz"), w);
        assertEquals(ReadResult.empty(), Readers.readerFor(out.resolve(w)).orElseThrow().read(out.resolve(w), out),
            "the WARCs add nothing beside the unpacked folders");
      }
      ReadResult r = Readers.readerFor(out.resolve("PMC3003633/1475-2859-9-89.nxml")).orElseThrow()
          .read(out.resolve("PMC3003633/1475-2859-9-89.nxml"), out);
      assertEquals(List.of(), r.rejects());
      assertEquals(List.of("pmci-PMC3003633-F1", "pmci-PMC3003633-F2", "pmci-PMC3003633-F3"),
          r.samples().stream().map(Sample::id).toList());
      assertTrue(r.samples().stream().allMatch(x -> x.source() == SourceDataset.PMC_INLINE
          && x.images().get(0).path().startsWith(out.toString())));
      ReadResult inCorpus = Readers.readerFor(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml"))
          .orElseThrow().read(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml"), SharedCorpus.corpus("pmc"));
      assertEquals(inCorpus.samples().stream().map(Sample::text).toList(),
          r.samples().stream().map(Sample::text).toList());
    }
  }

  @Test
  void interruptedHarvestResumesWithoutRefetching(@TempDir Path out) throws Exception {
    try (FakePmcServer s = server()) {
      java.net.URI listing = PmcOaHarvester.listingUri(s.uri("/oa.fcgi"), "from=2010-01-01&format=tgz");
      PmcOaHarvester h = new PmcOaHarvester(config(), out);
      assertThrows(InterruptedException.class, () -> h.run(listing, Integer.MAX_VALUE, (r, current) -> {
        if (r.fetched() == 1) {
          Thread.currentThread().interrupt(); // "kill" right after the first item is finished
        }
      }));
      assertEquals(Set.of("PMC3003633"), Checkpoint.open(out.resolve(".radmd-harvest/done.txt")).keys());
      int before = s.hits().size();
      Thread.sleep(INTERVAL_MS);
      HarvestReport again = new PmcOaHarvester(config(), out).run(listing, Integer.MAX_VALUE,
          PmcOaHarvester.Progress.NONE);
      assertEquals(List.of("PMC2270912", "PMC3460867", "PMC6358577"), again.fetchedIds());
      List<Hit> later = s.hits().subList(before, s.hits().size());
      assertTrue(later.stream().noneMatch(x -> x.target().equals(pkgPath("PMC3003633"))));
      assertEquals(new TreeSet<>(ALLOWED), Checkpoint.open(out.resolve(".radmd-harvest/done.txt")).keys());
    }
  }

  private static int indexOf(List<Hit> hits, String target, int nth) {
    int seen = 0;
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).target().equals(target) && seen++ == nth) {
        return i;
      }
    }
    throw new AssertionError("no request " + nth + " for " + target);
  }

  private static List<Integer> statuses(List<Hit> hits, String target) {
    return hits.stream().filter(h -> h.target().equals(target)).map(Hit::status).toList();
  }

  private static void assertWarcsHoldEveryResponse(Path out, int expectedResponses) throws Exception {
    int responses = 0;
    int requests = 0;
    Set<String> statuses = new TreeSet<>();
    try (Stream<Path> warcs = Files.list(out.resolve(PmcOaHarvester.WARC_DIR))) {
      for (Path w : warcs.sorted().toList()) {
        try (WarcReader reader = new WarcReader(w)) {
          for (WarcRecord rec : reader) {
            if (rec instanceof WarcResponse resp) {
              responses++;
              statuses.add(Integer.toString(resp.http().status()));
              assertTrue(rec.headers().first("WARC-Concurrent-To").isPresent());
            } else if (rec instanceof WarcRequest) {
              requests++;
            }
          }
        }
      }
    }
    assertEquals(expectedResponses, responses);
    assertEquals(expectedResponses, requests);
    assertEquals(Set.of("200", "429", "503"), statuses);
  }
}
