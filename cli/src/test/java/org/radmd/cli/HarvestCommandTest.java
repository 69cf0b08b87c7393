package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/** {@code radmd harvest --source pmc} against a loopback OA service serving a package of a real corpus article. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HarvestCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Radmd.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(args);
    return new Run(code, o.toString(), e.toString());
  }

  static byte[] pmc3003633Package() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
        Stream<Path> files = Files.list(SharedCorpus.corpus("pmc/PMC3003633"))) {
      for (Path f : files.filter(p -> !p.getFileName().toString().equals("expected.json")).sorted().toList()) {
        byte[] data = Files.readAllBytes(f);
        TarArchiveEntry e = new TarArchiveEntry("PMC3003633/" + f.getFileName());
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void harvestsThenResumesWithoutRefetching(@TempDir Path out) throws Exception {
    byte[] pkg = pmc3003633Package();
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    int port = server.getAddress().getPort();
    String listing = "<OA><responseDate>2026-11-29 12:00:00</responseDate><request id=\"PMC3003633\">x</request>"
        + "<records returned-count=\"1\" total-count=\"1\"><record id=\"PMC3003633\" citation=\"Microb Cell Fact. "
        + "2010; 9:89\" license=\"CC BY\" retracted=\"no\"><link format=\"tgz\" updated=\"2013-02-27 06:28:38\" "
        + "href=\"http://127.0.0.1:" + port + "/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz\"/></record></records></OA>";
    Map<String, byte[]> routes = Map.of("/oa.fcgi?id=PMC3003633", listing.getBytes(StandardCharsets.UTF_8),
        "/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz", pkg);
    server.createContext("/", ex -> {
      String target = ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      requests.add(target);
      byte[] body = routes.get(target);
      ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream os = ex.getResponseBody()) {
        if (body != null) {
          os.write(body);
        }
      }
    });
    server.start();
    try {
      String[] args = {"harvest", "--source", "pmc", "--base-url", "http://127.0.0.1:" + port + "/oa.fcgi",
          "--query", "id=PMC3003633", "--out", out.toString(), "--rate", "20"};
      Run first = run(args);
      assertEquals(0, first.code(), first.err());
      assertTrue(first.err().contains("\rradmd harvest: 1 listed, 1 fetched, 0 skipped, 0 failed, 0 disallowed"),
          first.err());
      assertTrue(Files.isRegularFile(out.resolve("PMC3003633/1475-2859-9-89.nxml")));
      assertTrue(Files.isRegularFile(out.resolve("PMC3003633/1475-2859-9-89-1.jpg")));
      assertEquals(List.of("/robots.txt", "/oa.fcgi?id=PMC3003633", "/pub/pmc/oa_package/08/e0/PMC3003633.tar.gz"),
          requests);

      Run second = run(args);
      assertEquals(0, second.code(), second.err());
      assertTrue(second.err().contains("1 listed, 0 fetched, 1 skipped"), second.err());
      assertEquals(1, requests.stream().filter(r -> r.endsWith(".tar.gz")).count(), "the package is not refetched");
    } finally {
      server.stop(0);
    }
  }

  /** {@code --source medpix --seeds}: a hand-made case page (invented case) and its PNG, read back as MedPix 2.0. */
  @Test
  void medpixSeedsAreHarvestedIntoTheMedPixLayout(@TempDir Path tmp) throws Exception {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", png);
    String page = "<html><body><h1>Invented case</h1><div id='case' data-uid='MPX77'><dl><dt>History</dt>"
        + "<dd>Invented cough.</dd><dt>Findings</dt><dd>Invented opacity.</dd></dl></div>"
        + "<div class='case-image' data-image-id='MPX77_synpic5'><img data-full='/img/5.png'><dl><dt>Type</dt>"
        + "<dd>CT</dd><dt>Plane</dt><dd>Axial</dd></dl></div></body></html>";
    Map<String, byte[]> routes = Map.of("/robots.txt", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8),
        "/case?id=MPX77", page.getBytes(StandardCharsets.UTF_8), "/img/5.png", png.toByteArray());
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
    try {
      Path seeds = Files.writeString(tmp.resolve("seeds.txt"), "/case?id=MPX77\n");
      Path out = tmp.resolve("out");
      Run r = run("harvest", "--source", "medpix", "--base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
          "--seeds", seeds.toString(), "--out", out.toString(), "--rate", "20");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.err().contains("1 listed, 1 fetched"), r.err());
      assertTrue(Files.readString(out.resolve("MPX77/data_web.jsonl")).contains("\"Invented opacity.\""));
      assertTrue(Files.isRegularFile(out.resolve("MPX77/images/MPX77_synpic5.png")));
      org.radmd.scrapers.ReadResult read = new org.radmd.scrapers.medpix.MedPixReader()
          .read(out.resolve("MPX77/data_web.jsonl"), out);
      assertEquals(1, read.samples().size(), read.rejects().toString());
      assertEquals("Invented case", read.samples().get(0).text().title());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void badSourcesAndOptionCombinationsAreUsageErrors(@TempDir Path out) {
    Run r = run("harvest", "--source", "openi", "--query", "x", "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--source openi is not one of pmc, radiopaedia, medpix"), r.err());
    Run bad = run("harvest", "--source", "pmc", "--query", "x", "--out", out.toString(), "--rate", "0");
    assertEquals(2, bad.code());
    Run both = run("harvest", "--source", "pmc", "--query", "x", "--esearch", "y", "--out", out.toString());
    assertEquals(2, both.code());
    assertTrue(both.err().contains("exactly one of --query and --esearch"), both.err());
    Run neither = run("harvest", "--source", "medpix", "--out", out.toString());
    assertEquals(2, neither.code());
    assertTrue(neither.err().contains("needs --seeds FILE and/or --query WORDS"), neither.err());
  }
}
