package org.radmd.core.image;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * RadFM's model-input layout of a volume (radfm-spec §3): a float32 array of shape {@code [3, 512, 512, D]}
 * ({@code [C, H, W, D]}: grey replicated to 3 channels, H = rows = NIfTI y, W = columns = NIfTI x, D = slices)
 * with D snapped to the nearest of 4, 8, ..., 64 (ties keep the smaller, as RadFM's {@code stack_images}),
 * resampled with PyTorch's {@code nearest} rule ({@code src = floor(dst * in / out)}) and min-max scaled to
 * [0, 1] over the whole volume (a constant volume gives zeros). Written as NumPy {@code .npy} (format 1.0,
 * {@code '<f4'}, C order), which RadFM's loaders read with {@code np.load}. Stateless and thread-safe.
 */
public final class RadfmInput {
  /** Height and width of RadFM's input, pixels. */
  public static final int SIZE = 512;
  /** Smallest and largest depth RadFM stacks to, slices. */
  public static final int MIN_DEPTH = 4;
  public static final int MAX_DEPTH = 64;

  private RadfmInput() {}

  /** The depth RadFM uses for a volume of {@code depth} slices: nearest multiple of 4 in [4, 64]. */
  public static int snapDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be >= 1: " + depth);
    }
    int lower = Math.max(MIN_DEPTH, Math.min(MAX_DEPTH, (depth / 4) * 4));
    int upper = Math.min(MAX_DEPTH, lower + 4);
    return depth - lower <= upper - depth ? lower : upper;
  }

  /** The output shape {@code [3, 512, 512, D]} for a volume of {@code depth} slices. */
  public static List<Integer> shape(int depth) {
    return List.of(3, SIZE, SIZE, snapDepth(depth));
  }

  /**
   * Writes the RadFM input of {@code volume} (its first time point; scaling by scl_slope/scl_inter applied)
   * as {@code .npy}, atomically.
   *
   * @throws IllegalArgumentException if the image has fewer than 2 dimensions
   * @throws IOException if writing fails
   */
  public static void writeNpy(NiftiImage volume, Path out) throws IOException {
    int[] dim = volume.dim();
    if (dim.length < 2) {
      throw new IllegalArgumentException("need at least 2 dimensions, got " + dim.length);
    }
    int nx = dim[0];
    int ny = dim[1];
    int nz = dim.length > 2 ? dim[2] : 1;
    double[] data = volume.data();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < nx * ny * nz; i++) {
      double v = volume.scale(data[i]);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    int depth = snapDepth(nz);
    int[] srcZ = nearest(depth, nz);
    int[] srcY = nearest(SIZE, ny);
    int[] srcX = nearest(SIZE, nx);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".radfm", ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp);
          DataOutputStream w = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
        w.write(header(depth));
        for (int c = 0; c < 3; c++) {
          for (int h = 0; h < SIZE; h++) {
            for (int x = 0; x < SIZE; x++) {
              for (int d = 0; d < depth; d++) {
                double v = volume.scale(data[srcX[x] + nx * (srcY[h] + ny * srcZ[d])]);
                float f = range > 0 ? (float) ((v - min) / range) : 0f;
                w.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(f)));
              }
            }
          }
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** PyTorch {@code F.interpolate(mode='nearest')}: output index i reads input floor(i * in / out). */
  static int[] nearest(int out, int in) {
    int[] src = new int[out];
    for (int i = 0; i < out; i++) {
      src[i] = (int) Math.min(in - 1, Math.floor(i * (double) in / out));
    }
    return src;
  }

  /** NumPy format 1.0 header for a float32 C-order array of shape (3, 512, 512, depth). */
  static byte[] header(int depth) {
    String dict = String.format(Locale.ROOT,
        "{'descr': '<f4', 'fortran_order': False, 'shape': (3, %d, %d, %d), }", SIZE, SIZE, depth);
    int unpadded = 10 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    String text = dict + " ".repeat(pad) + "\n";
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    byte[] h = new byte[10 + t.length];
    h[0] = (byte) 0x93;
    System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, h, 1, 5);
    h[6] = 1;
    h[7] = 0;
    h[8] = (byte) (t.length & 0xff);
    h[9] = (byte) (t.length >> 8);
    System.arraycopy(t, 0, h, 10, t.length);
    return h;
  }
}
