package org.radmd.core.dicom;

import java.nio.file.Path;
import java.util.Objects;
import org.radmd.core.image.ImageDecodeException;

/**
 * A DICOM file that cannot be read or decoded. Every failure of {@link DicomReader} is one of these, including
 * a file that cannot be opened; no other exception escapes it. The
 * {@linkplain #failure() failure kind} gives a stable reject code; the message names the file and the cause,
 * e.g. {@code "cannot decode a.dcm: unsupported Transfer Syntax 1.2.840.10008.1.2.4.80 (JPEG-LS Lossless Image
 * Compression): no decoder installed"}.
 */
public class DicomDecodeException extends ImageDecodeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, with the kebab-case code used for {@link org.radmd.core.Reject#reason()}. */
  public enum Failure {
    /** The file is missing or cannot be read. */
    UNREADABLE("dicom-unreadable"),
    /** No DICOM preamble/prefix and no recognisable data set at the start of the file. */
    NOT_DICOM("dicom-not-dicom"),
    /** The file ends inside an element, typically inside Pixel Data (7FE0,0010). */
    TRUNCATED("dicom-truncated"),
    /** The encoding breaks PS3.5 (bad VR, impossible Value Length, broken item structure, bad values). */
    MALFORMED("dicom-malformed"),
    /** The object has no Pixel Data (7FE0,0010), or it is empty. */
    NO_PIXEL_DATA("dicom-no-pixel-data"),
    /** The Transfer Syntax (PS3.5 Annex A) cannot be decoded here, e.g. JPEG-LS. */
    UNSUPPORTED_TRANSFER_SYNTAX("dicom-unsupported-transfer-syntax"),
    /** Pixel format outside what radmd handles (colour, more than 16 bits allocated, float pixels). */
    UNSUPPORTED_PIXEL_FORMAT("dicom-unsupported-pixel-format"),
    /** The compressed or encoded pixel stream could not be decoded. */
    PIXEL_DECODE_FAILED("dicom-pixel-decode-failed");

    private final String code;

    Failure(String code) {
      this.code = code;
    }

    /** The stable reject reason code, e.g. {@code "dicom-truncated"}. */
    public String code() {
      return code;
    }
  }

  private final Failure failure;

  /**
   * @param file the DICOM file
   * @param failure the failure kind
   * @param cause a short human-readable cause
   * @param error the underlying error, or null
   */
  public DicomDecodeException(Path file, Failure failure, String cause, Throwable error) {
    super(file, cause, error);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** Same, without an underlying error. */
  public DicomDecodeException(Path file, Failure failure, String cause) {
    this(file, failure, cause, null);
  }

  /** The failure kind; never null. */
  public Failure failure() {
    return failure;
  }
}
