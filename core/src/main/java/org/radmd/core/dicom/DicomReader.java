package org.radmd.core.dicom;

import java.nio.file.Path;

/**
 * Reads DICOM Part 10 files (PS3.10 §7: 128-byte preamble, {@code "DICM"}, File Meta Information) and, for
 * robustness, bare data sets without the preamble. Implementations are stateless and thread-safe.
 *
 * <p>Errors: every failure, including a missing or unreadable file, is a {@link DicomDecodeException} whose
 * {@link DicomDecodeException#failure()} gives the reject code. No other exception escapes (checked by a fuzz
 * test on mutated real files).
 */
public interface DicomReader {

  /**
   * Reads the data set and decodes all frames.
   *
   * @throws DicomDecodeException if the file is missing, not DICOM, truncated, malformed, has no Pixel Data, or
   *     its pixels cannot be decoded (e.g. JPEG-LS: {@link DicomDecodeException.Failure#UNSUPPORTED_TRANSFER_SYNTAX}
   *     naming the Transfer Syntax)
   */
  DicomFile read(Path file) throws DicomDecodeException;

  /**
   * Reads the data set and frame geometry, not the pixels ({@link DicomFile#pixels()} is empty). Cheaper; used
   * to group files into series before decoding.
   *
   * @throws DicomDecodeException if the file is missing, not DICOM, truncated or malformed
   */
  DicomFile readHeader(Path file) throws DicomDecodeException;

  /** The PixelMed-backed reader (Debian {@code libpixelmed-java}, dependencies.md §2). */
  static DicomReader pixelMed() {
    return PixelMedDicomReader.INSTANCE;
  }
}
