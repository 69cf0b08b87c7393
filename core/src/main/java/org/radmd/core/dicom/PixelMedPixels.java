package org.radmd.core.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import org.radmd.core.dicom.DicomDecodeException.Failure;

/**
 * Turns the Pixel Data of a PixelMed {@link AttributeList} into {@link PixelFrames}: monochrome images with 8 or
 * 16 bits allocated (PS3.3 C.7.6.3, PS3.5 §8.1.1 and §8.2). Native data is masked to Bits Stored (bits above
 * High Bit may hold other data) and sign-extended for Pixel Representation 1; decoded (formerly compressed)
 * data is taken as the codec returns it, sign-extended when signed. Stateless and thread-safe.
 */
final class PixelMedPixels {
  private PixelMedPixels() {}

  /** The Image Pixel Module facts needed to interpret the values. */
  record Format(int rows, int columns, int frames, int bitsAllocated, int bitsStored, boolean signed,
      String photometric) {

    static Format of(Path file, DicomDataset ds, int frames) throws DicomDecodeException {
      int samples = ds.integer("SamplesPerPixel").orElse(1);
      String photometric = ds.stringOrEmpty("PhotometricInterpretation");
      if (samples != 1 || !(photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2")
          || photometric.isEmpty())) {
        throw new DicomDecodeException(file, Failure.UNSUPPORTED_PIXEL_FORMAT, "Photometric Interpretation \""
            + photometric + "\" with " + samples + " samples per pixel (only MONOCHROME1/2 grey images)");
      }
      int rows = ds.integer("Rows").orElse(0);
      int columns = ds.integer("Columns").orElse(0);
      int allocated = ds.integer("BitsAllocated").orElse(0);
      int stored = ds.integer("BitsStored").orElse(allocated);
      if (rows < 1 || columns < 1 || rows > 65_535 || columns > 65_535) {
        throw new DicomDecodeException(file, Failure.MALFORMED, "bad image size Rows " + rows + " x Columns "
            + columns);
      }
      if ((allocated != 8 && allocated != 16) || stored < 1 || stored > allocated) {
        throw new DicomDecodeException(file, Failure.UNSUPPORTED_PIXEL_FORMAT, "BitsAllocated " + allocated
            + " / BitsStored " + stored + " (only 8 or 16 bits allocated)");
      }
      if ((long) rows * columns * frames > Integer.MAX_VALUE / 2) {
        throw new DicomDecodeException(file, Failure.UNSUPPORTED_PIXEL_FORMAT, "too many pixels: " + frames
            + " x " + rows + " x " + columns);
      }
      boolean signed = ds.integer("PixelRepresentation").orElse(0) == 1;
      return new Format(rows, columns, frames, allocated, stored, signed,
          photometric.isEmpty() ? "MONOCHROME2" : photometric);
    }

    int count() {
      return rows * columns * frames;
    }
  }

  /** Pixels of native or PixelMed-decompressed data. */
  static PixelFrames fromAttribute(Path file, AttributeList list, Format f, boolean wasCompressed)
      throws DicomDecodeException {
    Attribute a = list.get(TagFromName.PixelData);
    if (a == null) {
      throw new DicomDecodeException(file, Failure.NO_PIXEL_DATA, "no Pixel Data (7FE0,0010)");
    }
    short[] out = new short[f.count()];
    try {
      if (f.bitsAllocated == 16) {
        short[] raw = a.getShortValues();
        require(file, raw == null ? 0 : raw.length, f);
        System.arraycopy(raw, 0, out, 0, out.length);
      } else {
        byte[] raw = a.getByteValues();
        require(file, raw == null ? 0 : raw.length, f);
        for (int i = 0; i < out.length; i++) {
          out[i] = (short) (raw[i] & 0xff);
        }
      }
    } catch (DicomException e) {
      throw new DicomDecodeException(file, Failure.PIXEL_DECODE_FAILED, "cannot read Pixel Data: "
          + e.getMessage(), e);
    }
    normalize(out, f, !wasCompressed);
    return new PixelFrames(f.rows, f.columns, f.frames, f.bitsStored, f.signed, f.photometric, out);
  }

  /** Pixels of JPEG frames (sequential DCT 8/12-bit, or lossless) decoded by {@link JpegDecoder}. */
  static PixelFrames fromJpegFrames(Path file, AttributeList list, Format f) throws DicomDecodeException {
    Attribute a = list.get(TagFromName.PixelData);
    if (!(a instanceof OtherByteAttributeMultipleCompressedFrames c)) {
      throw new DicomDecodeException(file, Failure.NO_PIXEL_DATA, "no encapsulated Pixel Data (7FE0,0010)");
    }
    byte[][] frames = c.getFrames();
    if (frames == null || frames.length < f.frames) {
      throw new DicomDecodeException(file, Failure.TRUNCATED, "encapsulated Pixel Data holds "
          + (frames == null ? 0 : frames.length) + " frames, " + f.frames + " expected");
    }
    int n = f.rows * f.columns;
    short[] out = new short[f.count()];
    for (int i = 0; i < f.frames; i++) {
      JpegDecoder.Image img;
      try {
        img = JpegDecoder.decode(frames[i]);
      } catch (JpegDecoder.JpegException e) {
        throw new DicomDecodeException(file, Failure.PIXEL_DECODE_FAILED, "frame " + i + ": " + e.getMessage(), e);
      }
      if (img.width() != f.columns || img.height() != f.rows) {
        throw new DicomDecodeException(file, Failure.MALFORMED, "JPEG frame " + i + " is " + img.width() + "x"
            + img.height() + ", the header says " + f.columns + "x" + f.rows);
      }
      System.arraycopy(img.samples(), 0, out, i * n, n);
    }
    normalize(out, f, false);
    return new PixelFrames(f.rows, f.columns, f.frames, f.bitsStored, f.signed, f.photometric, out);
  }

  private static void require(Path file, int have, Format f) throws DicomDecodeException {
    if (have < f.count()) {
      throw new DicomDecodeException(file, Failure.TRUNCATED, "Pixel Data holds " + have + " values, "
          + f.frames + " x " + f.rows + " x " + f.columns + " = " + f.count() + " expected");
    }
  }

  /** Masks native values to Bits Stored; sign-extends signed values from bit Bits Stored - 1. */
  private static void normalize(short[] v, Format f, boolean mask) {
    int bits = f.bitsStored;
    if (bits >= 16 && f.bitsAllocated == 16) {
      return;
    }
    int m = (1 << bits) - 1;
    int sign = 1 << (bits - 1);
    for (int i = 0; i < v.length; i++) {
      int x = v[i] & 0xffff;
      if (f.signed) {
        x &= m;
        v[i] = (short) ((x & sign) != 0 ? x - (1 << bits) : x);
      } else if (mask) {
        v[i] = (short) (x & m);
      }
    }
  }
}
