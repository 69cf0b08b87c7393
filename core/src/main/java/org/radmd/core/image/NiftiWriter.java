package org.radmd.core.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes NIfTI-1 single files ({@code n+1}, little-endian, voxels from offset 352) of typed voxels with a full
 * voxel-to-world affine: the sform is the affine itself, the qform its closest rigid form (nifti1_io's
 * {@code mat44_to_quatern}: columns normalised, polar decomposition, quaternion, qfac = sign of the
 * determinant), {@code pixdim[1..3]} the column lengths. {@code .nii.gz} names are gzipped
 * ({@link FixedGzipOutputStream}, deterministic bytes), other names written plain. Writes are atomic.
 *
 * <p>Header fields written, besides the voxel layout: {@code scl_slope = 1}, {@code scl_inter = 0} (voxels hold
 * final values), {@code xyzt_units = 2} (mm), {@code descrip} and {@code aux_file} empty unless given. Stateless
 * and thread-safe.
 */
public final class NiftiWriter {
  /** NIfTI datatype codes (nifti1.h). */
  public static final int DT_UINT8 = 2;
  public static final int DT_INT16 = 4;
  public static final int DT_INT32 = 8;
  public static final int DT_FLOAT32 = 16;
  public static final int DT_UINT16 = 512;

  private NiftiWriter() {}

  /**
   * What goes into the header besides the voxels.
   *
   * @param dim shape, x fastest: {@code {nx, ny, nz}} (1 to 7 entries, each 1..32767)
   * @param affine 4x4 voxel index (i, j, k) to world (mm, NIfTI RAS+) matrix; last row {@code 0 0 0 1}
   * @param spatial true: {@code qform_code = sform_code = 1} (scanner anatomical); false: both 0, for images
   *     without a known position (readers then use {@code pixdim} only)
   * @param descrip at most 79 ASCII characters for the {@code descrip} field; never put identifying text here
   */
  public record Header(int[] dim, double[][] affine, boolean spatial, String descrip) {
    public Header {
      dim = dim.clone();
      if (dim.length < 1 || dim.length > 7 || Arrays.stream(dim).anyMatch(d -> d < 1 || d > Short.MAX_VALUE)) {
        throw new IllegalArgumentException("NIfTI-1 dim must be 1..7 sizes of 1..32767: " + Arrays.toString(dim));
      }
      if (affine.length != 4 || Arrays.stream(affine).anyMatch(r -> r.length != 4)) {
        throw new IllegalArgumentException("affine must be 4x4");
      }
      double[][] a = new double[4][];
      for (int i = 0; i < 4; i++) {
        a[i] = affine[i].clone();
      }
      affine = a;
      descrip = descrip == null ? "" : descrip;
      if (descrip.length() > 79 || !StandardCharsets.US_ASCII.newEncoder().canEncode(descrip)) {
        throw new IllegalArgumentException("descrip must be at most 79 ASCII characters");
      }
    }

    long voxels() {
      long n = 1;
      for (int d : dim) {
        n *= d;
      }
      return n;
    }
  }

  /** Writes int16 voxels ({@code DT_INT16}); {@code voxels.length} must equal the product of {@code dim}. */
  public static void writeInt16(Path out, Header h, short[] voxels) throws IOException {
    check(h, voxels.length);
    write(out, h, DT_INT16, 16, buf -> buf.asShortBuffer().put(voxels));
  }

  /** Writes uint16 voxels ({@code DT_UINT16}) given as their 16-bit patterns. */
  public static void writeUint16(Path out, Header h, short[] voxels) throws IOException {
    check(h, voxels.length);
    write(out, h, DT_UINT16, 16, buf -> buf.asShortBuffer().put(voxels));
  }

  /** Writes float32 voxels ({@code DT_FLOAT32}). */
  public static void writeFloat32(Path out, Header h, float[] voxels) throws IOException {
    check(h, voxels.length);
    write(out, h, DT_FLOAT32, 32, buf -> buf.asFloatBuffer().put(voxels));
  }

  /** Writes uint8 voxels ({@code DT_UINT8}). */
  public static void writeUint8(Path out, Header h, byte[] voxels) throws IOException {
    check(h, voxels.length);
    write(out, h, DT_UINT8, 8, buf -> buf.put(voxels));
  }

  private static void check(Header h, int length) {
    if (h.voxels() != length) {
      throw new IllegalArgumentException("voxel count " + length + " != product of dim " + Arrays.toString(h.dim));
    }
  }

  @FunctionalInterface
  private interface Fill {
    void into(ByteBuffer littleEndian);
  }

  private static void write(Path out, Header h, int datatype, int bitpix, Fill fill) throws IOException {
    Objects.requireNonNull(out, "out");
    long bytes = h.voxels() * (bitpix / 8);
    if (bytes > Integer.MAX_VALUE - 352) {
      throw new IllegalArgumentException("volume too large for one buffer: " + bytes + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate(352 + (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    header(buf, h, datatype, bitpix);
    buf.position(352);
    fill.into(buf.slice().order(ByteOrder.LITTLE_ENDIAN));
    byte[] all = buf.array();
    boolean gz = out.getFileName().toString().endsWith(".gz");
    AtomicFiles.write(out, os -> {
      if (gz) {
        FixedGzipOutputStream z = new FixedGzipOutputStream(os);
        z.write(all);
        z.finish();
        z.flush();
      } else {
        writeAll(os, all);
      }
    });
  }

  private static void writeAll(OutputStream os, byte[] all) throws IOException {
    os.write(all);
  }

  /** Fills the 348-byte header (nifti1.h field offsets) and the 4 zero extension bytes. */
  static void header(ByteBuffer b, Header h, int datatype, int bitpix) {
    b.putInt(0, 348);
    b.put(38, (byte) 'r');
    b.putShort(40, (short) h.dim.length);
    for (int i = 0; i < 7; i++) {
      b.putShort(42 + 2 * i, (short) (i < h.dim.length ? h.dim[i] : 1));
    }
    b.putShort(70, (short) datatype);
    b.putShort(72, (short) bitpix);
    double[][] a = h.affine;
    NiftiQuaternion q = NiftiQuaternion.of(a);
    b.putFloat(76, (float) q.qfac());
    for (int c = 0; c < 3; c++) {
      double len = Math.sqrt(a[0][c] * a[0][c] + a[1][c] * a[1][c] + a[2][c] * a[2][c]);
      b.putFloat(80 + 4 * c, (float) (len > 0 ? len : 1));
    }
    for (int i = 3; i < 7; i++) {
      b.putFloat(80 + 4 * i, 1f);
    }
    b.putFloat(108, 352f);
    b.putFloat(112, 1f);
    b.putFloat(116, 0f);
    b.put(123, (byte) Nifti.UNITS_MM);
    byte[] d = h.descrip.getBytes(StandardCharsets.US_ASCII);
    b.put(148, d, 0, d.length);
    short code = (short) (h.spatial ? Nifti.XFORM_SCANNER : 0);
    b.putShort(252, code);
    b.putShort(254, code);
    b.putFloat(256, (float) q.b());
    b.putFloat(260, (float) q.c());
    b.putFloat(264, (float) q.d());
    b.putFloat(268, (float) a[0][3]);
    b.putFloat(272, (float) a[1][3]);
    b.putFloat(276, (float) a[2][3]);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putFloat(280 + 16 * r + 4 * c, (float) a[r][c]);
      }
    }
    b.put(344, (byte) 'n');
    b.put(345, (byte) '+');
    b.put(346, (byte) '1');
  }
}
