package org.radmd.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * 8-bit pixels held as one interleaved byte array, row-major: 1 channel (grey) or 3 channels (R, G, B).
 * All conversions and resampling in this package work on this form rather than through Java2D, so results
 * do not depend on the platform's rendering pipeline. Not thread-safe while being filled; treat as
 * immutable afterwards.
 */
final class Pixels8 {
  final int width;
  final int height;
  final int channels;
  final byte[] data;

  Pixels8(int width, int height, int channels, byte[] data) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
    }
    if ((long) width * height * channels != data.length) {
      throw new IllegalArgumentException("pixel array length " + data.length + " != " + width + "x" + height
          + "x" + channels);
    }
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.data = data;
  }

  /** True when {@code img} stores grey values (not a palette), with or without alpha. */
  static boolean isGrey(BufferedImage img) {
    ColorModel cm = img.getColorModel();
    return !(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  /** Grey images as 1 channel, every other image as 3 channels (alpha composited on black). */
  static Pixels8 of(BufferedImage img) {
    return isGrey(img) ? grey(img) : rgb(img);
  }

  /**
   * 3 channels. Grey is replicated into R, G and B (as PIL's {@code convert('RGB')}); colour comes from
   * {@link BufferedImage#getRGB} (sRGB); alpha is composited on black: {@code round(c * a / 255)}.
   */
  static Pixels8 rgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
    if (isGrey(img)) {
      byte[] g = grey(img).data;
      for (int i = 0, o = 0; i < g.length; i++, o += 3) {
        out[o] = g[i];
        out[o + 1] = g[i];
        out[o + 2] = g[i];
      }
      return new Pixels8(w, h, 3, out);
    }
    boolean alpha = img.getColorModel().hasAlpha();
    int[] row = new int[w];
    int o = 0;
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        int r = (argb >>> 16) & 0xff;
        int g = (argb >>> 8) & 0xff;
        int b = argb & 0xff;
        if (alpha) {
          int a = argb >>> 24;
          r = over(r, a);
          g = over(g, a);
          b = over(b, a);
        }
        out[o++] = (byte) r;
        out[o++] = (byte) g;
        out[o++] = (byte) b;
      }
    }
    return new Pixels8(w, h, 3, out);
  }

  /**
   * 1 channel. Grey images keep their stored values (scaled to 8 bits, alpha composited on black); colour
   * images use ITU-R BT.601 luma with PIL's fixed-point rounding:
   * {@code L = (19595 R + 38470 G + 7471 B + 32768) >> 16}.
   */
  static Pixels8 grey(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[Math.multiplyExact(w, h)];
    if (!isGrey(img)) {
      byte[] c = rgb(img).data;
      for (int i = 0, j = 0; i < out.length; i++, j += 3) {
        out[i] = (byte) luma(c[j] & 0xff, c[j + 1] & 0xff, c[j + 2] & 0xff);
      }
      return new Pixels8(w, h, 1, out);
    }
    ColorModel cm = img.getColorModel();
    Raster raster = img.getRaster();
    int greyMax = (1 << cm.getComponentSize(0)) - 1;
    boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
    int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
    int[] v = new int[w];
    int[] a = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, v);
      if (alpha) {
        raster.getSamples(0, y, w, 1, 1, a);
      }
      for (int x = 0; x < w; x++) {
        int g = to8(v[x], greyMax);
        out[y * w + x] = (byte) (alpha ? over(g, to8(a[x], alphaMax)) : g);
      }
    }
    return new Pixels8(w, h, 1, out);
  }

  /** PIL's {@code convert('L')} luma (ITU-R BT.601, 16-bit fixed point, rounded). */
  static int luma(int r, int g, int b) {
    return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
  }

  private static int to8(int value, int max) {
    return max == 255 ? value : (int) ((value * 255L + max / 2) / max);
  }

  private static int over(int c, int a) {
    return (c * a + 127) / 255;
  }

  /** As {@link BufferedImage#TYPE_BYTE_GRAY} (1 channel) or {@link BufferedImage#TYPE_INT_RGB} (3). */
  BufferedImage toImage() {
    if (channels == 1) {
      BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
      byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      System.arraycopy(data, 0, dst, 0, data.length);
      return img;
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int i = 0, j = 0; i < dst.length; i++, j += 3) {
      dst[i] = (data[j] & 0xff) << 16 | (data[j + 1] & 0xff) << 8 | (data[j + 2] & 0xff);
    }
    return img;
  }
}
