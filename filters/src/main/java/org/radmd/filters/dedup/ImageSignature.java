package org.radmd.filters.dedup;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What near-duplicate image detection keeps of a 2D picture: its 64-bit pHash, the pHashes of its
 * {@link CropFamily} crops, and a 64 x 64 luma thumbnail for the correlation check of {@link ImageMatcher}.
 * About 4.5 KB; computed once per image in one pass over its pixels.
 *
 * <p>All three come from one 128 x 128 area-averaged luma grid ({@link LumaGrid}): family member {@code i}
 * averages its crop rectangle of that grid onto 32 x 32 and hashes it as {@link PerceptualHash} does; member 0
 * (the whole picture) equals {@link PerceptualHash#of} up to float rounding. The thumbnail is the grid
 * averaged 2 x 2 and stretched to 0..255 (its own minimum to maximum), so it holds the picture's shape, not
 * its window.
 *
 * @param hash the whole picture's 64-bit pHash ({@code family[0]})
 * @param family the 49 ({@link CropFamily#SIZE}) crop hashes, in {@link CropFamily} order
 * @param thumbnail {@code 64 * 64} unsigned 8-bit luma values, row-major
 */
public record ImageSignature(long hash, long[] family, byte[] thumbnail) implements Serializable {
  /** Side of the thumbnail in cells. */
  public static final int THUMBNAIL = 64;
  static final int GRID = 128;

  public ImageSignature {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(thumbnail, "thumbnail");
    if (family.length != CropFamily.SIZE || family[0] != hash) {
      throw new IllegalArgumentException("family must hold " + CropFamily.SIZE + " hashes, the first = hash");
    }
    if (thumbnail.length != THUMBNAIL * THUMBNAIL) {
      throw new IllegalArgumentException("thumbnail must hold " + THUMBNAIL * THUMBNAIL + " values");
    }
    family = family.clone();
    thumbnail = thumbnail.clone();
  }

  /**
   * The signature of a decoded picture.
   *
   * @param img any decoded image, at least 1 x 1 px; not modified
   */
  public static ImageSignature of(BufferedImage img) {
    float[] grid = LumaGrid.of(img, GRID);
    long[] fam = new long[CropFamily.SIZE];
    for (int i = 0; i < fam.length; i++) {
      fam[i] = PerceptualHash.ofGrid(CropFamily.crop(grid, GRID, i, PerceptualHash.GRID));
    }
    return new ImageSignature(fam[0], fam, thumbnail(grid));
  }

  private static byte[] thumbnail(float[] grid) {
    float[] t = LumaGrid.region(grid, GRID, 0, 1, 0, 1, THUMBNAIL);
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : t) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    float scale = hi > lo ? 255f / (hi - lo) : 0f;
    byte[] out = new byte[t.length];
    for (int i = 0; i < t.length; i++) {
      out[i] = (byte) Math.round((t[i] - lo) * scale);
    }
    return out;
  }

  /** A copy of the crop hashes. */
  @Override
  public long[] family() {
    return family.clone();
  }

  /** A copy of the thumbnail. */
  @Override
  public byte[] thumbnail() {
    return thumbnail.clone();
  }

  /** The family without copying; never modify. */
  long[] familyNoCopy() {
    return family;
  }

  /** The thumbnail as floats 0..255. */
  float[] thumbnailGrid() {
    float[] g = new float[thumbnail.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = thumbnail[i] & 0xff;
    }
    return g;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageSignature s && s.hash == hash && Arrays.equals(s.family, family)
        && Arrays.equals(s.thumbnail, thumbnail);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash) * 31 + Arrays.hashCode(thumbnail);
  }

  @Override
  public String toString() {
    return "ImageSignature[" + PerceptualHash.toHex(hash) + "]";
  }
}
