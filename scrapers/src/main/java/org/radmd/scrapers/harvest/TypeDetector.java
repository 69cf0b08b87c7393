package org.radmd.scrapers.harvest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tika.Tika;

/**
 * Media type of fetched bytes. DICOM Part 10 files are recognised first by the {@code "DICM"} magic at byte
 * offset 128 (after the 128-byte preamble, DICOM PS3.10 §7.1), because Tika 3.3.1 reports a DICOM file whose
 * preamble is a TIFF header as {@code image/tiff}; everything else goes to Tika's magic + name detection. Only
 * the first 64 KB are looked at. tika-core (without the parser modules) answers {@code text/plain} for XML that
 * opens with a DOCTYPE, such as PMC {@code .nxml}; such text is reported as {@code application/xml}. Thread-safe
 * ({@link Tika} is).
 */
public final class TypeDetector {
  /** The DICOM Part 10 media type. */
  public static final String DICOM = "application/dicom";
  private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);
  private static final int HEAD = 65536;
  private static final Tika TIKA = new Tika();

  private TypeDetector() {}

  /**
   * The media type of {@code bytes} named {@code name} (the name may be null), e.g. {@code image/jpeg},
   * {@code application/gzip}, {@code application/xml}, {@link #DICOM}; {@code application/octet-stream} when
   * unknown.
   */
  public static String detect(byte[] bytes, String name) {
    if (isDicom(bytes)) {
      return DICOM;
    }
    byte[] head = bytes.length > HEAD ? Arrays.copyOf(bytes, HEAD) : bytes;
    String type = name == null ? TIKA.detect(head) : TIKA.detect(head, name);
    return type.equals("text/plain") && looksLikeXml(head) ? "application/xml" : type;
  }

  /**
   * True when the text starts (after a byte-order mark and whitespace) with an XML declaration or a DOCTYPE
   * followed by a non-HTML root: tika-core alone calls a PMC {@code .nxml} (which opens with its DOCTYPE)
   * {@code text/plain}.
   */
  static boolean looksLikeXml(byte[] head) {
    String s = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
    return s.startsWith("<?xml") || (s.startsWith("<!DOCTYPE") && !s.regionMatches(true, 0, "<!DOCTYPE html", 0, 14));
  }

  /** True when {@code bytes} has {@code "DICM"} at offset 128. */
  public static boolean isDicom(byte[] bytes) {
    if (bytes.length < 132) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (bytes[128 + i] != DICM[i]) {
        return false;
      }
    }
    return true;
  }
}
