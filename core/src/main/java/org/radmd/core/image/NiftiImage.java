package org.radmd.core.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A NIfTI-1 or NIfTI-2 image as read by {@link Nifti#read}.
 *
 * <p>Arrays are copied on construction and by every accessor, so the record is immutable and thread-safe;
 * {@link #voxel} reads without copying. {@code equals} compares array contents.
 *
 * @param dim the shape, {@code dim[1..dim[0]]} of the header: e.g. {@code {33, 41, 25}} for a 3D image,
 *     {@code {32, 20, 12, 2}} for 4D; index 0 is x (fastest in {@code data}), 1 is y, 2 is z, 3 is t
 * @param datatype the NIfTI datatype code of the stored voxels (2 uint8, 4 int16, 8 int32, 16 float32,
 *     64 float64, 256 int8, 512 uint16, 768 uint32, 1024 int64)
 * @param pixdim voxel size per dimension, {@code pixdim[1..dim[0]]} of the header (same length as
 *     {@code dim}); spatial units per {@code xyzt_units}, usually mm (nibabel's "zooms")
 * @param affine 4x4 voxel-to-world matrix (mm): the sform when {@code sform_code > 0}, else the qform when
 *     {@code qform_code > 0}, else {@code diag(pixdim[0..2], 1)}
 * @param sclSlope {@code scl_slope}; 0 or NaN means "no scaling"
 * @param sclInter {@code scl_inter}
 * @param data every voxel as stored (not scaled), x fastest, then y, z, t; length = product of {@code dim}
 */
public record NiftiImage(int[] dim, int datatype, double[] pixdim, double[][] affine, double sclSlope,
    double sclInter, double[] data) {

  public NiftiImage {
    dim = dim.clone();
    pixdim = pixdim.clone();
    affine = deepCopy(affine);
    data = data.clone();
    if (dim.length == 0 || pixdim.length != dim.length) {
      throw new IllegalArgumentException("dim and pixdim must have the same, positive length");
    }
    if (affine.length != 4 || Arrays.stream(affine).anyMatch(r -> r.length != 4)) {
      throw new IllegalArgumentException("affine must be 4x4");
    }
    long n = 1;
    for (int d : dim) {
      if (d < 1) {
        throw new IllegalArgumentException("non-positive dimension in " + Arrays.toString(dim));
      }
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("data length " + data.length + " != product of dims " + n);
    }
  }

  @Override
  public int[] dim() {
    return dim.clone();
  }

  @Override
  public double[] pixdim() {
    return pixdim.clone();
  }

  @Override
  public double[][] affine() {
    return deepCopy(affine);
  }

  /** A copy of all voxels (can be large; prefer {@link #voxel}). */
  @Override
  public double[] data() {
    return data.clone();
  }

  /** Number of dimensions ({@code dim[0]} of the header). */
  public int ndim() {
    return dim.length;
  }

  /** Size along dimension {@code i}; 1 beyond {@link #ndim()}. */
  public int size(int i) {
    return i < dim.length ? dim[i] : 1;
  }

  /**
   * The stored value at (x, y, z) of the first volume (t = 0), unscaled.
   *
   * @throws IndexOutOfBoundsException outside the image
   */
  public double voxel(int x, int y, int z) {
    return voxel(x, y, z, 0);
  }

  /** The stored value at (x, y, z, t), unscaled. */
  public double voxel(int x, int y, int z, int t) {
    Objects.checkIndex(x, size(0));
    Objects.checkIndex(y, size(1));
    Objects.checkIndex(z, size(2));
    Objects.checkIndex(t, size(3));
    return data[x + size(0) * (y + size(1) * (z + size(2) * t))];
  }

  /** {@code value * scl_slope + scl_inter}, or {@code value} when the slope is 0 or not finite. */
  public double scale(double value) {
    return sclSlope == 0 || !Double.isFinite(sclSlope) ? value : value * sclSlope + sclInter;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NiftiImage n && Arrays.equals(dim, n.dim) && datatype == n.datatype
        && Arrays.equals(pixdim, n.pixdim) && Arrays.deepEquals(affine, n.affine)
        && Double.compare(sclSlope, n.sclSlope) == 0 && Double.compare(sclInter, n.sclInter) == 0
        && Arrays.equals(data, n.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(dim), datatype, Arrays.hashCode(pixdim), Arrays.deepHashCode(affine),
        sclSlope, sclInter, Arrays.hashCode(data));
  }

  /** Header facts only; the voxel data is summarised by its length. */
  @Override
  public String toString() {
    return "NiftiImage[dim=" + Arrays.toString(dim) + ", datatype=" + datatype + ", pixdim="
        + Arrays.toString(pixdim) + ", affine=" + Arrays.deepToString(affine) + ", sclSlope=" + sclSlope
        + ", sclInter=" + sclInter + ", voxels=" + data.length + "]";
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
