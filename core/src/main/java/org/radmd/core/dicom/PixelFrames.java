package org.radmd.core.dicom;

import java.util.Objects;

/**
 * Decoded monochrome pixel data (PS3.3 C.7.6.3 Image Pixel Module): {@code frames} frames of {@code rows x
 * columns} stored values, row-major within a frame ({@code index = (frame * rows + row) * columns + column}).
 * Values are the stored pixel values after masking to Bits Stored and, for Pixel Representation 1, sign
 * extension: the input of the Modality LUT, not yet rescaled (see {@link FrameGeometry#rescale}). MONOCHROME1
 * data is kept as stored (higher value = darker); {@link #inverted()} says so. Immutable; the internal array
 * is never exposed. Thread-safe.
 */
public final class PixelFrames {
  private final int rows;
  private final int columns;
  private final int frames;
  private final int bitsStored;
  private final boolean signed;
  private final String photometricInterpretation;
  private final short[] data;

  /**
   * @param data {@code frames * rows * columns} values; taken over, the caller must not modify it afterwards.
   *     Unsigned values above 32767 are stored as their 16-bit pattern ({@code (short) value}).
   * @throws IllegalArgumentException on a size mismatch or bits stored outside 1..16
   */
  PixelFrames(int rows, int columns, int frames, int bitsStored, boolean signed, String photometric,
      short[] data) {
    if (rows < 1 || columns < 1 || frames < 1 || (long) rows * columns * frames != data.length) {
      throw new IllegalArgumentException("pixel data length " + data.length + " != " + frames + " x " + rows
          + " x " + columns);
    }
    if (bitsStored < 1 || bitsStored > 16) {
      throw new IllegalArgumentException("BitsStored must be 1..16: " + bitsStored);
    }
    this.rows = rows;
    this.columns = columns;
    this.frames = frames;
    this.bitsStored = bitsStored;
    this.signed = signed;
    this.photometricInterpretation = Objects.requireNonNull(photometric, "photometric");
    this.data = data;
  }

  /** Rows (0028,0010): pixels per column, the image height. */
  public int rows() {
    return rows;
  }

  /** Columns (0028,0011): pixels per row, the image width. */
  public int columns() {
    return columns;
  }

  /** Number of frames (1 for single-frame objects). */
  public int frames() {
    return frames;
  }

  /** Bits Stored (0028,0101), 1..16. */
  public int bitsStored() {
    return bitsStored;
  }

  /** True for Pixel Representation (0028,0103) = 1, two's complement. */
  public boolean signed() {
    return signed;
  }

  /** Photometric Interpretation after decompression: {@code MONOCHROME1} or {@code MONOCHROME2}. */
  public String photometricInterpretation() {
    return photometricInterpretation;
  }

  /** True for MONOCHROME1: the minimum value is displayed white (PS3.3 C.7.6.3.1.2). */
  public boolean inverted() {
    return photometricInterpretation.equals("MONOCHROME1");
  }

  /**
   * The stored value at (frame, row, column).
   *
   * @throws IndexOutOfBoundsException outside the data
   */
  public int stored(int frame, int row, int column) {
    Objects.checkIndex(frame, frames);
    Objects.checkIndex(row, rows);
    Objects.checkIndex(column, columns);
    return value(data[(frame * rows + row) * columns + column]);
  }

  /** One frame's stored values, row-major, as a new array. */
  public int[] frame(int frame) {
    Objects.checkIndex(frame, frames);
    int n = rows * columns;
    int[] out = new int[n];
    int off = frame * n;
    for (int i = 0; i < n; i++) {
      out[i] = value(data[off + i]);
    }
    return out;
  }

  /** Smallest and largest stored value over all frames, {@code {min, max}}. */
  public int[] range() {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (short s : data) {
      int v = value(s);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new int[] {min, max};
  }

  private int value(short s) {
    return signed ? s : s & 0xffff;
  }

  /** The raw array for readers in this package; never modify. */
  short[] raw() {
    return data;
  }

  @Override
  public String toString() {
    return "PixelFrames[" + frames + " x " + rows + " x " + columns + ", bitsStored=" + bitsStored + ", signed="
        + signed + ", " + photometricInterpretation + "]";
  }
}
