package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.pipelines.Runners;
import org.radmd.scrapers.harvest.HarvestConfig;
import org.radmd.scrapers.harvest.HarvestReport;
import org.radmd.scrapers.harvest.PmcOaHarvester;
import org.radmd.scrapers.harvest.WarcReplayReader;
import org.radmd.testing.SharedCorpus;

/**
 * A harvested WARC replays through {@code radmd build} offline to the same samples: two real corpus articles are
 * served as OA packages by a loopback server, harvested ({@link PmcOaHarvester}), and then built (DirectRunner)
 * twice: (a) from a folder holding only the harvest's {@code warc/} folder ({@link WarcReplayReader}), (b) from the
 * unpacked package folders as a plain local corpus. The MedMD samples must agree in ids, text, images (ids, shapes)
 * and image pixel hashes.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HarvestReplayBuildTest {
  private static final Map<String, String> ARTICLES = Map.of(
      "PMC3003633", "pmc/PMC3003633", "PMC6358577", "pmc_radiology/PMC6358577");

  @Test
  void warcReplayBuildsTheSameSamplesAsTheUnpackedFolders(@TempDir Path tmp) throws Exception {
    Map<String, byte[]> routes = new HashMap<>();
    routes.put("/robots.txt", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII));
    StringBuilder listing = new StringBuilder("<OA><responseDate>2026-11-29 12:00:00</responseDate>"
        + "<request>x</request><records returned-count=\"2\" total-count=\"2\">");
    for (Map.Entry<String, String> a : new TreeMap<>(ARTICLES).entrySet()) {
      String pkg = "/pub/pmc/" + a.getKey() + ".tar.gz";
      routes.put(pkg, tarGz(a.getKey(), SharedCorpus.corpus(a.getValue())));
      listing.append("<record id=\"").append(a.getKey()).append("\" license=\"CC BY\" retracted=\"no\">")
          .append("<link format=\"tgz\" href=\"").append(pkg).append("\"/></record>");
    }
    routes.put("/oa.fcgi?format=tgz", listing.append("</records></OA>").toString().getBytes(StandardCharsets.UTF_8));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", ex -> {
      String target = ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      byte[] body = routes.get(target);
      ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream os = ex.getResponseBody()) {
        if (body != null) {
          os.write(body);
        }
      }
    });
    server.start();
    Path harvest = tmp.resolve("harvest");
    HarvestReport report;
    try {
      URI listingUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oa.fcgi?format=tgz");
      report = new PmcOaHarvester(HarvestConfig.defaults().withRate(50), harvest)
          .run(listingUri, 100, PmcOaHarvester.Progress.NONE);
    } finally {
      server.stop(0);
    }
    assertEquals(2, report.fetched(), report.problems().toString());

    Path warcOnly = Files.createDirectories(tmp.resolve("in-warc/warc"));
    try (Stream<Path> s = Files.list(harvest.resolve(PmcOaHarvester.WARC_DIR))) {
      for (Path w : s.toList()) {
        Files.copy(w, warcOnly.resolve(w.getFileName()));
      }
    }
    Path plain = Files.createDirectories(tmp.resolve("in-plain"));
    for (String id : ARTICLES.keySet()) {
      Path target = Files.createDirectories(plain.resolve(id));
      try (Stream<Path> s = Files.list(harvest.resolve(id))) {
        for (Path f : s.toList()) {
          Files.copy(f, target.resolve(f.getFileName()));
        }
      }
    }
    System.setProperty(WarcReplayReader.REPLAY_DIR_PROPERTY, tmp.resolve("replay").toString());
    try {
      Map<String, Sample> fromWarc = build(warcOnly.getParent(), tmp.resolve("out-warc"));
      Map<String, Sample> fromPlain = build(plain, tmp.resolve("out-plain"));
      assertFalse(fromPlain.isEmpty());
      assertEquals(fromPlain.keySet(), fromWarc.keySet());
      for (String id : fromPlain.keySet()) {
        Sample a = fromWarc.get(id);
        Sample b = fromPlain.get(id);
        assertEquals(b.text(), a.text(), id);
        assertEquals(b.caseId(), a.caseId(), id);
        assertEquals(b.images().size(), a.images().size(), id);
        for (int i = 0; i < b.images().size(); i++) {
          ImageRef x = a.images().get(i);
          ImageRef y = b.images().get(i);
          assertEquals(y.id(), x.id(), id);
          assertEquals(y.shape(), x.shape(), id);
          assertEquals(y.pixelHash(), x.pixelHash(), id + " " + y.id());
        }
        assertTrue(a.provenance().origin().startsWith("warc/"), a.provenance().origin());
      }
      assertTrue(fromPlain.values().stream().anyMatch(s -> !s.images().isEmpty()
          && s.images().get(0).pixelHash() != null), "images were normalised and hashed");
    } finally {
      System.clearProperty(WarcReplayReader.REPLAY_DIR_PROPERTY);
    }
  }

  private static Map<String, Sample> build(Path input, Path output) throws IOException {
    BuildJob.run(BuildPipelineTest.options(input, output, Runners.Kind.DIRECT), null);
    Map<String, Sample> out = new TreeMap<>();
    List<Sample> samples = OutputFiles.samples(output, OutputLayout.MEDMD);
    samples.forEach(s -> out.put(s.id(), s));
    return out;
  }

  private static byte[] tarGz(String pmcid, Path folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
        Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> !p.getFileName().toString().equals("expected.json")).sorted().toList()) {
        byte[] data = Files.readAllBytes(f);
        TarArchiveEntry e = new TarArchiveEntry(pmcid + "/" + f.getFileName());
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
