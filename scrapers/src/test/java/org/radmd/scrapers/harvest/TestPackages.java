package org.radmd.scrapers.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.radmd.testing.SharedCorpus;

/**
 * Builds PMC OA style packages ({@code PMCnnn.tar.gz} with a {@code PMCnnn/} folder) at test time from the real
 * article files of the shared corpus, in memory; nothing is written into the project.
 */
final class TestPackages {
  private TestPackages() {}

  /** The corpus files of an article folder that a real package would hold (everything but expected.json). */
  static List<Path> articleFiles(String corpusFolder) throws IOException {
    try (Stream<Path> s = Files.list(SharedCorpus.corpus(corpusFolder))) {
      return s.filter(p -> !p.getFileName().toString().equals("expected.json")).sorted().toList();
    }
  }

  /** A tar.gz with a {@code <pmcid>/} directory entry and {@code files} inside it. */
  static byte[] tarGz(String pmcid, List<Path> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.putArchiveEntry(new TarArchiveEntry(pmcid + "/"));
      tar.closeArchiveEntry();
      for (Path f : files) {
        TarArchiveEntry e = new TarArchiveEntry(pmcid + "/" + f.getFileName());
        byte[] data = Files.readAllBytes(f);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The first half of {@code bytes}: a truncated gzip. */
  static byte[] truncated(byte[] bytes) {
    byte[] half = new byte[bytes.length / 2];
    System.arraycopy(bytes, 0, half, 0, half.length);
    return half;
  }

  /** An OA web service page listing {@code records} ({pmcid, href} pairs), with an optional resumption link. */
  static String listing(List<String[]> records, String resumptionHref) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OA><responseDate>"
        + "2026-11-29 12:00:00</responseDate><request from=\"2010-01-01\" format=\"tgz\">"
        + "https://www.ncbi.nlm.nih.gov/pmc/utils/oa/oa.fcgi?from=2010-01-01&amp;format=tgz</request>\n"
        + "<records returned-count=\"" + records.size() + "\" total-count=\"6\">\n");
    for (String[] r : records) {
      sb.append("<record id=\"").append(r[0]).append("\" citation=\"Test. 2010; 1:1\" license=\"CC BY\" ")
          .append("retracted=\"no\">");
      if (r[1] != null) {
        sb.append("<link format=\"tgz\" updated=\"2013-02-27 06:28:38\" href=\"").append(r[1]).append("\"/>");
      }
      sb.append("<link format=\"pdf\" updated=\"2013-02-27 06:28:38\" href=\"").append("ftp://x/").append(r[0])
          .append(".pdf\"/></record>\n");
    }
    sb.append("</records>\n");
    if (resumptionHref != null) {
      sb.append("<resumption><link token=\"t2\" href=\"").append(resumptionHref.replace("&", "&amp;"))
          .append("\"/></resumption>\n");
    }
    return sb.append("</OA>\n").toString();
  }

  /** Names of the files of a list. */
  static List<String> names(List<Path> files) {
    List<String> out = new ArrayList<>();
    files.forEach(f -> out.add(f.getFileName().toString()));
    return out;
  }
}
