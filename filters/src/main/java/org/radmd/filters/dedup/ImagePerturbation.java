package org.radmd.filters.dedup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.radmd.core.image.Images;

/**
 * The edits a figure goes through between sources, used to build the labelled image evaluation set (issue 5,
 * "Must show"): JPEG re-encoding at quality 60-90, resizing to 25-200 %, cropping up to 10 %, conversion to
 * grey, and re-windowing (a new intensity window: contrast and brightness change with clipping), plus one
 * combination of all but grey. Each kind draws its parameters from the {@link Random} it is given, so a
 * seeded generator gives the same evaluation set on every run.
 *
 * <p>Pixel operations go through {@link Images} (bilinear resize, BT.601 grey) and ImageIO's JPEG writer.
 */
public enum ImagePerturbation {
  /** JPEG re-encoding at a quality drawn from 60..90 (ImageIO's libjpeg-style quality scale). */
  JPEG {
    @Override
    public BufferedImage apply(BufferedImage img, Random rnd) {
      return jpeg(img, 0.60f + 0.30f * rnd.nextFloat());
    }
  },
  /** Bilinear resize by one factor in both directions, drawn log-uniformly from 0.25..2.0. */
  RESIZE {
    @Override
    public BufferedImage apply(BufferedImage img, Random rnd) {
      return scale(img, Math.exp(Math.log(0.25) + rnd.nextDouble() * Math.log(2.0 / 0.25)));
    }
  },
  /**
   * A crop removing a fraction drawn from 2..10 % of the width and, independently, of the height, split at
   * random between the two opposite sides.
   */
  CROP {
    @Override
    public BufferedImage apply(BufferedImage img, Random rnd) {
      return crop(img, 0.02 + 0.08 * rnd.nextDouble(), 0.02 + 0.08 * rnd.nextDouble(), rnd);
    }
  },
  /** Conversion to 8-bit grey (BT.601 luma); a no-op on pictures that are already grey. */
  GREY {
    @Override
    public BufferedImage apply(BufferedImage img, Random rnd) {
      return Images.toGray(img);
    }
  },
  /**
   * A new display window: intensity {@code v} becomes {@code 255 (v - lo) / (hi - lo)}, clipped to 0..255,
   * with {@code lo} drawn from -40..40 and {@code hi} from 215..295 (a window narrower than the stored range
   * raises contrast and clips; a wider one lowers it; an off-centre one shifts brightness).
   */
  WINDOW {
    @Override
    public BufferedImage apply(BufferedImage img, Random rnd) {
      return window(img, -40 + 80 * rnd.nextDouble(), 215 + 80 * rnd.nextDouble());
    }
  },
  /** RESIZE, then CROP, then WINDOW, then JPEG, each with its own draw. */
  COMBINED {
    @Override
    public BufferedImage apply(BufferedImage img, Random rnd) {
      return JPEG.apply(WINDOW.apply(CROP.apply(RESIZE.apply(img, rnd), rnd), rnd), rnd);
    }
  };

  /**
   * This edit of {@code img}.
   *
   * @param img the picture; not modified
   * @param rnd source of the edit's parameters; advanced
   * @return a new image
   */
  public abstract BufferedImage apply(BufferedImage img, Random rnd);

  /** Re-encodes as baseline JPEG at {@code quality} in 0..1 and decodes again. */
  public static BufferedImage jpeg(BufferedImage img, float quality) {
    BufferedImage src = Images.toRgb(img);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(src, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bilinear resize of both sides by {@code factor} (at least 1 px each). */
  public static BufferedImage scale(BufferedImage img, double factor) {
    int w = Math.max(1, (int) Math.round(img.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(img.getHeight() * factor));
    return Images.resize(img, w, h);
  }

  /**
   * Removes {@code fx} of the width and {@code fy} of the height (fractions in 0..1), split between the
   * opposite sides by {@code rnd}.
   */
  public static BufferedImage crop(BufferedImage img, double fx, double fy, Random rnd) {
    int w = img.getWidth();
    int h = img.getHeight();
    int cutX = (int) Math.round(w * fx);
    int cutY = (int) Math.round(h * fy);
    int left = (int) Math.round(cutX * rnd.nextDouble());
    int top = (int) Math.round(cutY * rnd.nextDouble());
    int nw = Math.max(1, w - cutX);
    int nh = Math.max(1, h - cutY);
    return Images.toRgb(img.getSubimage(Math.min(left, w - nw), Math.min(top, h - nh), nw, nh));
  }

  /** Maps every channel {@code v} to {@code clip(round(255 (v - lo) / (hi - lo)))}; {@code hi > lo}. */
  public static BufferedImage window(BufferedImage img, double lo, double hi) {
    if (!(hi > lo)) {
      throw new IllegalArgumentException("window needs hi > lo: " + lo + ", " + hi);
    }
    int[] lut = new int[256];
    for (int v = 0; v < 256; v++) {
      lut[v] = (int) Math.max(0, Math.min(255, Math.round(255 * (v - lo) / (hi - lo))));
    }
    BufferedImage rgb = Images.toRgb(img);
    BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < rgb.getHeight(); y++) {
      for (int x = 0; x < rgb.getWidth(); x++) {
        int p = rgb.getRGB(x, y);
        out.setRGB(x, y, lut[(p >>> 16) & 0xff] << 16 | lut[(p >>> 8) & 0xff] << 8 | lut[p & 0xff]);
      }
    }
    return out;
  }
}
