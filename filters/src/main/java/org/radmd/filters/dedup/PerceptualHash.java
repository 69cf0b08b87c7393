package org.radmd.filters.dedup;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * pHash, the DCT perceptual image hash, and its Hamming distance.
 *
 * <p><b>64-bit hash</b> ({@link #of}), as in the pHash library's {@code ph_dct_imagehash} (C. Zauner,
 * "Implementation and Benchmarking of Perceptual Image Hash Functions", Master's thesis, Upper Austria
 * University of Applied Sciences, Hagenberg, 2010, §4.3):
 * <ol>
 *   <li>luma (ITU-R BT.601) of the whole picture, area-averaged onto a 32 x 32 grid (aspect ratio dropped);
 *   <li>2D DCT-II of the grid;
 *   <li>the 8 x 8 block of frequencies {@code u, v = 1..8}: the lowest non-DC frequencies. The DC row and
 *       column are dropped (pHash's {@code subsec = dct.crop(1, 1, 8, 8)}), so neither mean brightness nor a
 *       pure left-right or top-bottom gradient of it decides a bit; imagehash's {@code phash} keeps them;
 *   <li>bit {@code 63 - ((u - 1) * 8 + (v - 1))} is 1 when the coefficient exceeds the median of the 64.
 * </ol>
 * Why this survives the changes radiology figures go through: a median threshold is unchanged by any
 * positive linear change of intensity (window width and level, contrast, brightness) as long as little is
 * clipped; JPEG re-encoding and resizing change high frequencies, not the lowest 64; grey and colour
 * versions of a picture share their luma; a crop of a few percent shifts and stretches the low frequencies
 * only slightly. Mirroring, rotation and negative (inverted) windows are not covered.
 *
 * <p><b>256-bit hash</b> ({@link #of256}): the same on a 64 x 64 grid keeping frequencies {@code 1..16}
 * (imagehash's {@code phash(hash_size=16)} uses the same 4x oversampling). It separates more distinct
 * images but is less tolerant of crops; see {@code DedupEvaluation} for both curves.
 *
 * <p>Hashes of the same picture agree bit for bit across runs and platforms up to floating-point ties at
 * the median (the arithmetic is plain Java, no Java2D scaling). Stateless and thread-safe.
 */
public final class PerceptualHash {
  /** Bits in {@link #of}'s hash. */
  public static final int BITS = 64;
  /** Bits in {@link #of256}'s hash ({@code long[4]}). */
  public static final int BITS_256 = 256;
  /** Side of the grid the picture is averaged onto for the 64-bit hash (pHash: 32). */
  public static final int GRID = 32;

  private static final Dct DCT_64 = new Dct(GRID, 8);
  private static final Dct DCT_256 = new Dct(64, 16);

  private PerceptualHash() {}

  /**
   * The 64-bit pHash of a picture.
   *
   * @param img a decoded image of any type and size (at least 1 x 1 px); not modified
   * @return the hash; bit 63 is coefficient (u=1, v=1), bit 0 is (8, 8)
   * @throws NullPointerException if {@code img} is null
   */
  public static long of(BufferedImage img) {
    return bits(DCT_64.lowFrequencies(LumaGrid.of(img, GRID)))[0];
  }

  /**
   * The 64-bit pHash of a plane of real values, e.g. one slice of a NIfTI volume as stored (no windowing
   * needed: the hash ignores positive linear intensity changes).
   *
   * @param plane {@code width * height} values, x fastest (NIfTI order: row y at {@code [y * width, ...)})
   * @param width plane width in pixels, at least 1
   * @param height plane height in pixels, at least 1
   * @throws IllegalArgumentException if {@code plane.length != width * height}
   */
  public static long ofPlane(float[] plane, int width, int height) {
    return bits(DCT_64.lowFrequencies(LumaGrid.of(plane, width, height, GRID)))[0];
  }

  /** The 64-bit pHash of a {@value #GRID} x {@value #GRID} luma grid (row-major). */
  static long ofGrid(float[] grid32) {
    return bits(DCT_64.lowFrequencies(grid32))[0];
  }

  /**
   * The 256-bit pHash: 64 x 64 grid, frequencies {@code 1..16} in each direction.
   *
   * @return 4 words; word {@code i} bit {@code 63 - j} is coefficient number {@code 64 i + j} in row-major
   *     {@code (u - 1) * 16 + (v - 1)} order
   */
  public static long[] of256(BufferedImage img) {
    return bits(DCT_256.lowFrequencies(LumaGrid.of(img, 64)));
  }

  /** Hamming distance: the number of differing bits, 0..64. */
  public static int hamming(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /**
   * Hamming distance of two multi-word hashes.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static int hamming(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("hash lengths differ: " + a.length + " vs " + b.length);
    }
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Long.bitCount(a[i] ^ b[i]);
    }
    return d;
  }

  /** The hash as 16 lower-case hex digits (the form pHash and imagehash print). */
  public static String toHex(long hash) {
    return HexFormat.of().toHexDigits(hash);
  }

  /**
   * Parses {@link #toHex}'s form.
   *
   * @throws IllegalArgumentException unless {@code hex} is exactly 16 hex digits
   */
  public static long fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 16) {
      throw new IllegalArgumentException("a 64-bit hash is 16 hex digits: " + hex);
    }
    return HexFormat.fromHexDigitsToLong(hex);
  }

  /** Median threshold: bit set where the coefficient is above the median of all of them. */
  static long[] bits(double[] coefficients) {
    double[] sorted = coefficients.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    double median = (sorted[m - 1] + sorted[m]) / 2;
    long[] words = new long[(coefficients.length + 63) / 64];
    for (int i = 0; i < coefficients.length; i++) {
      if (coefficients[i] > median) {
        words[i >>> 6] |= 1L << (63 - (i & 63));
      }
    }
    return words;
  }
}
