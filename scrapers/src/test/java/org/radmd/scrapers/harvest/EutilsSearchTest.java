package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.scrapers.harvest.FakePmcServer.Hit;
import org.radmd.scrapers.harvest.FakePmcServer.Reply;

/**
 * {@link EutilsSearch} paging over the history server, API key handling and rate, errors, and {@link
 * PmcOaHarvester#runIds} feeding the found PMC ids to the OA package download, on a loopback server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EutilsSearchTest {
  private static final String TERM_ENC =
      "%22case+reports%22%5BPublication+Type%5D+AND+open+access%5Bfilter%5D+AND+%28radiograph*+OR+CT+OR+MRI%29";

  private static byte[] xml(String s) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + s).getBytes(StandardCharsets.UTF_8);
  }

  private static void scriptSearch(FakePmcServer s, String key) {
    String k = key == null ? "" : "&api_key=" + key;
    s.script("/robots.txt", Reply.ok("text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII)));
    s.script("/eutils/esearch.fcgi?db=pmc&term=" + TERM_ENC + "&usehistory=y&retmax=2&retstart=0" + k,
        Reply.status(503, Map.of()),
        Reply.ok("text/xml", xml("<eSearchResult><Count>3</Count><RetMax>2</RetMax><RetStart>0</RetStart>"
            + "<QueryKey>1</QueryKey><WebEnv>MCID_abc</WebEnv><IdList><Id>3003633</Id><Id>2270912</Id></IdList>"
            + "</eSearchResult>")));
    s.script("/eutils/esearch.fcgi?db=pmc&term=" + TERM_ENC
        + "&usehistory=y&retmax=2&retstart=2&WebEnv=MCID_abc&query_key=1" + k,
        Reply.ok("text/xml", xml("<eSearchResult><Count>3</Count><RetMax>1</RetMax><RetStart>2</RetStart>"
            + "<QueryKey>1</QueryKey><WebEnv>MCID_abc</WebEnv><IdList><Id>3460867</Id></IdList>"
            + "</eSearchResult>")));
  }

  private static HarvestConfig config() {
    return HarvestConfig.defaults().withRate(20).withRetries(3, 20, 100).withRequestTimeout(5_000);
  }

  @Test
  void pagesThroughTheHistoryServerWithApiKey(@TempDir Path dir) throws Exception {
    try (FakePmcServer s = new FakePmcServer();
        WarcArchive warc = WarcArchive.create(dir, "test")) {
      scriptSearch(s, "KEY1");
      EutilsSearch search = new EutilsSearch(s.uri("/eutils/"), "KEY1", 2);
      EutilsSearch.Result r = search.search(new HttpFetcher(config(), warc), EutilsSearch.CASE_REPORTS, 100);
      assertNull(r.error());
      assertEquals(3, r.count());
      assertEquals(List.of("PMC3003633", "PMC2270912", "PMC3460867"), r.pmcids());
      assertEquals(1, s.hits().stream().filter(h -> h.target().contains("retstart=2")).count());

      EutilsSearch.Result limited = new EutilsSearch(s.uri("/eutils/"), "KEY1", 2)
          .search(new HttpFetcher(config(), warc), EutilsSearch.CASE_REPORTS, 1);
      assertEquals(List.of("PMC3003633"), limited.pmcids());
    }
  }

  @Test
  void apiKeyRaisesTheRateToTenPerSecond() {
    HarvestConfig base = HarvestConfig.defaults();
    assertEquals(10.0, new EutilsSearch(EutilsSearch.EUTILS, "k", 100).config(base)
        .rateFor("eutils.ncbi.nlm.nih.gov"));
    assertEquals(3.0, new EutilsSearch(EutilsSearch.EUTILS, null, 100).config(base)
        .rateFor("eutils.ncbi.nlm.nih.gov"));
    assertEquals(3.0, new EutilsSearch(EutilsSearch.EUTILS, "k", 100).config(base).rateFor("www.ncbi.nlm.nih.gov"));
    assertTrue(new EutilsSearch(EutilsSearch.EUTILS, null, 5).pageUri("a b", 0, null, null).toString()
        .endsWith("esearch.fcgi?db=pmc&term=a+b&usehistory=y&retmax=5&retstart=0"));
    assertThrows(IllegalArgumentException.class, () -> new EutilsSearch(EutilsSearch.EUTILS, null, 0));
  }

  @Test
  void serviceErrorsAreReportedNotThrown(@TempDir Path dir) throws Exception {
    try (FakePmcServer s = new FakePmcServer();
        WarcArchive warc = WarcArchive.create(dir, "test")) {
      s.script("/robots.txt", Reply.ok("text/plain", "User-agent: *\nDisallow: /blocked/\n".getBytes()));
      s.script("/eutils/esearch.fcgi?db=pmc&term=bad&usehistory=y&retmax=5&retstart=0",
          Reply.ok("text/xml", xml("<eSearchResult><ERROR>Invalid query</ERROR></eSearchResult>")));
      HttpFetcher f = new HttpFetcher(config(), warc);
      EutilsSearch.Result r = new EutilsSearch(s.uri("/eutils/"), null, 5).search(f, "bad", 10);
      assertTrue(r.error().contains("Invalid query"), r.error());
      assertEquals(List.of(), r.pmcids());
      EutilsSearch.Result blocked = new EutilsSearch(s.uri("/blocked/"), null, 5).search(f, "x", 10);
      assertTrue(blocked.error().contains("DISALLOWED"), blocked.error());
      assertTrue(s.hits().stream().map(Hit::target).noneMatch(t -> t.startsWith("/blocked/")));
    }
  }

  @Test
  void foundIdsAreHarvestedAsOaPackages(@TempDir Path out) throws Exception {
    try (FakePmcServer s = new FakePmcServer()) {
      scriptSearch(s, null);
      for (String[] a : new String[][] {{"PMC3003633", "pmc/PMC3003633"}, {"PMC2270912", "pmc/PMC2270912"},
          {"PMC3460867", "pmc/PMC3460867"}}) {
        String pkg = "/pub/pmc/" + a[0] + ".tar.gz";
        s.script("/oa.fcgi?id=" + a[0], Reply.ok("text/xml", TestPackages.listing(
            List.<String[]>of(new String[] {a[0], pkg}), null).getBytes(StandardCharsets.UTF_8)));
        s.script(pkg, Reply.ok("application/x-gzip", TestPackages.tarGz(a[0], TestPackages.articleFiles(a[1]))));
      }
      EutilsSearch search = new EutilsSearch(s.uri("/eutils/"), null, 2);
      HarvestReport r = new PmcOaHarvester(search.config(config()), out)
          .runIds(search, EutilsSearch.CASE_REPORTS, s.uri("/oa.fcgi"), 100, PmcOaHarvester.Progress.NONE);
      assertTrue(r.complete(), r.problems().toString());
      assertEquals(List.of("PMC3003633", "PMC2270912", "PMC3460867"), r.fetchedIds());
      for (String id : r.fetchedIds()) {
        assertTrue(Files.isDirectory(out.resolve(id)), id);
      }
    }
  }

  @Test
  void searchFailureMakesTheRunIncomplete(@TempDir Path out) throws Exception {
    try (FakePmcServer s = new FakePmcServer()) {
      s.script("/robots.txt", Reply.ok("text/plain", "User-agent: *\nAllow: /\n".getBytes()));
      EutilsSearch search = new EutilsSearch(s.uri("/eutils/"), null, 2);
      HarvestReport r = new PmcOaHarvester(config(), out)
          .runIds(search, "x", URI.create(s.uri("/oa.fcgi").toString()), 100, PmcOaHarvester.Progress.NONE);
      assertEquals(false, r.complete());
      assertTrue(r.problems().get(0).startsWith("listing search: esearch"), r.problems().toString());
      assertEquals(0, r.fetched());
    }
  }
}
