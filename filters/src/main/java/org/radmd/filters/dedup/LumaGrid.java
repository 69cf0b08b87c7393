package org.radmd.filters.dedup;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Objects;

/**
 * The first step of every perceptual hash here: an image's luma, area-averaged onto an {@code n x n} grid.
 *
 * <p>Luma is ITU-R BT.601 ({@code 0.299 R + 0.587 G + 0.114 B}, the weights of PIL's {@code convert('L')}
 * and of {@code org.radmd.core.image.Images#toGray}) in 0..255; grey images keep their values scaled to 8
 * bits; alpha is composited on black. 8-bit grey and sRGB byte rasters (JPEG and PNG decoder output) and
 * {@code TYPE_INT_RGB} are read straight from their buffer; other 8-bit sRGB rasters through the raster; anything else
 * through {@link BufferedImage#getRGB}; grey images never through {@code getRGB}, which gamma-converts linear
 * grey.
 *
 * <p>Resampling is exact area averaging (every output cell is the mean of the source area it covers,
 * fractional pixels weighted by their overlap), so it is free of aliasing when shrinking and copies pixels
 * when enlarging. Aspect ratio is not kept: the whole picture maps onto the square grid, as in pHash
 * (Zauner 2010) and imagehash. Stateless and thread-safe.
 */
final class LumaGrid {
  private LumaGrid() {}

  /**
   * The image's luma on an {@code n x n} grid, row-major.
   *
   * @param img any decoded image, at least 1 x 1 px; not modified
   * @param n grid side in cells, at least 1
   * @return {@code n * n} values in 0..255, row {@code i} at {@code [i * n, (i + 1) * n)}
   */
  static float[] of(BufferedImage img, int n) {
    Objects.requireNonNull(img, "img");
    int w = img.getWidth();
    int h = img.getHeight();
    Axis xs = Axis.of(w, n);
    float[] rows = new float[h * n];
    float[] line = new float[w];
    RowReader reader = RowReader.of(img);
    for (int y = 0; y < h; y++) {
      reader.read(y, line);
      xs.resample(line, 0, 1, rows, y * n, 1);
    }
    return verticalPass(rows, h, n);
  }

  /**
   * A plane of arbitrary real values (e.g. one NIfTI slice) on an {@code n x n} grid. The values are averaged
   * as given; any positive linear rescaling of the input rescales the output the same way.
   *
   * @param plane {@code width * height} values, x fastest
   * @param width plane width (x), at least 1
   * @param height plane height (y), at least 1
   * @param n grid side, at least 1
   * @throws IllegalArgumentException if the array length is not {@code width * height}
   */
  static float[] of(float[] plane, int width, int height, int n) {
    if (width < 1 || height < 1 || (long) width * height != plane.length) {
      throw new IllegalArgumentException("plane of " + plane.length + " values is not " + width + "x" + height);
    }
    Axis xs = Axis.of(width, n);
    float[] rows = new float[height * n];
    for (int y = 0; y < height; y++) {
      xs.resample(plane, y * width, 1, rows, y * n, 1);
    }
    return verticalPass(rows, height, n);
  }

  private static float[] verticalPass(float[] rows, int h, int n) {
    Axis ys = Axis.of(h, n);
    float[] out = new float[n * n];
    for (int x = 0; x < n; x++) {
      ys.resample(rows, x, n, out, x, n);
    }
    return out;
  }

  /**
   * A rectangle of an {@code n x n} grid, area-averaged onto an {@code m x m} grid: the crop step of
   * {@link CropFamily}. Bounds are fractions of the grid side (0 = top or left edge, 1 = bottom or right).
   *
   * @param grid {@code n * n} values, row-major
   * @param x0 left edge, {@code 0 <= x0 < x1 <= 1}
   * @param x1 right edge
   * @param y0 top edge, {@code 0 <= y0 < y1 <= 1}
   * @param y1 bottom edge
   * @param m output side, at least 1
   * @throws IllegalArgumentException if the bounds are not ordered within 0..1
   */
  static float[] region(float[] grid, int n, double x0, double x1, double y0, double y1, int m) {
    if (grid.length != n * n) {
      throw new IllegalArgumentException("grid has " + grid.length + " values, expected " + n * n);
    }
    Axis xs = Axis.of(n, x0 * n, x1 * n, m);
    Axis ys = Axis.of(n, y0 * n, y1 * n, m);
    float[] rows = new float[n * m];
    for (int y = 0; y < n; y++) {
      xs.resample(grid, y * n, 1, rows, y * m, 1);
    }
    float[] out = new float[m * m];
    for (int x = 0; x < m; x++) {
      ys.resample(rows, x, m, out, x, m);
    }
    return out;
  }

  /**
   * Area-averaging weights along one axis: source samples {@code 0..src-1} each cover a unit interval; the
   * source interval {@code [lo, hi)} is cut into {@code dst} equal cells, and each cell's value is the
   * overlap-weighted mean of the samples it covers.
   */
  private record Axis(int dst, int[] first, int[] count, float[] weights, int[] weightStart) {
    static Axis of(int src, int dst) {
      return of(src, 0, src, dst);
    }

    static Axis of(int src, double lo, double hi, int dst) {
      if (src < 1 || dst < 1) {
        throw new IllegalArgumentException("axis sizes must be positive: " + src + " -> " + dst);
      }
      if (!(lo >= 0 && hi > lo && hi <= src + 1e-9)) {
        throw new IllegalArgumentException("interval [" + lo + ", " + hi + ") outside 0.." + src);
      }
      double cell = (hi - lo) / dst;
      int[] first = new int[dst];
      int[] count = new int[dst];
      int[] start = new int[dst];
      float[] w = new float[src + 2 * dst];
      int k = 0;
      for (int d = 0; d < dst; d++) {
        double c0 = lo + d * cell;
        double c1 = Math.min(src, c0 + cell);
        int s0 = Math.min(src - 1, (int) Math.floor(c0));
        int s1 = Math.max(s0, Math.min(src - 1, (int) Math.ceil(c1) - 1));
        first[d] = s0;
        count[d] = s1 - s0 + 1;
        start[d] = k;
        for (int s = s0; s <= s1; s++) {
          double overlap = Math.min(c1, s + 1) - Math.max(c0, s);
          w[k++] = (float) (Math.max(0, overlap) / cell);
        }
      }
      return new Axis(dst, first, count, w, start);
    }

    void resample(float[] in, int inOffset, int inStride, float[] out, int outOffset, int outStride) {
      for (int d = 0; d < dst; d++) {
        int s = first[d];
        int k = weightStart[d];
        float sum = 0;
        for (int j = 0; j < count[d]; j++) {
          sum += weights[k + j] * in[inOffset + (s + j) * inStride];
        }
        out[outOffset + d * outStride] = sum;
      }
    }
  }

  /** Reads one row of luma; chooses the fastest correct access for the image's colour model. */
  private abstract static class RowReader {
    final BufferedImage img;
    final int width;

    RowReader(BufferedImage img) {
      this.img = img;
      this.width = img.getWidth();
    }

    abstract void read(int y, float[] out);

    static RowReader of(BufferedImage img) {
      ColorModel cm = img.getColorModel();
      boolean indexed = cm instanceof IndexColorModel;
      RowReader direct = ByteReader.of(img);
      if (direct == null) {
        direct = IntReader.of(img);
      }
      if (direct != null) {
        return direct;
      }
      if (!indexed && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
        return new GreyReader(img);
      }
      if (!indexed && cm.getColorSpace().isCS_sRGB() && cm.getNumComponents() >= 3
          && img.getRaster().getNumBands() == cm.getNumComponents() && all8Bit(cm)) {
        return new RgbRasterReader(img);
      }
      return new ArgbReader(img);
    }

    private static boolean all8Bit(ColorModel cm) {
      for (int size : cm.getComponentSize()) {
        if (size != 8) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * 8-bit grey or sRGB samples read straight from the raster's byte buffer ({@code TYPE_BYTE_GRAY},
   * {@code TYPE_3BYTE_BGR}, {@code TYPE_4BYTE_ABGR} and sub-images of them: what the JPEG and PNG decoders
   * give), without the per-row copy of {@link Raster#getPixels}.
   */
  private static final class ByteReader extends RowReader {
    private final byte[] data;
    private final int origin;
    private final int scanline;
    private final int pixelStride;
    private final int[] offsets;
    private final boolean alpha;

    private ByteReader(BufferedImage img, byte[] data, int origin, int scanline, int pixelStride, int[] offsets,
        boolean alpha) {
      super(img);
      this.data = data;
      this.origin = origin;
      this.scanline = scanline;
      this.pixelStride = pixelStride;
      this.offsets = offsets;
      this.alpha = alpha;
    }

    static RowReader of(BufferedImage img) {
      ColorModel cm = img.getColorModel();
      Raster r = img.getRaster();
      if (cm instanceof IndexColorModel || !(r.getDataBuffer() instanceof java.awt.image.DataBufferByte db)
          || db.getNumBanks() != 1 || !(r.getSampleModel() instanceof java.awt.image.ComponentSampleModel sm)
          || cm.isAlphaPremultiplied()) {
        return null;
      }
      for (int size : cm.getComponentSize()) {
        if (size != 8) {
          return null;
        }
      }
      int bands = r.getNumBands();
      boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && (bands == 1 || bands == 2);
      boolean rgb = cm.getColorSpace().isCS_sRGB() && (bands == 3 || bands == 4);
      if (!grey && !rgb) {
        return null;
      }
      int origin = db.getOffset() + db.getOffsets()[0]
          - r.getSampleModelTranslateY() * sm.getScanlineStride()
          - r.getSampleModelTranslateX() * sm.getPixelStride();
      return new ByteReader(img, db.getData(), origin, sm.getScanlineStride(), sm.getPixelStride(),
          sm.getBandOffsets(), cm.hasAlpha() && bands == (grey ? 2 : 4));
    }

    @Override
    void read(int y, float[] out) {
      int p = origin + y * scanline;
      byte[] d = data;
      if (offsets.length <= 2) {
        int g = offsets[0];
        for (int x = 0; x < width; x++, p += pixelStride) {
          float v = d[p + g] & 0xff;
          out[x] = alpha ? v * ((d[p + offsets[1]] & 0xff) / 255f) : v;
        }
        return;
      }
      int ro = offsets[0];
      int go = offsets[1];
      int bo = offsets[2];
      for (int x = 0; x < width; x++, p += pixelStride) {
        float l = 0.299f * (d[p + ro] & 0xff) + 0.587f * (d[p + go] & 0xff) + 0.114f * (d[p + bo] & 0xff);
        out[x] = alpha ? l * ((d[p + offsets[3]] & 0xff) / 255f) : l;
      }
    }
  }

  /** {@code TYPE_INT_RGB} (and sub-images of it) read straight from the raster's int buffer. */
  private static final class IntReader extends RowReader {
    private final int[] data;
    private final int origin;
    private final int scanline;

    private IntReader(BufferedImage img, int[] data, int origin, int scanline) {
      super(img);
      this.data = data;
      this.origin = origin;
      this.scanline = scanline;
    }

    static RowReader of(BufferedImage img) {
      Raster r = img.getRaster();
      if (img.getType() != BufferedImage.TYPE_INT_RGB
          || !(r.getDataBuffer() instanceof java.awt.image.DataBufferInt db) || db.getNumBanks() != 1
          || !(r.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm)) {
        return null;
      }
      int origin = db.getOffset() - r.getSampleModelTranslateY() * sm.getScanlineStride()
          - r.getSampleModelTranslateX();
      return new IntReader(img, db.getData(), origin, sm.getScanlineStride());
    }

    @Override
    void read(int y, float[] out) {
      int p = origin + y * scanline;
      for (int x = 0; x < width; x++) {
        int v = data[p + x];
        out[x] = 0.299f * ((v >>> 16) & 0xff) + 0.587f * ((v >>> 8) & 0xff) + 0.114f * (v & 0xff);
      }
    }
  }

  /** Grey (any bit depth, optional alpha) through the raster. */
  private static final class GreyReader extends RowReader {
    private final Raster raster;
    private final float scale;
    private final boolean alpha;
    private final float alphaScale;
    private final int[] v;
    private final int[] a;

    GreyReader(BufferedImage img) {
      super(img);
      ColorModel cm = img.getColorModel();
      raster = img.getRaster();
      scale = 255f / ((1 << cm.getComponentSize(0)) - 1);
      alpha = cm.hasAlpha() && raster.getNumBands() > 1 && !cm.isAlphaPremultiplied();
      alphaScale = alpha ? 1f / ((1 << cm.getComponentSize(1)) - 1) : 1f;
      v = new int[width];
      a = new int[alpha ? width : 0];
    }

    @Override
    void read(int y, float[] out) {
      raster.getSamples(0, y, width, 1, 0, v);
      if (alpha) {
        raster.getSamples(0, y, width, 1, 1, a);
        for (int x = 0; x < width; x++) {
          out[x] = v[x] * scale * (a[x] * alphaScale);
        }
      } else {
        for (int x = 0; x < width; x++) {
          out[x] = v[x] * scale;
        }
      }
    }
  }

  /** 8-bit sRGB samples (R, G, B and optional alpha, in colour-model order) through the raster. */
  private static final class RgbRasterReader extends RowReader {
    private final Raster raster;
    private final int bands;
    private final boolean alpha;
    private final int[] px;

    RgbRasterReader(BufferedImage img) {
      super(img);
      raster = img.getRaster();
      bands = raster.getNumBands();
      ColorModel cm = img.getColorModel();
      alpha = cm.hasAlpha() && bands > 3 && !cm.isAlphaPremultiplied();
      px = new int[width * bands];
    }

    @Override
    void read(int y, float[] out) {
      raster.getPixels(0, y, width, 1, px);
      for (int x = 0, i = 0; x < width; x++, i += bands) {
        float l = 0.299f * px[i] + 0.587f * px[i + 1] + 0.114f * px[i + 2];
        out[x] = alpha ? l * (px[i + 3] / 255f) : l;
      }
    }
  }

  /** Anything else (palettes, 16-bit colour, other colour spaces) through {@link BufferedImage#getRGB}. */
  private static final class ArgbReader extends RowReader {
    private final boolean alpha;
    private final int[] argb;

    ArgbReader(BufferedImage img) {
      super(img);
      alpha = img.getColorModel().hasAlpha();
      argb = new int[width];
    }

    @Override
    void read(int y, float[] out) {
      img.getRGB(0, y, width, 1, argb, 0, width);
      for (int x = 0; x < width; x++) {
        int p = argb[x];
        float l = 0.299f * ((p >>> 16) & 0xff) + 0.587f * ((p >>> 8) & 0xff) + 0.114f * (p & 0xff);
        out[x] = alpha ? l * ((p >>> 24) / 255f) : l;
      }
    }
  }
}
