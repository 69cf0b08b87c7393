package org.radmd.core.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link FrameGeometry} of every frame from a data set. Classic single-frame objects use the Image
 * Plane Module (PS3.3 C.7.6.2) and Rescale attributes (C.11.1) at the top level. Multi-frame objects with
 * functional groups (Enhanced CT/MR, PS3.3 C.7.6.16) take each macro from the frame's item of the Per-frame
 * Functional Groups Sequence (5200,9230), else from the Shared Functional Groups Sequence (5200,9229), else from
 * the top level: Plane Position (C.7.6.16.2.3), Plane Orientation (C.7.6.16.2.4), Pixel Measures (C.7.6.16.2.1)
 * and Pixel Value Transformation (C.7.6.16.2.9). Stateless and thread-safe.
 *
 * <p>Lenient where real files are: a non-positive Pixel Spacing (e.g. {@code 0\0} in some CR files) or an
 * orientation with a zero-length cosine counts as absent; a Rescale Slope of 0 counts as 1 (as dcm2niix does).
 */
final class FrameGeometries {
  /** Largest Number of Frames accepted. */
  static final int MAX_FRAMES = 65_535;

  private FrameGeometries() {}

  /**
   * One geometry per frame.
   *
   * @throws IllegalArgumentException on a bad Number of Frames or a non-numeric or wrongly sized geometry value;
   *     the message names the attribute
   */
  static List<FrameGeometry> of(DicomDataset ds) {
    int frames = ds.contains("NumberOfFrames") ? ds.integer("NumberOfFrames").orElse(-1) : 1;
    if (frames < 1 || frames > MAX_FRAMES) {
      throw new IllegalArgumentException("bad NumberOfFrames: \"" + ds.stringOrEmpty("NumberOfFrames") + "\"");
    }
    DicomDataset shared = first(ds.items("SharedFunctionalGroupsSequence")).orElse(null);
    List<DicomDataset> perFrame = ds.items("PerFrameFunctionalGroupsSequence");
    if (!perFrame.isEmpty() && perFrame.size() != frames) {
      throw new IllegalArgumentException("PerFrameFunctionalGroupsSequence has " + perFrame.size()
          + " items for " + frames + " frames");
    }
    List<FrameGeometry> out = new ArrayList<>(frames);
    for (int f = 0; f < frames; f++) {
      DicomDataset own = perFrame.isEmpty() ? null : perFrame.get(f);
      out.add(frame(ds, shared, own));
    }
    return out;
  }

  private static FrameGeometry frame(DicomDataset top, DicomDataset shared, DicomDataset own) {
    DicomDataset position = macro(own, shared, "PlanePositionSequence").orElse(top);
    DicomDataset orientation = macro(own, shared, "PlaneOrientationSequence").orElse(top);
    DicomDataset measures = macro(own, shared, "PixelMeasuresSequence").orElse(top);
    DicomDataset rescale = macro(own, shared, "PixelValueTransformationSequence").orElse(top);
    double[] ipp = values(position, "ImagePositionPatient", 3);
    double[] iop = values(orientation, "ImageOrientationPatient", 6);
    if (iop != null && (length(iop, 0) < 0.5 || length(iop, 3) < 0.5)) {
      iop = null;
    }
    double[] spacing = values(measures, "PixelSpacing", 2);
    if (spacing != null && (!(spacing[0] > 0) || !(spacing[1] > 0))) {
      spacing = null;
    }
    double thickness = number(measures, "SliceThickness", Double.NaN);
    double slope = number(rescale, "RescaleSlope", 1);
    double intercept = number(rescale, "RescaleIntercept", 0);
    return new FrameGeometry(ipp, iop, spacing, thickness, slope == 0 ? 1 : slope, intercept);
  }

  /** The single item of a functional group macro sequence: the frame's own, else the shared one. */
  private static Optional<DicomDataset> macro(DicomDataset own, DicomDataset shared, String keyword) {
    if (own != null && !own.items(keyword).isEmpty()) {
      return first(own.items(keyword));
    }
    if (shared != null && !shared.items(keyword).isEmpty()) {
      return first(shared.items(keyword));
    }
    return Optional.empty();
  }

  private static Optional<DicomDataset> first(List<DicomDataset> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  private static double[] values(DicomDataset ds, String keyword, int n) {
    double[] v;
    try {
      v = ds.doubles(keyword);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("non-numeric " + keyword + ": \"" + ds.stringOrEmpty(keyword) + "\"");
    }
    if (v.length == 0) {
      return null;
    }
    if (v.length != n) {
      throw new IllegalArgumentException(keyword + " needs " + n + " values, has " + v.length);
    }
    for (double d : v) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(keyword + " has a non-finite value");
      }
    }
    return v;
  }

  private static double number(DicomDataset ds, String keyword, double absent) {
    double[] v = values(ds, keyword, 1);
    return v == null ? absent : v[0];
  }

  private static double length(double[] a, int off) {
    return Math.sqrt(a[off] * a[off] + a[off + 1] * a[off + 1] + a[off + 2] * a[off + 2]);
  }
}
