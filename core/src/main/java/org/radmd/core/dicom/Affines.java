package org.radmd.core.dicom;

import java.util.List;

/**
 * Voxel-to-world matrices of assembled series in dcm2niix's convention (see {@link DicomVolume}): DICOM patient
 * coordinates (LPS, PS3.3 C.7.6.2.1.1) converted to NIfTI RAS+ by negating x and y. Stateless.
 */
final class Affines {
  private Affines() {}

  /** The affine of a spatial series (every slice has position, orientation and spacing). */
  static double[][] of(DicomSeries series) {
    List<DicomSeries.Slice> slices = series.slices();
    FrameGeometry g0 = slices.get(0).geometry();
    double[] r = g0.rowCosine();
    double[] c = g0.columnCosine();
    double[] spacing = g0.pixelSpacing();
    double rowSpacing = spacing[0];
    double columnSpacing = spacing[1];
    int ny = series.rows();
    double[] p0 = g0.imagePositionPatient();
    double[] step;
    if (slices.size() > 1) {
      double[] last = slices.get(slices.size() - 1).geometry().imagePositionPatient();
      step = Vectors.scale(Vectors.sub(last, p0), 1.0 / (slices.size() - 1));
    } else {
      step = Vectors.scale(g0.normal(), singleSliceSpacing(slices.get(0)));
    }
    double[] colX = Vectors.scale(r, columnSpacing);
    double[] colY = Vectors.scale(c, -rowSpacing);
    double[] origin = new double[3];
    for (int i = 0; i < 3; i++) {
      origin[i] = p0[i] + (ny - 1) * rowSpacing * c[i];
    }
    double[][] m = new double[4][4];
    for (int i = 0; i < 3; i++) {
      double sign = i < 2 ? -1 : 1;
      m[i][0] = sign * colX[i];
      m[i][1] = sign * colY[i];
      m[i][2] = sign * step[i];
      m[i][3] = sign * origin[i];
    }
    m[3][3] = 1;
    return m;
  }

  /** Without geometry: {@code diag(dx, dy, dz, 1)} from Pixel Spacing and the slice spacing where known. */
  static double[][] diagonal(DicomSeries series) {
    FrameGeometry g0 = series.slices().get(0).geometry();
    double[] spacing = g0.pixelSpacing();
    double[][] m = new double[4][4];
    m[0][0] = spacing == null ? 1 : spacing[1];
    m[1][1] = spacing == null ? 1 : spacing[0];
    m[2][2] = singleSliceSpacing(series.slices().get(0));
    m[3][3] = 1;
    return m;
  }

  /** Spacing Between Slices (0018,0088), else Slice Thickness (0018,0050), else 1 mm. */
  static double singleSliceSpacing(DicomSeries.Slice s) {
    double between = s.file().dataset().number("SpacingBetweenSlices").orElse(Double.NaN);
    if (between > 0) {
      return between;
    }
    double thickness = s.geometry().sliceThickness();
    return thickness > 0 ? thickness : 1;
  }
}
