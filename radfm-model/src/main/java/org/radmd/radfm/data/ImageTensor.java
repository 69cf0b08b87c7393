package org.radmd.radfm.data;

import java.util.Objects;

/**
 * A float image in RadFM's layout {@code [C, H, W, D]} (channels, rows, columns, slices), C order: element
 * (c, h, w, d) is at {@code ((c * H + h) * W + w) * D + d}. Values are in [0, 1]. The array is owned by the
 * tensor; callers must not modify {@link #data()} unless they own it. Not thread-safe to mutate.
 *
 * @param data C*H*W*D values
 * @param channels C (3 for RadFM)
 * @param height H, rows
 * @param width W, columns
 * @param depth D, slices (1 for a 2D image before stacking)
 */
public record ImageTensor(float[] data, int channels, int height, int width, int depth) {
  /**
   * @throws IllegalArgumentException if a dimension is below 1 or the array length does not match
   */
  public ImageTensor {
    Objects.requireNonNull(data, "data");
    if (channels < 1 || height < 1 || width < 1 || depth < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1: " + channels + "x" + height + "x" + width + "x" + depth);
    }
    if ((long) channels * height * width * depth != data.length) {
      throw new IllegalArgumentException("data has " + data.length + " values for shape [" + channels + ", " + height
          + ", " + width + ", " + depth + "]");
    }
  }

  /** Value at (c, h, w, d). */
  public float get(int c, int h, int w, int d) {
    return data[((c * height + h) * width + w) * depth + d];
  }

  /** The shape {@code [C, H, W, D]}. */
  public int[] shape() {
    return new int[] {channels, height, width, depth};
  }

  /**
   * This image resized with PyTorch's {@code F.interpolate(mode='nearest')} over (H, W, D) (see {@link Nearest}).
   * Channels are kept. Returns {@code this} when the size already matches.
   */
  public ImageTensor resizeNearest(int h, int w, int d) {
    if (h == height && w == width && d == depth) {
      return this;
    }
    int[] sh = Nearest.indices(h, height);
    int[] sw = Nearest.indices(w, width);
    int[] sd = Nearest.indices(d, depth);
    float[] out = new float[Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(channels, h), w), d)];
    int o = 0;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < h; y++) {
        int rowBase = (c * height + sh[y]) * width;
        for (int x = 0; x < w; x++) {
          int base = (rowBase + sw[x]) * depth;
          for (int z = 0; z < d; z++) {
            out[o++] = data[base + sd[z]];
          }
        }
      }
    }
    return new ImageTensor(out, channels, h, w, d);
  }

  /**
   * PyTorch's {@code nearest} source indices ({@code aten/src/ATen/native/UpSample.h}, {@code nearest_idx}): the
   * same size copies, twice the size reads {@code i >> 1}, otherwise {@code min(floorf(i * scale), in - 1)} with
   * the float32 {@code scale = (float) in / out}. The float32 arithmetic matters: for in = 26, out = 44, i = 22 it
   * gives 12 where exact arithmetic gives 13.
   */
  static final class Nearest {
    private Nearest() {}

    static int[] indices(int out, int in) {
      int[] src = new int[out];
      float scale = (float) in / out;
      for (int i = 0; i < out; i++) {
        int s;
        if (out == in) {
          s = i;
        } else if (out == 2 * in) {
          s = i >> 1;
        } else {
          s = (int) Math.floor((float) i * scale);
        }
        src[i] = Math.min(in - 1, s);
      }
      return src;
    }
  }
}
