package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;
import org.xml.sax.SAXException;

/** The harvest building blocks on their own: backoff, type detection, checkpoint, listing and package parsing. */
class HarvestPartsTest {
  @Test
  void backoffGrowsExponentiallyWithJitterAndIsCapped() {
    Backoff b = new Backoff(100, 1_000, new Random(7));
    for (int trial = 0; trial < 50; trial++) {
      long d1 = b.delayMs(1);
      long d3 = b.delayMs(3);
      long d9 = b.delayMs(9);
      assertTrue(d1 >= 50 && d1 <= 100, "retry 1: " + d1);
      assertTrue(d3 >= 200 && d3 <= 400, "retry 3: " + d3);
      assertTrue(d9 >= 500 && d9 <= 1_000, "capped: " + d9);
    }
  }

  @Test
  void retryAfterSecondsAndHttpDate() {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(120)), Backoff.retryAfter(headers("120"), now));
    assertEquals(Optional.of(Duration.ofSeconds(30)),
        Backoff.retryAfter(headers("Sun, 29 Nov 2026 12:00:30 GMT"), now));
    assertEquals(Optional.of(Duration.ZERO), Backoff.retryAfter(headers("Sun, 29 Nov 2026 11:00:00 GMT"), now));
    assertEquals(Optional.empty(), Backoff.retryAfter(headers("soon"), now));
    assertEquals(Optional.empty(), Backoff.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true), now));
  }

  private static HttpHeaders headers(String retryAfter) {
    return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
  }

  @Test
  void dicomIsDetectedByItsMagicBeforeTika() throws Exception {
    byte[] ct = Files.readAllBytes(SharedCorpus.corpus("dicom/single/CT_small.dcm"));
    assertEquals(TypeDetector.DICOM, TypeDetector.detect(ct, "CT_small.dcm"));
    assertEquals(TypeDetector.DICOM, TypeDetector.detect(ct, null), "also without a name");
    byte[] jpg = Files.readAllBytes(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89-1.jpg"));
    assertEquals("image/jpeg", TypeDetector.detect(jpg, "x.bin"));
    assertEquals("image/gif", TypeDetector.detect(Files.readAllBytes(
        SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89-1.gif")), null));
    assertEquals("application/gzip", TypeDetector.detect(TestPackages.tarGz("PMC1", List.of()), null));
    byte[] nxml = Files.readAllBytes(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml"));
    assertEquals("application/xml", TypeDetector.detect(nxml, "1475-2859-9-89.nxml"), "opens with its DOCTYPE");
    assertEquals("image/tiff", new org.apache.tika.Tika().detect(ct), "why DICOM is checked first");
  }

  @Test
  void checkpointPersistsSortedAndSurvivesReopen(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("state/done.txt");
    Checkpoint c = Checkpoint.open(f);
    c.add("PMC2");
    c.add("PMC10");
    c.add("PMC2");
    assertEquals(List.of("PMC10", "PMC2"), Files.readAllLines(f));
    Files.writeString(f.resolveSibling("done.txt.tmp"), "garbage from a killed write");
    Checkpoint again = Checkpoint.open(f);
    assertTrue(again.contains("PMC10") && again.contains("PMC2"));
    assertEquals(2, again.keys().size());
    assertThrows(IllegalArgumentException.class, () -> again.add("a\nb"));
  }

  @Test
  void listingPagesErrorsAndFtpLinks() throws Exception {
    URI base = URI.create("https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi?from=2024-01-01");
    OaListing l = OaListing.parse(TestPackages.listing(List.<String[]>of(
        new String[] {"PMC3003633", "ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz"},
        new String[] {"PMC5", null}), "oa.fcgi?resumptionToken=abc&x=1").getBytes(StandardCharsets.UTF_8), base);
    assertEquals(2, l.records().size());
    assertEquals(new OaListing.Record("PMC3003633", "Test. 2010; 1:1", "CC BY", false,
        "ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz"), l.records().get(0));
    assertNull(l.records().get(1).packageHref());
    assertEquals(URI.create("https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi?resumptionToken=abc&x=1"), l.next());
    assertEquals(URI.create("https://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz"),
        PmcOaHarvester.packageUri(base, l.records().get(0).packageHref()));

    OaListing err = OaListing.parse(("<OA><responseDate>2026-11-29</responseDate><request id=\"PMC1\">x</request>"
        + "<error code=\"idIsNotOpenAccess\">identifier 'PMC1' is not Open Access</error></OA>")
        .getBytes(StandardCharsets.UTF_8), base);
    assertEquals("idIsNotOpenAccess", err.errorCode());
    assertEquals(List.of(), err.records());
    assertThrows(SAXException.class, () -> OaListing.parse("<html/>".getBytes(StandardCharsets.UTF_8), base));
    assertThrows(SAXException.class, () -> OaListing.parse("<OA><records>".getBytes(StandardCharsets.UTF_8), base));
    assertEquals(URI.create("https://h/oa.fcgi?from=2024-01-01&format=tgz"),
        PmcOaHarvester.listingUri(URI.create("https://h/oa.fcgi"), "from=2024-01-01&format=tgz"));
  }

  @Test
  void packagesAreCheckedWholeAndUnpackedSafely() throws Exception {
    byte[] good = TestPackages.tarGz("PMC3003633", TestPackages.articleFiles("pmc/PMC3003633"));
    assertNull(OaPackages.check(good));
    List<OaPackages.Entry> entries = OaPackages.read(good);
    assertEquals(List.of("1475-2859-9-89-1.gif", "1475-2859-9-89-1.jpg", "1475-2859-9-89-2.gif",
        "1475-2859-9-89-2.jpg", "1475-2859-9-89-3.gif", "1475-2859-9-89-3.jpg", "1475-2859-9-89.nxml"),
        entries.stream().map(OaPackages.Entry::name).toList());
    assertNotNull(OaPackages.check(TestPackages.truncated(good)));
    assertNotNull(OaPackages.check(new byte[0]));
    byte[] cut = java.util.Arrays.copyOf(good, good.length - 4);
    assertNotNull(OaPackages.check(cut), "a missing gzip trailer is noticed");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (String name : List.of("../evil.jpg", "PMC1/.hidden.jpg", "PMC1/notes.doc", "PMC1/a.nxml", "PMC1/x/a.nxml")) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        byte[] data = "<article/>".getBytes(StandardCharsets.UTF_8);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    assertEquals(List.of("a.nxml"), OaPackages.read(bytes.toByteArray()).stream().map(OaPackages.Entry::name).toList(),
        "traversal, hidden, non-article files and repeated names are skipped");
    assertNull(OaPackages.flatName("a/../b.jpg"));
    assertEquals("b.jpg", OaPackages.flatName("PMC1/b.jpg"));
  }
}
