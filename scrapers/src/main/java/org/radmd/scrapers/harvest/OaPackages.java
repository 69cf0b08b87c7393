package org.radmd.scrapers.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.radmd.scrapers.support.ImageFiles;

/**
 * PMC OA packages ({@code PMCnnnnnnn.tar.gz}: a folder {@code PMCnnnnnnn/} holding the article {@code .nxml}, its
 * figure images ({@code .jpg} full size, {@code .gif} thumbnails), the PDF and supplements). {@link #read}
 * decompresses a whole package in memory first, so a truncated or corrupt gzip/tar is detected before anything
 * is written; {@link #check} is that test as a {@link HttpFetcher.BodyCheck}.
 *
 * <p>Kept: regular files whose name ends in {@code .nxml}, {@code .xml} or {@code .pdf}, or is an image ({@link
 * ImageFiles#isImageName}), or whose detected type ({@link TypeDetector}) is {@code image/*}, DICOM or PDF (the
 * harvester turns PDFs into text sidecars, {@link PdfText}). They are
 * flattened to their file name (the package folder dropped). Skipped: directories, links, other files, names
 * that are hidden, empty, or contain {@code ..} or a backslash, and repeats of a name. Limits against archive
 * bombs: at most {@value #MAX_ENTRIES} entries and {@value #MAX_TOTAL_BYTES} bytes unpacked. Stateless and
 * thread-safe.
 */
public final class OaPackages {
  static final int MAX_ENTRIES = 20_000;
  static final long MAX_TOTAL_BYTES = 4L << 30;

  /** A kept file: flattened name, bytes and detected media type. */
  public record Entry(String name, byte[] bytes, String mediaType) {}

  private OaPackages() {}

  /**
   * Reads every kept file of a package.
   *
   * @throws IOException when the bytes are not a complete gzip-compressed tar, or exceed the limits
   */
  public static List<Entry> read(byte[] tarGz) throws IOException {
    Map<String, Entry> kept = new LinkedHashMap<>();
    long total = 0;
    int entries = 0;
    try (InputStream gz = new GzipCompressorInputStream(new ByteArrayInputStream(tarGz));
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new IOException("more than " + MAX_ENTRIES + " entries");
        }
        byte[] bytes = e.isFile() ? tar.readAllBytes() : new byte[0];
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES) {
          throw new IOException("more than " + MAX_TOTAL_BYTES + " bytes unpacked");
        }
        if (e.isFile() && e.getSize() != bytes.length) {
          throw new IOException("entry " + e.getName() + " is truncated");
        }
        String name = flatName(e.getName());
        if (!e.isFile() || name == null || kept.containsKey(name)) {
          continue;
        }
        String type = TypeDetector.detect(bytes, name);
        if (keep(name, type)) {
          kept.put(name, new Entry(name, bytes, type));
        }
      }
      // read to the end of the gzip stream so that a truncated tail is noticed too
      gz.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IOException("corrupt package: " + e, e);
    }
    return List.copyOf(kept.values());
  }

  /** Null when {@code tarGz} is a complete package, else what is wrong with it. */
  public static String check(byte[] tarGz) {
    try {
      read(tarGz);
      return null;
    } catch (IOException e) {
      return "not a complete tar.gz package: " + e.getMessage();
    }
  }

  /**
   * Writes {@code entries} into {@code folder} (created), each file written in full.
   *
   * @return the written files, in entry order
   */
  public static List<Path> write(List<Entry> entries, Path folder) throws IOException {
    Files.createDirectories(folder);
    List<Path> out = new ArrayList<>();
    for (Entry e : entries) {
      Path p = folder.resolve(e.name());
      Files.write(p, e.bytes());
      out.add(p);
    }
    return out;
  }

  private static boolean keep(String name, String type) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".nxml") || lower.endsWith(".xml") || ImageFiles.isImageName(name)
        || type.startsWith("image/") || type.equals(TypeDetector.DICOM) || lower.endsWith(".pdf")
        || type.equals("application/pdf");
  }

  /** The last path segment of a tar entry name, or null when it is unsafe or hidden. */
  static String flatName(String entryName) {
    if (entryName == null || entryName.contains("\\") || entryName.contains("\0")) {
      return null;
    }
    for (String part : entryName.split("/")) {
      if (part.equals("..")) {
        return null;
      }
    }
    String n = entryName.endsWith("/") ? "" : entryName.substring(entryName.lastIndexOf('/') + 1);
    return n.isEmpty() || n.startsWith(".") ? null : n;
  }
}
