package org.radmd.core.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.radmd.core.image.NiftiWriter;
import org.radmd.core.image.Volume;

/**
 * A series as a 3D volume in NIfTI layout and dcm2niix's orientation convention.
 *
 * <p>Shape {@code [nx, ny, nz]} = {@code [Columns, Rows, slices]}, x fastest. x = DICOM column index; y = DICOM
 * row index flipped ({@code y = Rows - 1 - row}, as dcm2niix stores 2D slice stacks); z = slice in spatial order
 * (ascending along the slice normal). The affine maps voxel (x, y, z) to NIfTI world coordinates in mm, RAS+
 * (DICOM LPS with x and y negated): columns 0 and 1 are the row and column cosines times their Pixel Spacing
 * (column 1 negated for the flip), column 2 is the actual step between slice positions (so a gantry tilt shows
 * as shear), column 3 the centre of voxel (0, 0, 0).
 *
 * <p>Values: the Modality LUT output (PS3.3 C.11.1): Hounsfield units for CT. Stored as int16 when every value
 * is an integer in range, uint16 when integral and non-negative up to 65535, else float32. MONOCHROME1 is not
 * inverted here (values keep their physical meaning); {@link #inverted()} records it. Immutable and thread-safe.
 */
public final class DicomVolume {
  /** How the voxels are stored. */
  public enum Storage {
    INT16(NiftiWriter.DT_INT16), UINT16(NiftiWriter.DT_UINT16), FLOAT32(NiftiWriter.DT_FLOAT32);

    private final int niftiDatatype;

    Storage(int niftiDatatype) {
      this.niftiDatatype = niftiDatatype;
    }

    /** The NIfTI datatype code (4, 512 or 16). */
    public int niftiDatatype() {
      return niftiDatatype;
    }
  }

  private final int nx;
  private final int ny;
  private final int nz;
  private final Storage storage;
  private final short[] shorts;
  private final float[] floats;
  private final double[][] affine;
  private final boolean spatial;
  private final boolean inverted;

  DicomVolume(int nx, int ny, int nz, Storage storage, short[] shorts, float[] floats, double[][] affine,
      boolean spatial, boolean inverted) {
    this.nx = nx;
    this.ny = ny;
    this.nz = nz;
    this.storage = storage;
    this.shorts = shorts;
    this.floats = floats;
    this.affine = affine;
    this.spatial = spatial;
    this.inverted = inverted;
  }

  /**
   * Builds the volume of an assembled series.
   *
   * @throws IllegalArgumentException if the series has a {@linkplain SeriesIssue.Kind#blocksVolume() blocking
   *     issue} (duplicate positions) or a slice was read without pixels
   */
  public static DicomVolume of(DicomSeries series) {
    return VolumeBuilder.build(Objects.requireNonNull(series, "series"));
  }

  /** {@code [nx, ny, nz]} = {@code [Columns, Rows, slices]}. */
  public int[] shape() {
    return new int[] {nx, ny, nz};
  }

  /** How the voxels are stored. */
  public Storage storage() {
    return storage;
  }

  /** The value at voxel (x, y, z): HU for CT, else the rescaled or stored value. */
  public double voxel(int x, int y, int z) {
    Objects.checkIndex(x, nx);
    Objects.checkIndex(y, ny);
    Objects.checkIndex(z, nz);
    int i = x + nx * (y + ny * z);
    return switch (storage) {
      case INT16 -> shorts[i];
      case UINT16 -> shorts[i] & 0xffff;
      case FLOAT32 -> floats[i];
    };
  }

  /** The 4x4 voxel-to-world matrix, mm, NIfTI RAS+; a copy. */
  public double[][] affine() {
    double[][] c = new double[4][];
    for (int i = 0; i < 4; i++) {
      c[i] = affine[i].clone();
    }
    return c;
  }

  /** Voxel size {@code {dx, dy, dz}} in mm: the lengths of the affine's first three columns. */
  public double[] spacingMm() {
    double[] s = new double[3];
    for (int c = 0; c < 3; c++) {
      s[c] = Math.sqrt(affine[0][c] * affine[0][c] + affine[1][c] * affine[1][c] + affine[2][c] * affine[2][c]);
    }
    return s;
  }

  /** True when the affine is known from the DICOM geometry (else it is a diagonal of spacings). */
  public boolean isSpatial() {
    return spatial;
  }

  /** True for MONOCHROME1 sources: lower values display brighter. */
  public boolean inverted() {
    return inverted;
  }

  /** Smallest and largest voxel value, {@code {min, max}}. */
  public double[] range() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = nx * ny * nz;
    for (int i = 0; i < n; i++) {
      double v = storage == Storage.FLOAT32 ? floats[i] : storage == Storage.UINT16 ? shorts[i] & 0xffff : shorts[i];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new double[] {min, max};
  }

  /**
   * The volume as 8-bit grey for RadFM and previews: values min-max scaled over the whole volume to 0..255
   * (radfm-spec §3: min-max to [0, 1], no windowing), MONOCHROME1 inverted so that higher is brighter, rows
   * upright (y = DICOM row, the top of the picture at y = 0, as {@link Volume} expects), native size. Use
   * {@link Volume#resizedSlices} for RadFM's 512 x 512 and {@link Volume#slice} for a PNG key slice.
   */
  public Volume toGrey8() {
    double[] r = range();
    return grey(r[0], r[1]);
  }

  /**
   * The volume as 8-bit grey through a DICOM linear VOI window (PS3.3 C.11.2.1.2.1, Window Center/Width in the
   * voxel units, e.g. HU: brain 40/80, lung -600/1500), otherwise as {@link #toGrey8()}. For display only, when
   * asked for; RadFM's own input is the unwindowed {@link #toGrey8()}.
   *
   * @throws IllegalArgumentException if {@code width < 1}
   */
  public Volume toGrey8(double center, double width) {
    if (!(width >= 1)) {
      throw new IllegalArgumentException("window width must be at least 1: " + width);
    }
    return grey(center - 0.5 - (width - 1) / 2, center - 0.5 + (width - 1) / 2);
  }

  private Volume grey(double low, double high) {
    byte[] out = new byte[nx * ny * nz];
    double scale = high > low ? 255.0 / (high - low) : 0;
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        int src = nx * ((ny - 1 - y) + ny * z);
        int dst = nx * (y + ny * z);
        for (int x = 0; x < nx; x++) {
          double v = storage == Storage.FLOAT32 ? floats[src + x]
              : storage == Storage.UINT16 ? shorts[src + x] & 0xffff : shorts[src + x];
          double g = v <= low ? 0 : v >= high ? 255 : (v - low) * scale;
          int b = (int) Math.round(g);
          out[dst + x] = (byte) (inverted ? 255 - b : b);
        }
      }
    }
    return Volume.of(nx, ny, nz, out, spacingMm());
  }

  /**
   * Writes the volume as NIfTI-1 ({@code .nii} or gzipped {@code .nii.gz}, by the name) with sform = qform =
   * scanner anatomical (1) for spatial volumes. The header {@code descrip} is {@code "radmd"} and nothing else:
   * no identifying text is ever written into the header.
   *
   * @throws IOException if the file cannot be written
   */
  public void writeNifti(Path out) throws IOException {
    NiftiWriter.Header h = new NiftiWriter.Header(shape(), affine, spatial, "radmd");
    switch (storage) {
      case INT16 -> NiftiWriter.writeInt16(out, h, shorts);
      case UINT16 -> NiftiWriter.writeUint16(out, h, shorts);
      case FLOAT32 -> NiftiWriter.writeFloat32(out, h, floats);
      default -> throw new IllegalStateException(storage.name());
    }
  }

  @Override
  public String toString() {
    return "DicomVolume[" + nx + "x" + ny + "x" + nz + ", " + storage + ", spacingMm=" + Arrays.toString(spacingMm())
        + "]";
  }
}
