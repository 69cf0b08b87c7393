package org.radmd.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.radmd.core.Ids;

/**
 * 2D image I/O and the pixel operations the pipeline needs: decode, colour conversion, deterministic
 * resizing, a content hash of the decoded pixels, and deterministic PNG output.
 *
 * <p>Sizes are in pixels. Conversions and resampling are computed in pure Java on the pixel arrays (not
 * through Java2D rendering), so the same input gives the same bytes on every platform. Methods never
 * modify their input image and, unless stated, return a new image. Stateless and thread-safe (the
 * images passed in must not be modified concurrently).
 */
public final class Images {
  static {
    ImageIoPlugins.refresh(); // once per class loader: a Flink job's fresh user-code loader (see ImageIoPlugins)
  }

  /**
   * Largest image accepted by {@link #read}, in pixels (width x height): 2<sup>28</sup>, about 268
   * megapixels, so that a malformed or hostile header cannot make the decoder allocate gigabytes.
   */
  public static final long MAX_PIXELS = 1L << 28;

  private Images() {}

  /**
   * Decodes an image file with ImageIO (JPEG, PNG, GIF, BMP, plus any installed reader plugin). The format
   * is detected from the content, not the file name. The whole image is decoded: any decoder warning
   * (e.g. libjpeg's "Premature end of JPEG file" for a truncated JPEG, which would otherwise come back
   * silently padded with grey) is treated as an error. Only the first image of a multi-image file (animated
   * GIF) is read.
   *
   * @param file the image file
   * @return the decoded image in the reader's native type (use {@link #toRgb} / {@link #toGray} to
   *     normalize); never null
   * @throws ImageDecodeException if the file is missing, empty, unreadable, truncated or corrupt, larger than
   *     {@link #MAX_PIXELS}, or in a format no reader supports
   */
  public static BufferedImage read(Path file) throws ImageDecodeException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new ImageDecodeException(file, "no such file");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ImageDecodeException(file, "unreadable (" + e + ")", e);
    }
    if (size == 0) {
      throw new ImageDecodeException(file, "empty file (0 bytes)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new ImageDecodeException(file, "unreadable (no image input stream)");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageDecodeException(file, "unsupported or unrecognised image format");
      }
      ImageReader reader = readers.next();
      try {
        return decode(file, in, reader);
      } finally {
        reader.dispose();
      }
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException(file, "corrupt or unreadable image (" + e + ")", e);
    }
  }

  private static BufferedImage decode(Path file, ImageInputStream in, ImageReader reader)
      throws IOException {
    String format = reader.getFormatName();
    reader.setInput(in, true, true);
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
    if (pixels > MAX_PIXELS) {
      throw new ImageDecodeException(file, format + " image too large: " + reader.getWidth(0) + "x"
          + reader.getHeight(0) + " px > " + MAX_PIXELS + " px");
    }
    BufferedImage img = reader.read(0);
    if (img == null) {
      throw new ImageDecodeException(file, format + " reader returned no image");
    }
    if (!warnings.isEmpty()) {
      throw new ImageDecodeException(file, "truncated or corrupt " + format + " (" + warnings.get(0) + ")");
    }
    return img;
  }

  /**
   * A {@link BufferedImage#TYPE_INT_RGB} copy. Grey is replicated to R, G and B (PIL's
   * {@code convert('RGB')}); 16-bit and low-bit-depth samples are scaled to 8 bits; alpha is composited on
   * black.
   */
  public static BufferedImage toRgb(BufferedImage img) {
    return Pixels8.rgb(img).toImage();
  }

  /**
   * A {@link BufferedImage#TYPE_BYTE_GRAY} copy. Grey images keep their values (scaled to 8 bits); colour
   * images use ITU-R BT.601 luma exactly as PIL's {@code convert('L')}:
   * {@code L = (19595 R + 38470 G + 7471 B + 32768) >> 16}. Alpha is first composited on black.
   */
  public static BufferedImage toGray(BufferedImage img) {
    return Pixels8.grey(img).toImage();
  }

  /**
   * Shrinks the image so that its longest side is at most {@code maxSide} px, keeping the aspect ratio;
   * never upscales. The shorter side becomes {@code round_half_up(short * maxSide / long)}, at least 1
   * (630x601 capped at 512 gives 512x488). Downscaling is area averaging ({@link Resampler#areaAverage}),
   * which is deterministic and free of aliasing.
   *
   * @param maxSide the longest allowed side in px, at least 1
   * @return {@code img} itself when it already fits; otherwise a new {@link BufferedImage#TYPE_BYTE_GRAY}
   *     image for grey input, else {@link BufferedImage#TYPE_INT_RGB}
   * @throws IllegalArgumentException if {@code maxSide < 1}
   */
  public static BufferedImage capLongestSide(BufferedImage img, int maxSide) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be at least 1: " + maxSide);
    }
    int w = img.getWidth();
    int h = img.getHeight();
    int longest = Math.max(w, h);
    if (longest <= maxSide) {
      return img;
    }
    int nw = w == longest ? maxSide : scaledSide(w, maxSide, longest);
    int nh = h == longest ? maxSide : scaledSide(h, maxSide, longest);
    return Resampler.areaAverage(Pixels8.of(img), nw, nh).toImage();
  }

  /** {@code round_half_up(side * target / longest)}, at least 1, in exact integer arithmetic. */
  static int scaledSide(int side, int target, int longest) {
    long twice = 2L * side * target + longest;
    return (int) Math.max(1, twice / (2L * longest));
  }

  /**
   * Bilinear resize to exactly {@code width x height} px (aspect ratio not kept), with OpenCV's
   * {@code INTER_LINEAR} pixel-centre convention and edge clamping; deterministic. Grey input gives
   * {@link BufferedImage#TYPE_BYTE_GRAY}, anything else {@link BufferedImage#TYPE_INT_RGB}.
   *
   * @throws IllegalArgumentException if a target side is below 1
   */
  public static BufferedImage resize(BufferedImage img, int width, int height) {
    return Resampler.bilinear(Pixels8.of(img), width, height).toImage();
  }

  /**
   * Lower-case hex SHA-256 of the decoded picture: width and height as 4-byte big-endian ints, then the
   * pixels of {@link #toRgb} row by row as R, G, B bytes. Lossless re-encodings of the same picture (PNG,
   * BMP, grey or RGB storage of a grey picture) give the same hash; any pixel change gives another.
   */
  public static String pixelHash(BufferedImage img) {
    Pixels8 p = Pixels8.rgb(img);
    MessageDigest md = Ids.sha256();
    md.update(ByteBuffer.allocate(8).putInt(p.width).putInt(p.height).array());
    md.update(p.data);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Writes an 8-bit PNG: grey images ({@link Pixels8#isGrey}) as grey, everything else as RGB with alpha
   * composited on black. The bytes depend only on the pixels (no timestamp or metadata chunks), so the same
   * image always gives the same file. The write is atomic (a temporary file in the same folder, then renamed
   * over {@code out}); missing parent folders are created.
   *
   * @throws IOException if the file cannot be written
   */
  public static void writePng(BufferedImage img, Path out) throws IOException {
    BufferedImage normalized = Pixels8.of(img).toImage();
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer installed");
    }
    ImageWriter writer = writers.next();
    try {
      AtomicFiles.write(out, os -> {
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(os)) {
          writer.setOutput(ios);
          writer.write(null, new IIOImage(normalized, null, null), writer.getDefaultWriteParam());
        }
      });
    } finally {
      writer.dispose();
    }
  }
}
