package org.radmd.core.dicom;

import java.util.Arrays;

/**
 * Where one frame lies in the patient coordinate system and how its stored values map to real units, from the
 * Image Plane Module (PS3.3 C.7.6.2) and the Modality LUT (Rescale, PS3.3 C.11.1), or for multi-frame
 * objects from the Plane Position, Plane Orientation, Pixel Measures and Pixel Value Transformation functional
 * group macros (PS3.3 C.7.6.16.2). All lengths are in mm in the DICOM patient coordinate system (LPS: +x to the
 * patient's left, +y posterior, +z head). Arrays are copied in and out. Immutable and thread-safe.
 */
public final class FrameGeometry {
  private final double[] imagePositionPatient;
  private final double[] imageOrientationPatient;
  private final double[] pixelSpacing;
  private final double sliceThickness;
  private final double rescaleSlope;
  private final double rescaleIntercept;

  /**
   * @param imagePositionPatient (0020,0032) x, y, z of the centre of the first transmitted pixel, mm; or null
   * @param imageOrientationPatient (0020,0037) direction cosines of the first row then the first column; or null
   * @param pixelSpacing (0028,0030) {row spacing, column spacing} = {distance between rows, between columns},
   *     mm; or null
   * @param sliceThickness (0018,0050) mm, or NaN when unknown
   * @param rescaleSlope (0028,1053), 1 when absent
   * @param rescaleIntercept (0028,1052), 0 when absent
   * @throws IllegalArgumentException on arrays of the wrong length, non-finite values, a zero slope or
   *     non-positive spacing
   */
  public FrameGeometry(double[] imagePositionPatient, double[] imageOrientationPatient, double[] pixelSpacing,
      double sliceThickness, double rescaleSlope, double rescaleIntercept) {
    this.imagePositionPatient = check(imagePositionPatient, 3, "ImagePositionPatient");
    this.imageOrientationPatient = check(imageOrientationPatient, 6, "ImageOrientationPatient");
    this.pixelSpacing = check(pixelSpacing, 2, "PixelSpacing");
    if (this.pixelSpacing != null && (this.pixelSpacing[0] <= 0 || this.pixelSpacing[1] <= 0)) {
      throw new IllegalArgumentException("PixelSpacing must be positive: " + Arrays.toString(pixelSpacing));
    }
    if (!Double.isFinite(rescaleSlope) || rescaleSlope == 0 || !Double.isFinite(rescaleIntercept)) {
      throw new IllegalArgumentException("bad Rescale Slope/Intercept: " + rescaleSlope + ", " + rescaleIntercept);
    }
    this.sliceThickness = sliceThickness;
    this.rescaleSlope = rescaleSlope;
    this.rescaleIntercept = rescaleIntercept;
  }

  private static double[] check(double[] a, int n, String what) {
    if (a == null) {
      return null;
    }
    if (a.length != n || Arrays.stream(a).anyMatch(d -> !Double.isFinite(d))) {
      throw new IllegalArgumentException(what + " needs " + n + " finite values: " + Arrays.toString(a));
    }
    return a.clone();
  }

  /** Image Position (Patient) in mm, or null when absent. */
  public double[] imagePositionPatient() {
    return imagePositionPatient == null ? null : imagePositionPatient.clone();
  }

  /** Image Orientation (Patient): row cosines then column cosines, or null when absent. */
  public double[] imageOrientationPatient() {
    return imageOrientationPatient == null ? null : imageOrientationPatient.clone();
  }

  /** Pixel Spacing {row spacing, column spacing} in mm, or null when absent. */
  public double[] pixelSpacing() {
    return pixelSpacing == null ? null : pixelSpacing.clone();
  }

  /** Slice Thickness in mm, NaN when unknown. */
  public double sliceThickness() {
    return sliceThickness;
  }

  /** Rescale Slope (1 when absent). */
  public double rescaleSlope() {
    return rescaleSlope;
  }

  /** Rescale Intercept (0 when absent). */
  public double rescaleIntercept() {
    return rescaleIntercept;
  }

  /** True when position, orientation and spacing are all known, so the frame can be placed in space. */
  public boolean isSpatial() {
    return imagePositionPatient != null && imageOrientationPatient != null && pixelSpacing != null;
  }

  /** The row direction cosine (direction of increasing column index), or null. */
  public double[] rowCosine() {
    return imageOrientationPatient == null ? null : Arrays.copyOfRange(imageOrientationPatient, 0, 3);
  }

  /** The column direction cosine (direction of increasing row index), or null. */
  public double[] columnCosine() {
    return imageOrientationPatient == null ? null : Arrays.copyOfRange(imageOrientationPatient, 3, 6);
  }

  /**
   * The slice normal, row cosine x column cosine (unit length), or null without orientation. Slices are
   * ordered by the projection of Image Position (Patient) onto it.
   */
  public double[] normal() {
    if (imageOrientationPatient == null) {
      return null;
    }
    double[] n = Vectors.cross(rowCosine(), columnCosine());
    return Vectors.normalize(n);
  }

  /** {@code stored * slope + intercept}: the modality value (HU for CT, PS3.3 C.11.1.1.2). */
  public double rescale(double stored) {
    return stored * rescaleSlope + rescaleIntercept;
  }

  @Override
  public String toString() {
    return "FrameGeometry[ipp=" + Arrays.toString(imagePositionPatient) + ", iop="
        + Arrays.toString(imageOrientationPatient) + ", spacing=" + Arrays.toString(pixelSpacing)
        + ", thickness=" + sliceThickness + ", rescale=" + rescaleSlope + "*v+" + rescaleIntercept + "]";
  }
}
