package org.radmd.radfm.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;
import org.radmd.core.image.RadfmInput;

/**
 * Loads one image file as RadFM's model input (radfm-spec §3), a {@link ImageTensor} {@code [3, H, W, D]} in
 * [0, 1].
 *
 * <ul>
 *   <li>2D (PNG, JPEG, GIF, BMP): decoded by {@link Images#read}, converted to RGB (grey replicated to 3 channels,
 *       PIL's {@code convert('RGB')}), resized to {@code size x size} with {@link Images#resize} (bilinear,
 *       deterministic) and divided by 255; D = 1. This replaces RadFM's {@code RandomResizedCrop(512, scale=(0.8,
 *       1))}, which RadFM also used at test time: evaluation and serving must be deterministic, and a full-frame
 *       resize keeps the whole image (a crop can cut findings at the border). Stacking later repeats the slice to
 *       D = 4 ({@link ImageStacker}).
 *   <li>3D (NIfTI-1/2, {@code .nii} or {@code .nii.gz}): the first time point, {@code scl_slope}/{@code scl_inter}
 *       applied, min-max scaled over the whole volume to [0, 1] (no HU windowing, as RadFM; a constant volume gives
 *       zeros; NaN voxels are left out of min/max and read as 0, where RadFM substitutes random noise), grey
 *       replicated to 3 channels, and resized with PyTorch's nearest rule to {@code size x size x D}, D = the
 *       slice count snapped to the nearest of 4, 8, ..., 64 ({@link RadfmInput#snapDepth}). Rows (H) are NIfTI y,
 *       columns (W) NIfTI x, as {@link RadfmInput}.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class RadfmImageLoader {
  private final int size;

  /**
   * @param size H = W of the output, pixels (RadFM: 512; must be a multiple of 32 for the ViT's patches)
   * @throws IllegalArgumentException if {@code size} is not a positive multiple of 32
   */
  public RadfmImageLoader(int size) {
    if (size < 32 || size % 32 != 0) {
      throw new IllegalArgumentException("size must be a positive multiple of 32: " + size);
    }
    this.size = size;
  }

  /** RadFM's 512 x 512 input. */
  public static RadfmImageLoader radfm() {
    return new RadfmImageLoader(RadfmInput.SIZE);
  }

  /** H = W of the output, pixels. */
  public int size() {
    return size;
  }

  /** True for {@code .nii} and {@code .nii.gz} names (case-insensitive). */
  public static boolean isNifti(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".nii") || n.endsWith(".nii.gz");
  }

  /**
   * Loads a 2D image or a NIfTI volume (chosen by file name).
   *
   * @throws IOException if the file is missing, truncated, corrupt or in an unsupported format (the message names
   *     the file)
   */
  public ImageTensor load(Path file) throws IOException {
    return isNifti(file.getFileName().toString()) ? loadVolume(file) : loadImage(file);
  }

  /**
   * A 2D image as {@code [3, size, size, 1]}.
   *
   * @throws ImageDecodeException if the image cannot be decoded
   */
  public ImageTensor loadImage(Path file) throws ImageDecodeException {
    BufferedImage rgb = Images.toRgb(Images.read(file));
    if (rgb.getWidth() != size || rgb.getHeight() != size) {
      rgb = Images.toRgb(Images.resize(rgb, size, size));
    }
    int plane = size * size;
    float[] out = new float[3 * plane];
    int[] row = new int[size];
    for (int y = 0; y < size; y++) {
      rgb.getRGB(0, y, size, 1, row, 0, size);
      for (int x = 0; x < size; x++) {
        int p = row[x];
        int i = y * size + x; // D = 1, so (c, h, w, 0) is at c * plane + h * W + w
        out[i] = ((p >> 16) & 0xff) / 255f;
        out[plane + i] = ((p >> 8) & 0xff) / 255f;
        out[2 * plane + i] = (p & 0xff) / 255f;
      }
    }
    return new ImageTensor(out, 3, size, size, 1);
  }

  /**
   * A NIfTI volume as {@code [3, size, size, D]}, D in {4, 8, ..., 64}.
   *
   * @throws IOException if the file cannot be read as NIfTI
   */
  public ImageTensor loadVolume(Path file) throws IOException {
    NiftiImage v = Nifti.read(file);
    int[] dim = v.dim();
    if (dim.length < 2) {
      throw new IOException(file + ": NIfTI image has fewer than 2 dimensions");
    }
    int nx = dim[0];
    int ny = dim[1];
    int nz = dim.length > 2 ? dim[2] : 1;
    double[] data = v.data();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
    for (int i = 0; i < n; i++) {
      double s = v.scale(data[i]);
      if (!Double.isNaN(s)) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
    }
    double range = max - min;
    int depth = RadfmInput.snapDepth(nz);
    int[] sz = ImageTensor.Nearest.indices(depth, nz);
    int[] sy = ImageTensor.Nearest.indices(size, ny);
    int[] sx = ImageTensor.Nearest.indices(size, nx);
    int plane = size * size * depth;
    float[] out = new float[Math.multiplyExact(3, plane)];
    int o = 0;
    for (int h = 0; h < size; h++) {
      for (int w = 0; w < size; w++) {
        for (int d = 0; d < depth; d++) {
          double s = v.scale(data[sx[w] + nx * (sy[h] + ny * sz[d])]);
          out[o++] = range > 0 && !Double.isNaN(s) ? (float) ((s - min) / range) : 0f;
        }
      }
    }
    System.arraycopy(out, 0, out, plane, plane);
    System.arraycopy(out, 0, out, 2 * plane, plane);
    return new ImageTensor(out, 3, size, size, depth);
  }
}
