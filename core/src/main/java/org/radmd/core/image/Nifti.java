package org.radmd.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * NIfTI volume files: writes {@link Volume}s as NIfTI-1 {@code .nii.gz} and reads NIfTI-1 and NIfTI-2.
 * Stateless and thread-safe.
 */
public final class Nifti {
  /** {@code xyzt_units} for millimetres with no time unit. */
  static final int UNITS_MM = 2;
  /** {@code qform_code}/{@code sform_code} "scanner anatomical coordinates". */
  static final int XFORM_SCANNER = 1;
  /** NIfTI datatype code DT_UINT8. */
  static final int DT_UINT8 = 2;

  private Nifti() {}

  /**
   * Writes {@code v} as a gzipped single-file NIfTI-1 image: little-endian 348-byte header, 4 zero extension
   * bytes, voxels from offset 352. Header: {@code dim = {3, W, H, D, 1, 1, 1, 1}}, datatype DT_UINT8 (2),
   * bitpix 8, {@code pixdim = {1, dx, dy, dz, 1, 1, 1, 1}} (mm), {@code xyzt_units = 2} (mm),
   * {@code qform_code = sform_code = 1} with an identity quaternion and the diagonal affine
   * {@code diag(dx, dy, dz)} at the origin, {@code scl_slope = 1}, {@code scl_inter = 0}, magic
   * {@code "n+1\0"}. The bytes depend only on the volume: the gzip header carries no name, mtime 0 and a
   * fixed OS byte ({@link FixedGzipOutputStream}). Atomic: written to a temporary file in the same folder,
   * then renamed over {@code out}; parent folders are created.
   *
   * @throws IOException if the file cannot be written
   */
  public static void writeNiftiGz(Volume v, Path out) throws IOException {
    Objects.requireNonNull(v, "v");
    byte[] header = header1(v);
    byte[] voxels = v.voxelsNoCopy();
    AtomicFiles.write(out, os -> {
      FixedGzipOutputStream gz = new FixedGzipOutputStream(os);
      gz.write(header);
      gz.write(voxels);
      gz.finish();
      gz.flush();
    });
  }

  /** The 348-byte NIfTI-1 header plus the 4-byte extension flag (all zero = no extensions). */
  static byte[] header1(Volume v) {
    double[] sp = v.spacingMm();
    ByteBuffer b = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 348);
    b.put(38, (byte) 'r');
    if (v.width() > Short.MAX_VALUE || v.height() > Short.MAX_VALUE || v.depth() > Short.MAX_VALUE) {
      throw new IllegalArgumentException("NIfTI-1 dimensions are limited to 32767: " + v);
    }
    short[] dim = {3, (short) v.width(), (short) v.height(), (short) v.depth(), 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, dim[i]);
    }
    b.putShort(70, (short) DT_UINT8);
    b.putShort(72, (short) 8);
    float[] pixdim = {1, (float) sp[0], (float) sp[1], (float) sp[2], 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      b.putFloat(76 + 4 * i, pixdim[i]);
    }
    b.putFloat(108, 352f);
    b.putFloat(112, 1f);
    b.putFloat(116, 0f);
    b.put(123, (byte) UNITS_MM);
    byte[] descrip = "radmd".getBytes(StandardCharsets.US_ASCII);
    b.put(148, descrip);
    b.putShort(252, (short) XFORM_SCANNER);
    b.putShort(254, (short) XFORM_SCANNER);
    for (int r = 0; r < 3; r++) {
      b.putFloat(280 + 16 * r + 4 * r, (float) sp[r]);
    }
    b.put(344, "n+1".getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  /**
   * Reads a NIfTI-1 or NIfTI-2 single file ({@code .nii}, or gzipped {@code .nii.gz}, detected from the
   * content), little- or big-endian (detected from {@code sizeof_hdr} = 348 or 540 in either byte order).
   * Voxel types: uint8, int8, int16, uint16, int32, uint32, int64, float32, float64; values are returned
   * as stored (apply {@link NiftiImage#scale} for {@code scl_slope}/{@code scl_inter}). Header extensions are
   * skipped. At most 2<sup>28</sup> voxels.
   *
   * @throws IOException if the file is missing, truncated, not NIfTI, a {@code .hdr/.img} pair, or holds an
   *     unsupported datatype; the message names the file
   */
  public static NiftiImage read(Path file) throws IOException {
    return NiftiReader.read(Objects.requireNonNull(file, "file"));
  }
}
