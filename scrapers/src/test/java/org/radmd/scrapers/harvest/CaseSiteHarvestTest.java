package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.radmd.core.ImageKind;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.harvest.FakePmcServer.Hit;
import org.radmd.scrapers.harvest.FakePmcServer.Reply;
import org.radmd.scrapers.medpix.MedPixReader;
import org.radmd.scrapers.radiopaedia.RadiopaediaCaseReader;

/**
 * {@link CaseSiteHarvester} against a loopback server serving the HAND-MADE case-page fixtures (test resources of
 * the radiopaedia and medpix packages; invented cases) and images generated here, with a robots.txt Disallow for a
 * case page and an image, a 503, a 429 with Retry-After, a non-case page and a search page with a next link.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaseSiteHarvestTest {
  private static HarvestConfig config() {
    return HarvestConfig.defaults().withRate(20).withRetries(4, 50, 200).withRequestTimeout(5_000);
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = CaseSiteHarvestTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  static byte[] image(String format, int seed) throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        img.getRaster().setSample(x, y, 0, (x * 13 + y * 7 + seed * 31) & 0xFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  @Test
  void radiopaediaSearchCasesImagesRobotsRetriesAndResume(@TempDir Path out) throws Exception {
    try (FakePmcServer s = new FakePmcServer()) {
      s.script("/robots.txt", Reply.ok("text/plain",
          "User-agent: *\nDisallow: /cases/private\nDisallow: /images/502/t1-2.jpg\n"
              .getBytes(StandardCharsets.US_ASCII)));
      s.script("/search?q=invented+lesion&scope=cases", Reply.ok("text/html", ("<html><body>"
          + "<a href='/cases/invented-test-lesion'>case</a> <a href='/cases/private-case'>private</a>"
          + "<a href='/articles/headache'>article</a> <a href='https://elsewhere.example/cases/9'>other</a>"
          + "<a rel='next' href='/search?q=invented+lesion&scope=cases&page=2'>next</a></body></html>")
          .getBytes(StandardCharsets.UTF_8)));
      s.script("/search?q=invented+lesion&scope=cases&page=2", Reply.ok("text/html",
          "<a href='/cases/not-a-case#x'>x</a>".getBytes(StandardCharsets.UTF_8)));
      s.script("/cases/invented-test-lesion", Reply.status(503, Map.of()),
          Reply.ok("text/html", resource("/org/radmd/scrapers/radiopaedia/case-page-fixture.html")));
      s.script("/cases/not-a-case", Reply.ok("text/html",
          "<html><head><title>Log in</title></head><body></body></html>".getBytes(StandardCharsets.UTF_8)));
      List<byte[]> axial = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        axial.add(image("jpg", i));
      }
      s.script("/images/501/a-1.jpg", Reply.ok("image/jpeg", axial.get(0)));
      s.script("/images/501/a-2.jpg", Reply.status(429, Map.of("Retry-After", "1")),
          Reply.ok("image/jpeg", axial.get(1)));
      s.script("/images/501/a-3.jpg", Reply.ok("image/jpeg", axial.get(2)));
      byte[] scout = image("png", 9);
      s.script("/images/501/scout.png", Reply.ok("image/png", scout));
      s.script("/images/502/t1-1.jpg", Reply.ok("image/jpeg", image("jpg", 5)));
      s.script("/images/502/t1-2.jpg", Reply.ok("image/jpeg", image("jpg", 6)));

      URI search = CaseSiteHarvester.searchUri(CaseSiteHarvester.Site.RADIOPAEDIA, s.uri("/"), "invented lesion");
      assertEquals(s.uri("/search?q=invented+lesion&scope=cases"), search);
      CaseSiteHarvester h = new CaseSiteHarvester(CaseSiteHarvester.Site.RADIOPAEDIA, config(), out);
      HarvestReport r = h.run(List.of(), search, 100, PmcOaHarvester.Progress.NONE);

      assertEquals(3, r.listed(), r.problems().toString());
      assertEquals(1, r.fetched());
      assertEquals(1, r.disallowed());
      assertEquals(1, r.failed());
      assertTrue(r.problems().stream().anyMatch(p -> p.contains("not-a-case-page")), r.problems().toString());
      assertTrue(r.problems().stream().anyMatch(p -> p.contains("t1-2.jpg disallowed")), r.problems().toString());
      List<String> targets = s.hits().stream().map(Hit::target).toList();
      assertFalse(targets.contains("/cases/private-case"), "a disallowed page is never requested");
      assertFalse(targets.contains("/images/502/t1-2.jpg"), "a disallowed image is never requested");
      assertEquals(2, targets.stream().filter("/images/501/a-2.jpg"::equals).count(), "429 then retried");
      List<Hit> a2 = s.hits().stream().filter(x -> x.target().equals("/images/501/a-2.jpg")).toList();
      assertTrue(a2.get(1).atNanos() - a2.get(0).atNanos() >= TimeUnit.MILLISECONDS.toNanos(950),
          "Retry-After: 1 honoured");

      Path caseDir = out.resolve("rID-990001_invented-test-lesion");
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(axial.get(i), Files.readAllBytes(caseDir.resolve("0/axial-non-contrast/image-00" + (i + 1)
            + ".jpg")));
      }
      assertArrayEquals(scout, Files.readAllBytes(caseDir.resolve("0/scout/image-001.png")));
      ReadResult read = new RadiopaediaCaseReader().read(caseDir.resolve("case.json"), out);
      assertEquals(List.of(), read.rejects());
      assertEquals(2, read.samples().size());
      Sample ct = read.samples().get(0);
      assertEquals("Invented test lesion", ct.text().title());
      assertEquals(ImageKind.VOLUME_3D, ct.images().get(0).kind());
      assertEquals(3, ct.images().get(0).sourceFiles().size());
      assertEquals(Modality.MR, read.samples().get(1).images().get(0).modality());
      assertEquals(ImageKind.IMAGE_2D, read.samples().get(1).images().get(0).kind(), "one slice left (robots)");

      boolean archived = false;
      try (WarcReader w = new WarcReader(r.warc())) {
        for (WarcRecord rec : w) {
          if (rec instanceof WarcResponse resp && resp.target().endsWith("/cases/invented-test-lesion")
              && resp.http().status() == 200) {
            archived = true;
          }
        }
      }
      assertTrue(archived, "the case page is in the WARC");

      int before = s.hits().size();
      HarvestReport again = new CaseSiteHarvester(CaseSiteHarvester.Site.RADIOPAEDIA, config(), out)
          .run(List.of(s.uri("/cases/invented-test-lesion")), null, 100, PmcOaHarvester.Progress.NONE);
      assertEquals(1, again.skipped());
      assertEquals(0, again.fetched());
      assertTrue(s.hits().subList(before, s.hits().size()).stream()
          .noneMatch(x -> x.target().startsWith("/cases/")), "a finished case is not requested again");
    }
  }

  @Test
  void medpixSeedsToPngImagesAndRecords(@TempDir Path out) throws Exception {
    try (FakePmcServer s = new FakePmcServer()) {
      s.script("/robots.txt", Reply.ok("text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII)));
      s.script("/case?id=MPX9901",
          Reply.ok("text/html", resource("/org/radmd/scrapers/medpix/case-page-fixture.html")));
      byte[] png = image("png", 1);
      byte[] jpg = image("jpg", 2);
      s.script("/images/synpic1001.png", Reply.ok("image/png", png));
      s.script("/images/synpic1002.jpg", Reply.status(503, Map.of()), Reply.ok("image/jpeg", jpg));
      Path seeds = out.resolveSibling(out.getFileName() + "-seeds.txt");
      Files.writeString(seeds, "# MedPix seeds\n\n/case?id=MPX9901\n");
      List<URI> seedList = CaseSiteHarvester.readSeeds(seeds, s.uri("/"));
      assertEquals(List.of(s.uri("/case?id=MPX9901")), seedList);
      HarvestReport r = new CaseSiteHarvester(CaseSiteHarvester.Site.MEDPIX, config(), out)
          .run(seedList, null, 10, PmcOaHarvester.Progress.NONE);
      assertEquals(1, r.fetched(), r.problems().toString());
      assertEquals(List.of("MPX9901"), r.fetchedIds());
      Path dir = out.resolve("MPX9901");
      assertArrayEquals(png, Files.readAllBytes(dir.resolve("images/MPX9901_synpic1001.png")));
      BufferedImage fromJpeg = ImageIO.read(new ByteArrayInputStream(jpg));
      BufferedImage stored = ImageIO.read(dir.resolve("images/MPX9901_synpic1002.png").toFile());
      assertArrayEquals(fromJpeg.getRaster().getPixels(0, 0, 16, 16, (int[]) null),
          stored.getRaster().getPixels(0, 0, 16, 16, (int[]) null), "JPEG re-encoded as PNG without loss");
      ReadResult read = new MedPixReader().read(dir.resolve("data_web.jsonl"), out);
      assertEquals(List.of(), read.rejects());
      assertEquals(1, read.samples().size());
      assertEquals(List.of(Modality.CT, Modality.MR), read.samples().get(0).modalities());
      Files.deleteIfExists(seeds);
    }
  }
}
