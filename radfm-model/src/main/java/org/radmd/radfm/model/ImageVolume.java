package org.radmd.radfm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Objects;

/**
 * One image as RadFM feeds it: a float array [C, H, W, D] in row-major order (D fastest), values in [0, 1]
 * (radfm-spec §3); a 2D image has D = 1. Plus RadFM's resizing rules. Immutable apart from the shared array.
 *
 * @param data C * H * W * D values
 */
public record ImageVolume(float[] data, int channels, int height, int width, int depth) {
  /** Depths RadFM's collator chooses from: 4, 8, ..., 64 (radfm-spec §3). */
  public static final int MAX_STACK_DEPTH = 64;

  /** @throws IllegalArgumentException if the array length disagrees with the shape */
  public ImageVolume {
    Objects.requireNonNull(data, "data");
    if (channels < 1 || height < 1 || width < 1 || depth < 1
        || (long) channels * height * width * depth != data.length) {
      throw new IllegalArgumentException("data of " + data.length + " values for shape [" + channels + ", " + height
          + ", " + width + ", " + depth + "]");
    }
  }

  /**
   * RadFM's stack depth for a sample or batch whose deepest image has {@code maxDepth} slices: the value in
   * {4, 8, ..., 64} nearest to it, ties to the smaller (radfm-spec §3, {@code stack_images} / collator); 2D
   * images (D = 1) give 4.
   */
  public static int targetDepth(int maxDepth) {
    int best = 4;
    for (int d = 4; d <= MAX_STACK_DEPTH; d += 4) {
      if (Math.abs(d - maxDepth) < Math.abs(best - maxDepth)) {
        best = d;
      }
    }
    return best;
  }

  /**
   * PyTorch {@code F.interpolate(mode='nearest')} to [3, h, w, d]: source index floor(dst * in / out) per axis;
   * a single channel is replicated to 3 (PIL convert('RGB')).
   */
  public float[] resizeNearest(int h, int w, int d) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("expected 1 or 3 channels, got " + channels);
    }
    float[] out = new float[3 * h * w * d];
    int[] sh = sourceIndex(height, h);
    int[] sw = sourceIndex(width, w);
    int[] sd = sourceIndex(depth, d);
    int o = 0;
    for (int c = 0; c < 3; c++) {
      int sc = channels == 1 ? 0 : c;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int base = ((sc * height + sh[y]) * width + sw[x]) * depth;
          for (int z = 0; z < d; z++) {
            out[o++] = data[base + sd[z]];
          }
        }
      }
    }
    return out;
  }

  private static int[] sourceIndex(int in, int out) {
    int[] idx = new int[out];
    double scale = (double) in / out;
    for (int i = 0; i < out; i++) {
      idx[i] = Math.min((int) Math.floor(i * scale), in - 1);
    }
    return idx;
  }

  /**
   * Stacks images resized to [3, hw, hw, d] into an array [S, 3, hw, hw, d] of {@code manager} (FLOAT32).
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public static NDArray stack(NDManager manager, List<ImageVolume> images, int hw, int d) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images");
    }
    int per = 3 * hw * hw * d;
    float[] all = new float[per * images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i).resizeNearest(hw, hw, d), 0, all, i * per, per);
    }
    return manager.create(all, new Shape(images.size(), 3, hw, hw, d));
  }
}
