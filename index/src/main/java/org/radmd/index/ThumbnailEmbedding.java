package org.radmd.index;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.jspecify.annotations.Nullable;
import org.radmd.core.image.Images;

/**
 * A 64-dimensional "perceptual hash" embedding of a picture, used for similar-case search until a trained image
 * encoder exists: the picture made grey ({@link Images#toGray}), shrunk to an 8 x 8 thumbnail by area averaging
 * (each cell the mean of the pixels whose centres fall in it), the thumbnail's mean subtracted, and the result
 * L2-normalised. The cosine of two embeddings is then the Pearson correlation of the two thumbnails: 1 for the
 * same picture at any size, brightness or contrast, about 0 for unrelated ones. Cells are in row-major order.
 *
 * <p>Stateless and thread-safe.
 */
public final class ThumbnailEmbedding {
  /** Thumbnail side, in cells. */
  public static final int SIDE = 8;
  /** Embedding length: {@code SIDE * SIDE}. */
  public static final int DIMENSIONS = SIDE * SIDE;
  /** Thumbnails whose cell values vary less than this (grey levels, standard deviation) get no embedding. */
  static final double MIN_STDDEV = 0.5;

  private ThumbnailEmbedding() {}

  /**
   * The embedding of a picture.
   *
   * @return 64 floats of unit L2 norm, or null when the thumbnail is flat (a uniform picture has no direction)
   */
  public static float @Nullable [] of(BufferedImage picture) {
    BufferedImage grey = Images.toGray(picture);
    int w = grey.getWidth();
    int h = grey.getHeight();
    double[] sum = new double[DIMENSIONS];
    int[] count = new int[DIMENSIONS];
    Raster r = grey.getRaster();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, row);
      int cy = (int) ((long) y * SIDE / h);
      for (int x = 0; x < w; x++) {
        int cell = cy * SIDE + (int) ((long) x * SIDE / w);
        sum[cell] += row[x];
        count[cell]++;
      }
    }
    double[] cells = new double[DIMENSIONS];
    double mean = 0;
    for (int i = 0; i < DIMENSIONS; i++) {
      // A picture narrower or lower than 8 px leaves some cells empty; they take the picture's mean (0 below).
      cells[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
    }
    int filled = 0;
    for (double c : cells) {
      if (!Double.isNaN(c)) {
        mean += c;
        filled++;
      }
    }
    mean /= filled;
    double norm = 0;
    for (int i = 0; i < DIMENSIONS; i++) {
      cells[i] = Double.isNaN(cells[i]) ? 0 : cells[i] - mean;
      norm += cells[i] * cells[i];
    }
    norm = Math.sqrt(norm);
    if (norm / Math.sqrt(DIMENSIONS) < MIN_STDDEV) {
      return null;
    }
    float[] v = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      v[i] = (float) (cells[i] / norm);
    }
    return v;
  }
}
