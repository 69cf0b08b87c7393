package org.radmd.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.radmd.core.Ids;

/**
 * A grey 3D volume of unsigned 8-bit voxels with shape {@code [W, H, D]} = {@code [x, y, z]} in NIfTI order:
 * x fastest in {@link #voxels()}, then y, then z.
 *
 * <p>Orientation of volumes built from slice images ({@link #fromSlices}): x = image column (left to right
 * as displayed), y = image row (row 0, the top of the picture, is y = 0), z = position in the slice list.
 * So {@link #slice(int)} gives back each picture upright, and in RadFM's {@code [3, H, W, D]} layout
 * ({@link #radfmShape()}) H indexes rows and W columns, as numpy's {@code (rows, cols)} image arrays.
 * When written with {@link Nifti#writeNiftiGz} the affine is diagonal, so viewers that assume RAS display
 * these slices flipped vertically; consumers that index the voxel array (RadFM's nii2npy) are unaffected.
 *
 * <p>Immutable: the voxel array is copied on the way in and out. Thread-safe.
 */
public final class Volume {
  private final int width;
  private final int height;
  private final int depth;
  private final byte[] voxels;
  private final double[] spacingMm;

  private Volume(int width, int height, int depth, byte[] voxels, double[] spacingMm) {
    this.width = width;
    this.height = height;
    this.depth = depth;
    this.voxels = voxels;
    this.spacingMm = spacingMm;
  }

  /**
   * A volume over a copy of {@code voxels}.
   *
   * @param width W, voxels along x (at least 1)
   * @param height H, voxels along y (at least 1)
   * @param depth D, voxels along z (slices, at least 1)
   * @param voxels {@code W*H*D} unsigned 8-bit values, x fastest, then y, then z
   * @param spacingMm voxel size {@code {dx, dy, dz}} in mm, each positive; null means unknown = 1, 1, 1
   * @throws IllegalArgumentException on a non-positive size or spacing, or a wrong array length
   */
  public static Volume of(int width, int height, int depth, byte[] voxels, double[] spacingMm) {
    if (width < 1 || height < 1 || depth < 1) {
      throw new IllegalArgumentException("volume size must be positive: " + width + "x" + height + "x" + depth);
    }
    long n = (long) width * height * depth;
    if (voxels.length != n) {
      throw new IllegalArgumentException("voxel array length " + voxels.length + " != " + n);
    }
    double[] sp = spacingMm == null ? new double[] {1, 1, 1} : spacingMm.clone();
    if (sp.length != 3 || Arrays.stream(sp).anyMatch(d -> !(d > 0) || Double.isInfinite(d))) {
      throw new IllegalArgumentException("spacing must be 3 positive numbers (mm): " + Arrays.toString(sp));
    }
    return new Volume(width, height, depth, voxels.clone(), sp);
  }

  /**
   * Builds a volume from slice images as RadFM's jpg2nii does (radfm-spec §1.3): each slice is decoded, made
   * grey (BT.601 luma, {@link Images#toGray}), resized to {@code size x size} px bilinearly
   * ({@link Images#resize}), and stacked in the given order (first path = z 0). Spacing is unknown (1, 1, 1).
   * Grey is computed from the decoded RGB, so it may differ by one level from a decoder's own grey output
   * (e.g. libjpeg's luma when a JPEG is read directly as greyscale).
   *
   * @param slicesInOrder slice files in stack order (the caller sorts, e.g. by numeric file stem)
   * @param size output width and height in px (RadFM: 512)
   * @return a {@code size x size x slicesInOrder.size()} volume
   * @throws ImageDecodeException if any slice cannot be decoded; the message names that slice
   * @throws IllegalArgumentException if the list is empty or {@code size < 1}
   */
  public static Volume fromSlices(List<Path> slicesInOrder, int size) throws ImageDecodeException {
    Objects.requireNonNull(slicesInOrder, "slicesInOrder");
    if (slicesInOrder.isEmpty()) {
      throw new IllegalArgumentException("a volume needs at least one slice");
    }
    if (size < 1) {
      throw new IllegalArgumentException("slice size must be positive: " + size);
    }
    int plane = Math.multiplyExact(size, size);
    byte[] vox = new byte[Math.multiplyExact(plane, slicesInOrder.size())];
    for (int z = 0; z < slicesInOrder.size(); z++) {
      Pixels8 grey = Pixels8.grey(Images.read(slicesInOrder.get(z)));
      Pixels8 resized = Resampler.bilinear(grey, size, size);
      System.arraycopy(resized.data, 0, vox, z * plane, plane);
    }
    return new Volume(size, size, slicesInOrder.size(), vox, new double[] {1, 1, 1});
  }

  /**
   * This volume with every slice resized to {@code size x size} px bilinearly ({@link Resampler#bilinear}, as
   * {@link #fromSlices} does), so native-size volumes (e.g. from DICOM) reach RadFM's 512 x 512 (radfm-spec §3).
   * The in-plane spacing scales with the resize; the slice spacing is kept.
   *
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public Volume resizedSlices(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("slice size must be positive: " + size);
    }
    int plane = width * height;
    int out = Math.multiplyExact(size, size);
    byte[] vox = new byte[Math.multiplyExact(out, depth)];
    for (int z = 0; z < depth; z++) {
      byte[] slice = java.util.Arrays.copyOfRange(voxels, z * plane, (z + 1) * plane);
      Pixels8 resized = Resampler.bilinear(new Pixels8(width, height, 1, slice), size, size);
      System.arraycopy(resized.data, 0, vox, z * out, out);
    }
    double[] sp = {spacingMm[0] * width / size, spacingMm[1] * height / size, spacingMm[2]};
    return new Volume(size, size, depth, vox, sp);
  }

  /** W: voxels along x (image columns). */
  public int width() {
    return width;
  }

  /** H: voxels along y (image rows). */
  public int height() {
    return height;
  }

  /** D: voxels along z (slices). */
  public int depth() {
    return depth;
  }

  /** A copy of the {@code W*H*D} unsigned 8-bit voxels, x fastest, then y, then z (NIfTI order). */
  public byte[] voxels() {
    return voxels.clone();
  }

  /** The voxel at (x, y, z) as 0..255. */
  public int voxel(int x, int y, int z) {
    Objects.checkIndex(x, width);
    Objects.checkIndex(y, height);
    Objects.checkIndex(z, depth);
    return voxels[(z * height + y) * width + x] & 0xff;
  }

  /** Voxel size {@code {dx, dy, dz}} in mm; {@code {1, 1, 1}} when unknown. A copy. */
  public double[] spacingMm() {
    return spacingMm.clone();
  }

  /**
   * Slice {@code z} as a {@code W x H} px {@link BufferedImage#TYPE_BYTE_GRAY} image (row y = image row y).
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= z < depth()}
   */
  public BufferedImage slice(int z) {
    Objects.checkIndex(z, depth);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    System.arraycopy(voxels, z * width * height, dst, 0, width * height);
    return img;
  }

  /**
   * Lower-case hex SHA-256 of W, H, D (4-byte big-endian ints) followed by the voxels in NIfTI order. Spacing
   * is not included: it describes the acquisition, not the pixels.
   */
  public String pixelHash() {
    MessageDigest md = Ids.sha256();
    md.update(ByteBuffer.allocate(12).putInt(width).putInt(height).putInt(depth).array());
    md.update(voxels);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The shape in RadFM's model-input layout {@code [C, H, W, D]} = {@code [3, height, width, depth]}: the
   * grey values are replicated to 3 channels (radfm-spec §3).
   */
  public List<Integer> radfmShape() {
    return List.of(3, height, width, depth);
  }

  /** Raw voxels for writers in this package; never modify. */
  byte[] voxelsNoCopy() {
    return voxels;
  }

  /** Equal when size, spacing and every voxel are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Volume v && width == v.width && height == v.height && depth == v.depth
        && Arrays.equals(spacingMm, v.spacingMm) && Arrays.equals(voxels, v.voxels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, depth, Arrays.hashCode(spacingMm), Arrays.hashCode(voxels));
  }

  @Override
  public String toString() {
    return "Volume[" + width + "x" + height + "x" + depth + ", spacingMm=" + Arrays.toString(spacingMm) + "]";
  }
}
