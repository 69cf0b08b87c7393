package org.radmd.core.image;

/**
 * Pure-Java resampling of {@link Pixels8}: bilinear (OpenCV's {@code INTER_LINEAR} pixel-centre convention)
 * and area averaging (box filter with fractional pixel coverage). Arithmetic is in {@code double}, which
 * Java evaluates identically on every platform, so the same input always gives the same bytes. Results are
 * rounded half up and clamped to [0, 255]. Stateless and thread-safe.
 */
final class Resampler {
  private Resampler() {}

  /**
   * Bilinear interpolation to {@code w x h} px. Destination pixel centre {@code x + 0.5} maps to source
   * coordinate {@code (x + 0.5) * srcW / w - 0.5}; coordinates outside the image are clamped to the edge
   * pixels (as {@code cv2.resize(..., interpolation=INTER_LINEAR)}, which RadFM's jpg2nii uses). No
   * anti-aliasing: use {@link #areaAverage} for large reductions.
   */
  static Pixels8 bilinear(Pixels8 src, int w, int h) {
    checkSize(w, h);
    int c = src.channels;
    Axis ax = Axis.linear(src.width, w);
    Axis ay = Axis.linear(src.height, h);
    byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), c)];
    byte[] s = src.data;
    int rowLen = src.width * c;
    for (int y = 0; y < h; y++) {
      int r0 = ay.i0[y] * rowLen;
      int r1 = ay.i1[y] * rowLen;
      double fy = ay.f[y];
      for (int x = 0; x < w; x++) {
        int c0 = ax.i0[x] * c;
        int c1 = ax.i1[x] * c;
        double fx = ax.f[x];
        for (int k = 0; k < c; k++) {
          double top = (s[r0 + c0 + k] & 0xff) * (1 - fx) + (s[r0 + c1 + k] & 0xff) * fx;
          double bottom = (s[r1 + c0 + k] & 0xff) * (1 - fx) + (s[r1 + c1 + k] & 0xff) * fx;
          out[(y * w + x) * c + k] = (byte) round(top * (1 - fy) + bottom * fy);
        }
      }
    }
    return new Pixels8(w, h, c, out);
  }

  /**
   * Area averaging to {@code w x h} px: every destination pixel is the mean of the source area it covers,
   * partially covered source pixels weighted by their covered fraction (Pillow's {@code Image.BOX}).
   * Meant for reductions; separable (horizontal pass, then vertical).
   */
  static Pixels8 areaAverage(Pixels8 src, int w, int h) {
    checkSize(w, h);
    int c = src.channels;
    Box bx = Box.of(src.width, w);
    Box by = Box.of(src.height, h);
    double[] tmp = new double[Math.multiplyExact(Math.multiplyExact(src.height, w), c)];
    byte[] s = src.data;
    for (int y = 0; y < src.height; y++) {
      int rowIn = y * src.width * c;
      int rowOut = y * w * c;
      for (int x = 0; x < w; x++) {
        for (int j = 0; j < bx.weights[x].length; j++) {
          int sx = rowIn + (bx.start[x] + j) * c;
          double wt = bx.weights[x][j];
          for (int k = 0; k < c; k++) {
            tmp[rowOut + x * c + k] += (s[sx + k] & 0xff) * wt;
          }
        }
      }
    }
    byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), c)];
    int rowLen = w * c;
    for (int y = 0; y < h; y++) {
      double[] wts = by.weights[y];
      for (int i = 0; i < rowLen; i++) {
        double acc = 0;
        for (int j = 0; j < wts.length; j++) {
          acc += tmp[(by.start[y] + j) * rowLen + i] * wts[j];
        }
        out[y * rowLen + i] = (byte) round(acc);
      }
    }
    return new Pixels8(w, h, c, out);
  }

  private static void checkSize(int w, int h) {
    if (w < 1 || h < 1) {
      throw new IllegalArgumentException("target size must be positive: " + w + "x" + h);
    }
  }

  static int round(double v) {
    int r = (int) Math.floor(v + 0.5);
    return r < 0 ? 0 : Math.min(r, 255);
  }

  /** Per destination index: the two source indices and the weight of the second. */
  private static final class Axis {
    final int[] i0;
    final int[] i1;
    final double[] f;

    private Axis(int n) {
      i0 = new int[n];
      i1 = new int[n];
      f = new double[n];
    }

    static Axis linear(int srcLen, int dstLen) {
      Axis a = new Axis(dstLen);
      double scale = (double) srcLen / dstLen;
      for (int d = 0; d < dstLen; d++) {
        double pos = (d + 0.5) * scale - 0.5;
        int i = (int) Math.floor(pos);
        double frac = pos - i;
        if (i < 0) {
          i = 0;
          frac = 0;
        }
        if (i >= srcLen - 1) {
          i = srcLen - 1;
          frac = 0;
        }
        a.i0[d] = i;
        a.i1[d] = Math.min(i + 1, srcLen - 1);
        a.f[d] = frac;
      }
      return a;
    }
  }

  /** Per destination index: first covered source index and normalized coverage weights. */
  private static final class Box {
    final int[] start;
    final double[][] weights;

    private Box(int n) {
      start = new int[n];
      weights = new double[n][];
    }

    static Box of(int srcLen, int dstLen) {
      Box b = new Box(dstLen);
      double scale = (double) srcLen / dstLen;
      for (int d = 0; d < dstLen; d++) {
        double lo = d * scale;
        double hi = Math.min(srcLen, (d + 1) * scale);
        int first = (int) Math.floor(lo);
        int last = Math.min(srcLen - 1, (int) Math.ceil(hi) - 1);
        double[] w = new double[last - first + 1];
        double sum = 0;
        for (int j = first; j <= last; j++) {
          double cover = Math.min(hi, j + 1) - Math.max(lo, j);
          w[j - first] = Math.max(0, cover);
          sum += w[j - first];
        }
        for (int j = 0; j < w.length; j++) {
          w[j] /= sum;
        }
        b.start[d] = first;
        b.weights[d] = w;
      }
      return b;
    }
  }
}
