package org.radmd.pipelines.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;

/**
 * RadFM's stacked RP3D array (radfm-spec §1.3, {@code nii2npy_for_radiopaedio.py}): all series of one study in
 * one NumPy {@code .npy} of shape {@code (S, 3, 512, 512, z)}, grey replicated to 3 channels, H = rows (NIfTI y),
 * W = columns (NIfTI x), every series resampled to the same depth {@code z} = the median of the series' depths
 * (for an even count the lower of the two middle values, so z is a whole slice count; RadFM's float median
 * would need a crop or pad), nearest neighbour ({@code src = floor(dst * in / out)}, PyTorch's rule, as
 * {@link org.radmd.core.image.RadfmInput}).
 *
 * <p>Stored as {@code uint8} ({@code '|u1'}), not float: RP3D volumes are 8-bit greys, and RadFM's loaders min-max
 * scale whatever {@code np.load} returns, so the model sees the same values at a quarter of the size. A series
 * whose stored values are not all whole numbers in 0..255 (e.g. CT in HU) is min-max scaled to 0..255 first.
 * Written atomically. Stateless and thread-safe.
 */
public final class NpyStack {
  /** Height and width, pixels. */
  public static final int SIZE = 512;

  private NpyStack() {}

  /** The common depth z of series with these depths (lower median). */
  public static int depth(List<Integer> depths) {
    if (depths.isEmpty()) {
      throw new IllegalArgumentException("no series");
    }
    List<Integer> sorted = new ArrayList<>(depths);
    sorted.sort(null);
    return Math.max(1, sorted.get((sorted.size() - 1) / 2));
  }

  /**
   * Writes the stack of {@code volumes} (NIfTI files, in series order) to {@code out}.
   *
   * @param depths each volume's slice count (D of its stored {@code [C, H, W, D]} shape), giving z
   * @param out the {@code .npy} file
   * @return the array shape {@code [S, 3, 512, 512, z]}
   * @throws IllegalArgumentException if there are no volumes or the depths do not match them
   * @throws IOException if a volume cannot be read or the file written
   */
  public static List<Integer> write(List<Path> volumes, List<Integer> depths, Path out) throws IOException {
    if (volumes.isEmpty() || volumes.size() != depths.size()) {
      throw new IllegalArgumentException(volumes.size() + " volumes, " + depths.size() + " depths");
    }
    int z = depth(depths);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
    try {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
        os.write(header(volumes.size(), z));
        for (Path v : volumes) {
          byte[] block = block(Nifti.read(v), z);
          for (int c = 0; c < 3; c++) {
            os.write(block);
          }
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return List.of(volumes.size(), 3, SIZE, SIZE, z);
  }

  /** One channel of one series, [512][512][z] in C order. */
  static byte[] block(NiftiImage img, int z) {
    int[] dim = img.dim();
    int nx = dim[0];
    int ny = dim.length > 1 ? dim[1] : 1;
    int nz = dim.length > 2 ? dim[2] : 1;
    double[] data = img.data();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean bytes = true;
    for (int i = 0; i < nx * ny * nz; i++) {
      double v = img.scale(data[i]);
      min = Math.min(min, v);
      max = Math.max(max, v);
      bytes &= v >= 0 && v <= 255 && v == Math.rint(v);
    }
    double range = max - min;
    int[] sz = nearest(z, nz);
    int[] sy = nearest(SIZE, ny);
    int[] sx = nearest(SIZE, nx);
    byte[] out = new byte[SIZE * SIZE * z];
    int k = 0;
    for (int h = 0; h < SIZE; h++) {
      for (int w = 0; w < SIZE; w++) {
        for (int d = 0; d < z; d++) {
          double v = img.scale(data[sx[w] + nx * (sy[h] + ny * sz[d])]);
          int b = bytes ? (int) v : range > 0 ? (int) Math.round((v - min) / range * 255) : 0;
          out[k++] = (byte) b;
        }
      }
    }
    return out;
  }

  static int[] nearest(int out, int in) {
    int[] src = new int[out];
    for (int i = 0; i < out; i++) {
      src[i] = (int) Math.min(in - 1, Math.floor(i * (double) in / out));
    }
    return src;
  }

  /** NumPy format 1.0 header of a uint8 C-order array (s, 3, 512, 512, z). */
  static byte[] header(int s, int z) {
    String dict = String.format(Locale.ROOT,
        "{'descr': '|u1', 'fortran_order': False, 'shape': (%d, 3, %d, %d, %d), }", s, SIZE, SIZE, z);
    int unpadded = 10 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    byte[] t = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] h = new byte[10 + t.length];
    h[0] = (byte) 0x93;
    System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, h, 1, 5);
    h[6] = 1;
    h[8] = (byte) (t.length & 0xff);
    h[9] = (byte) (t.length >> 8);
    System.arraycopy(t, 0, h, 10, t.length);
    return h;
  }
}
