package org.radmd.scrapers.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.radmd.core.dicom.DicomDataset;
import org.radmd.core.dicom.DicomDecodeException;
import org.radmd.core.dicom.DicomFile;
import org.radmd.core.dicom.DicomReader;

/**
 * One folder of a local DICOM collection = one study: the DICOM files directly in it (images and Structured
 * Reports) and optional plain-text reports ({@code *.txt}). Stateless helpers; thread-safe.
 */
public final class DicomStudyFolder {
  /** SOP Class UID prefix of the Structured Report storage classes (PS3.4 B.5, 1.2.840.10008.5.1.4.1.1.88.x). */
  static final String SR_CLASS_PREFIX = "1.2.840.10008.5.1.4.1.1.88.";

  private DicomStudyFolder() {}

  /**
   * True for a DICOM file: name ending {@code .dcm} (any case), or {@code "DICM"} at offset 128 (PS3.10 §7.1).
   * Never throws; unreadable files are not DICOM.
   */
  public static boolean isDicom(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".dcm")) {
      return Files.isRegularFile(file);
    }
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(132);
      return b.length == 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
    } catch (IOException e) {
      return false;
    }
  }

  /** The DICOM files directly in {@code folder}, sorted by name. */
  public static List<Path> dicomFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(DicomStudyFolder::isDicom).sorted().toList();
    }
  }

  /** The {@code *.txt} files directly in {@code folder}, sorted by name. */
  static List<Path> textReports(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** True for Structured Reports: Modality SR or an SR storage SOP class. */
  static boolean isStructuredReport(DicomDataset ds) {
    return ds.stringOrEmpty("Modality").equals("SR") || ds.stringOrEmpty("SOPClassUID").startsWith(SR_CLASS_PREFIX);
  }

  /** True for instances with an image: Rows and Columns present. */
  static boolean isImage(DicomDataset ds) {
    return ds.integer("Rows").isPresent() && ds.integer("Columns").isPresent();
  }

  /**
   * The text of a Structured Report: every Text Value (0040,A160) of the content tree (PS3.3 C.17.3), in
   * document order, one per line.
   */
  static String structuredReportText(DicomDataset sr) {
    List<String> lines = new ArrayList<>();
    collect(sr, lines, 0);
    return String.join("\n", lines);
  }

  private static void collect(DicomDataset ds, List<String> lines, int depth) {
    if (depth > 32) {
      return;
    }
    ds.string("TextValue").ifPresent(lines::add);
    for (DicomDataset item : ds.items("ContentSequence")) {
      collect(item, lines, depth + 1);
    }
  }

  /** The whole text of the {@code .txt} reports, UTF-8 (malformed bytes replaced). */
  static String readText(List<Path> files) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path p : files) {
      String t = new String(Files.readAllBytes(p), StandardCharsets.UTF_8).strip();
      if (!t.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : "\n").append(t);
      }
    }
    return sb.toString();
  }

  /** Reads every file's header; returns the readable ones and the failures, in file order. */
  static Headers headers(List<Path> files) {
    List<DicomFile> ok = new ArrayList<>();
    List<DicomDecodeException> failed = new ArrayList<>();
    for (Path p : files) {
      try {
        ok.add(DicomReader.pixelMed().readHeader(p));
      } catch (DicomDecodeException e) {
        failed.add(e);
      }
    }
    return new Headers(ok, failed);
  }

  record Headers(List<DicomFile> files, List<DicomDecodeException> failures) {}
}
