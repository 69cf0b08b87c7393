package org.radmd.scrapers.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.scrapers.harvest.FakePmcServer.Reply;
import org.radmd.scrapers.support.Origins;
import org.radmd.testing.SharedCorpus;

/** A harvested WARC replays offline, through {@link Readers}, to the samples of the unpacked article. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WarcReplayTest {
  @TempDir Path replay;

  @AfterEach
  void clearProperty() {
    System.clearProperty(WarcReplayReader.REPLAY_DIR_PROPERTY);
  }

  @Test
  void harvestedWarcReplaysToTheSameSamples(@TempDir Path out, @TempDir Path elsewhere) throws Exception {
    System.setProperty(WarcReplayReader.REPLAY_DIR_PROPERTY, replay.toString());
    byte[] pkg = TestPackages.tarGz("PMC3003633", TestPackages.articleFiles("pmc/PMC3003633"));
    try (FakePmcServer s = new FakePmcServer()) {
      s.script("/robots.txt", Reply.status(404, Map.of()));
      s.script("/oa.fcgi?id=PMC3003633", Reply.ok("text/xml", TestPackages.listing(List.<String[]>of(
          new String[] {"PMC3003633", "/p/PMC3003633.tar.gz"}), null).getBytes(StandardCharsets.UTF_8)));
      s.script("/p/PMC3003633.tar.gz", Reply.ok("application/gzip", TestPackages.truncated(pkg)),
          Reply.ok("application/gzip", pkg));
      HarvestReport r = new PmcOaHarvester(HarvestConfig.defaults().withRate(20).withRetries(3, 10, 20), out)
          .run(PmcOaHarvester.listingUri(s.uri("/oa.fcgi"), "id=PMC3003633"), 10, PmcOaHarvester.Progress.NONE);
      assertEquals(1, r.fetched());
    }
    Path nxml = out.resolve("PMC3003633/1475-2859-9-89.nxml");
    List<Sample> unpacked = Readers.readerFor(nxml).orElseThrow().read(nxml, out).samples();
    Path warc;
    try (Stream<Path> w = Files.list(out.resolve("warc"))) {
      warc = w.findFirst().orElseThrow();
    }
    List<String> discovered = Readers.discover(out).stream().map(p -> Origins.relative(p, out)).toList();
    assertEquals(List.of("PMC3003633/1475-2859-9-89.nxml", "warc/" + warc.getFileName()), discovered);
    assertTrue(Readers.readerFor(warc).orElseThrow() instanceof WarcReplayReader);
    assertEquals(ReadResult.empty(), Readers.readerFor(warc).orElseThrow().read(warc, out),
        "beside its unpacked folder the WARC adds nothing: each article is read once");

    try (Stream<Path> tree = Files.walk(out.resolve("PMC3003633"))) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    ReadResult replayed = new WarcReplayReader().read(warc, out);
    assertEquals(List.of(), replayed.rejects());
    assertEquals(unpacked.stream().map(Sample::id).toList(), replayed.samples().stream().map(Sample::id).toList());
    for (int i = 0; i < unpacked.size(); i++) {
      Sample a = unpacked.get(i);
      Sample b = replayed.samples().get(i);
      assertEquals(a.text(), b.text());
      assertEquals(a.licence(), b.licence());
      assertEquals(a.attributes(), b.attributes());
      assertEquals("warc/" + warc.getFileName() + "#PMC3003633/1475-2859-9-89.nxml", b.provenance().origin());
      Path img = Path.of(b.images().get(0).path());
      assertTrue(img.startsWith(replay), img.toString());
      assertArrayEquals(Files.readAllBytes(SharedCorpus.corpus("pmc/PMC3003633").resolve(img.getFileName())),
          Files.readAllBytes(img));
    }
    assertEquals(replayed, new WarcReplayReader().read(warc, out), "replay is deterministic");

    Path copy = Files.copy(warc, elsewhere.resolve("harvest.warc.gz"));
    assertEquals(unpacked.size(), new WarcReplayReader().read(copy, elsewhere).samples().size());
    byte[] bytes = Files.readAllBytes(warc);
    Path cut = Files.write(elsewhere.resolve("cut.warc.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
    ReadResult damaged = new WarcReplayReader().read(cut, elsewhere);
    assertEquals(List.of("warc-unreadable"), damaged.rejects().stream().map(Reject::reason).toList());
    assertFalse(new WarcReplayReader().accepts(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml")));
  }
}
