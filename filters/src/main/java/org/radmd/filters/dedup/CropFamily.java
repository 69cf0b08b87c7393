package org.radmd.filters.dedup;

import java.util.List;

/**
 * The crops an image is hashed under so that a crop of it is still found: every combination of a
 * horizontal and a vertical cut from {@link #CUTS}, 7 x 7 = 49 rectangles, the first being the whole image.
 *
 * <p><b>Why:</b> pHash is not crop-tolerant. On the labelled evaluation set (real corpus images cropped by
 * 2-10 % of width and height, {@link ImagePerturbation#CROP}) the whole-image pHash of a crop is a median
 * 12 bits from its original and up to 28; no Hamming threshold then separates crops from different images.
 * Hashing the original under a grid of crops that cover the edited range (cuts 0, 2.5, 5 or 10 % per side,
 * total at most 10 %) leaves at most a 2.5 % residual crop, and the smallest distance between the crop's
 * whole-image hash and the original's family is at most 8 bits for 99 % of crops ({@code DedupEvaluation}).
 *
 * <p>Cuts are fractions of the side removed at the (left or top, right or bottom) edge. Immutable.
 */
public final class CropFamily {
  /** Per-axis cuts {@code {near edge, far edge}}: none, 5 % either side, 5 % both, 10 % either side, 2.5 % both. */
  public static final List<double[]> CUTS = List.of(
      new double[] {0, 0},
      new double[] {0.05, 0}, new double[] {0, 0.05}, new double[] {0.05, 0.05},
      new double[] {0.10, 0}, new double[] {0, 0.10},
      new double[] {0.025, 0.025});
  /** Family size: {@code CUTS.size()^2}; member 0 is the whole image. */
  public static final int SIZE = CUTS.size() * CUTS.size();

  private CropFamily() {}

  /**
   * The rectangle of family member {@code i} as {@code {x0, x1, y0, y1}} fractions of the image. Member
   * {@code i} uses horizontal cut {@code i / 7} and vertical cut {@code i % 7}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < SIZE}
   */
  public static double[] rectangle(int i) {
    java.util.Objects.checkIndex(i, SIZE);
    double[] cx = CUTS.get(i / CUTS.size());
    double[] cy = CUTS.get(i % CUTS.size());
    return new double[] {cx[0], 1 - cx[1], cy[0], 1 - cy[1]};
  }

  /** Member {@code i}'s rectangle of an {@code n x n} grid, area-averaged onto {@code m x m}. */
  static float[] crop(float[] grid, int n, int i, int m) {
    double[] r = rectangle(i);
    return LumaGrid.region(grid, n, r[0], r[1], r[2], r[3], m);
  }
}
