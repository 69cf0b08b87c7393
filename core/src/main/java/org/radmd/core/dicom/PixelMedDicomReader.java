package org.radmd.core.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.radmd.core.dicom.DicomDecodeException.Failure;

/**
 * {@link DicomReader} on PixelMed ({@code com.pixelmed.dicom}). Each file is read into memory, checked by
 * {@link DicomStructure}, then parsed by {@link AttributeList#read}; PixelMed decompresses RLE, JPEG baseline and
 * JPEG 2000 (with {@code jai-imageio-jpeg2000}); JPEG Extended (12-bit) and JPEG Lossless frames go to radmd's
 * {@link JpegDecoder}, because the JDK cannot decode them and Debian's {@code pixelmed_imageio} lossless reader
 * prints a line on standard output for every JPEG any ImageIO user probes. Stateless and thread-safe.
 */
final class PixelMedDicomReader implements DicomReader {
  static final PixelMedDicomReader INSTANCE = new PixelMedDicomReader();
  /** Largest file read, 2 GiB minus a little (one Java array). */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;

  private PixelMedDicomReader() {}

  @Override
  public DicomFile read(Path file) throws DicomDecodeException {
    return read(file, true);
  }

  @Override
  public DicomFile readHeader(Path file) throws DicomDecodeException {
    return read(file, false);
  }

  private DicomFile read(Path file, boolean withPixels) throws DicomDecodeException {
    byte[] bytes = bytes(file);
    DicomStructure.Layout layout = DicomStructure.check(file, bytes);
    TransferSyntax ts = TransferSyntax.of(layout.transferSyntaxUid()).orElse(null);
    if (withPixels) {
      if (!layout.hasPixelData()) {
        throw new DicomDecodeException(file, Failure.NO_PIXEL_DATA, "no Pixel Data (7FE0,0010), or it is empty");
      }
      if (ts == null || !ts.decodable()) {
        throw new DicomDecodeException(file, Failure.UNSUPPORTED_TRANSFER_SYNTAX, "unsupported Transfer Syntax "
            + TransferSyntax.describe(layout.transferSyntaxUid()) + ": no decoder installed");
      }
    }
    boolean ownJpeg = withPixels && (ts == TransferSyntax.JPEG_EXTENDED || ts == TransferSyntax.JPEG_LOSSLESS
        || ts == TransferSyntax.JPEG_LOSSLESS_SV1);
    AttributeList list = parse(file, bytes, withPixels, withPixels && !ownJpeg);
    DicomDataset ds = PixelMedDatasets.of(list);
    List<FrameGeometry> geometry;
    try {
      geometry = FrameGeometries.of(ds);
    } catch (IllegalArgumentException e) {
      throw new DicomDecodeException(file, Failure.MALFORMED, e.getMessage(), e);
    }
    PixelFrames pixels = null;
    if (withPixels) {
      PixelMedPixels.Format format = PixelMedPixels.Format.of(file, ds, geometry.size());
      pixels = ownJpeg ? PixelMedPixels.fromJpegFrames(file, list, format)
          : PixelMedPixels.fromAttribute(file, list, format, ts.encapsulated());
    }
    return new DicomFile(file, layout.transferSyntaxUid(), ds, geometry, pixels);
  }

  private static byte[] bytes(Path file) throws DicomDecodeException {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new DicomDecodeException(file, Failure.UNSUPPORTED_PIXEL_FORMAT, "file of " + size
            + " bytes is larger than 2 GiB");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DicomDecodeException(file, Failure.UNREADABLE, "no such file", e);
    } catch (IOException e) {
      throw new DicomDecodeException(file, Failure.UNREADABLE, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Runs PixelMed; any failure becomes a {@link DicomDecodeException}. */
  private static AttributeList parse(Path file, byte[] bytes, boolean withPixels, boolean decompress)
      throws DicomDecodeException {
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(decompress);
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      if (withPixels) {
        list.read(in);
      } else {
        list.read(in, TagFromName.PixelData);
      }
      return list;
    } catch (DicomException e) {
      String m = String.valueOf(e.getMessage());
      Failure f = m.startsWith("No reader for") ? Failure.UNSUPPORTED_TRANSFER_SYNTAX : Failure.PIXEL_DECODE_FAILED;
      throw new DicomDecodeException(file, f, m, e);
    } catch (EOFException e) {
      throw new DicomDecodeException(file, Failure.TRUNCATED, "unexpected end of file", e);
    } catch (IOException e) {
      throw new DicomDecodeException(file, Failure.MALFORMED, String.valueOf(e.getMessage()), e);
    } catch (RuntimeException e) {
      // PixelMed signals some encoding errors with unchecked exceptions (the structure check has already
      // bounded every length by the file size).
      throw new DicomDecodeException(file, Failure.MALFORMED, "PixelMed cannot parse it: " + e, e);
    }
  }
}
