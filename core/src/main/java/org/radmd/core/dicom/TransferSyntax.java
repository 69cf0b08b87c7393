package org.radmd.core.dicom;

import java.util.Optional;

/**
 * The Transfer Syntaxes of DICOM PS3.5 Annex A that radmd knows by name, and whether radmd can decode their
 * Pixel Data. Native (uncompressed) syntaxes, Deflate, RLE Lossless (PS3.5 Annex G), JPEG baseline, extended
 * 8/12-bit and lossless (Annex A.4.1) and JPEG 2000 (A.4.4) decode; JPEG-LS (A.4.3) does not: no pure-Java
 * decoder is available to radmd (dependencies.md §2), so such files are rejected naming the syntax.
 */
public enum TransferSyntax {
  IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian", true),
  EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true),
  DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true),
  EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true),
  JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true),
  JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true),
  JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true),
  JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70",
      "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", true),
  JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", false),
  JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", false),
  JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", true),
  JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true),
  RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", true);

  private final String uid;
  private final String title;
  private final boolean decodable;

  TransferSyntax(String uid, String title, boolean decodable) {
    this.uid = uid;
    this.title = title;
    this.decodable = decodable;
  }

  /** The Transfer Syntax UID, e.g. {@code "1.2.840.10008.1.2.1"}. */
  public String uid() {
    return uid;
  }

  /** The PS3.6 name, e.g. {@code "Explicit VR Little Endian"}. */
  public String title() {
    return title;
  }

  /** True when radmd can decode Pixel Data in this syntax. */
  public boolean decodable() {
    return decodable;
  }

  /** True for the encapsulated (compressed) syntaxes of PS3.5 A.4. */
  public boolean encapsulated() {
    return ordinal() >= JPEG_BASELINE.ordinal();
  }

  /** The syntax with this UID (surrounding spaces and a trailing NUL ignored), if radmd knows it. */
  public static Optional<TransferSyntax> of(String uid) {
    if (uid == null) {
      return Optional.empty();
    }
    String u = uid.replace("\0", "").trim();
    for (TransferSyntax t : values()) {
      if (t.uid.equals(u)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** {@code "UID (name)"}, or {@code "UID (unknown)"} for a UID radmd does not know; for messages. */
  public static String describe(String uid) {
    return uid + " (" + of(uid).map(TransferSyntax::title).orElse("unknown") + ")";
  }
}
