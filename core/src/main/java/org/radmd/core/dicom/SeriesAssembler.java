package org.radmd.core.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups DICOM frames into series and orders their slices in space.
 *
 * <p>Grouping: Series Instance UID (0020,000E), then Rows x Columns, then Image Orientation (Patient) rounded to
 * 1e-4, so a localizer or a reformat sharing a UID becomes its own series. Every frame of a multi-frame file is
 * a slice of its own.
 *
 * <p>Order: ascending projection of Image Position (Patient) onto the slice normal, row cosine x column cosine
 * (PS3.3 C.7.6.2.1.1): the position of the slice along the axis the slices are stacked on. File names and
 * Instance Number never decide the order, except that without geometry slices keep Instance Number order (then
 * file name, then frame) and the series gets {@link SeriesIssue.Kind#NO_GEOMETRY}.
 *
 * <p>Checks (reported as {@link SeriesIssue}s, never silently fixed): duplicate positions (closer than 0.001
 * mm), missing slices (a gap of 1.5 times the median spacing or more), uneven spacing (more than 1% and 0.01 mm
 * from the median), gantry tilt (the slice-to-slice step deviates from the normal by more than 0.1 degree, or
 * Gantry/Detector Tilt (0018,1120) is not 0), and mixed Rescale Slope/Intercept. Stateless and thread-safe.
 */
public final class SeriesAssembler {
  static final double DUPLICATE_MM = 1e-3;
  static final double TILT_DEGREES = 0.1;

  private SeriesAssembler() {}

  /**
   * Assembles {@code files} into series.
   *
   * @param files instances in any order (headers suffice for ordering; volumes need pixels)
   * @return series ordered by Series Instance UID, then by first appearance of each size/orientation group
   */
  public static List<DicomSeries> assemble(List<DicomFile> files) {
    Map<String, List<DicomSeries.Slice>> groups = new LinkedHashMap<>();
    List<DicomFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(DicomFile::seriesInstanceUid).thenComparing(f -> f.source().toString()));
    for (DicomFile f : sorted) {
      for (int i = 0; i < f.frames(); i++) {
        groups.computeIfAbsent(key(f, i), k -> new ArrayList<>()).add(new DicomSeries.Slice(f, i));
      }
    }
    List<DicomSeries> out = new ArrayList<>(groups.size());
    for (List<DicomSeries.Slice> g : groups.values()) {
      out.add(order(g));
    }
    return out;
  }

  private static String key(DicomFile f, int frame) {
    double[] iop = f.geometry(frame).imageOrientationPatient();
    StringBuilder sb = new StringBuilder(f.seriesInstanceUid()).append('|').append(f.rows()).append('x')
        .append(f.columns()).append('|');
    if (iop == null) {
      sb.append("none");
    } else {
      for (double d : iop) {
        sb.append(String.format(Locale.ROOT, "%.4f,", d + 0.0));
      }
    }
    return sb.toString();
  }

  private static DicomSeries order(List<DicomSeries.Slice> slices) {
    String uid = slices.get(0).file().seriesInstanceUid();
    List<SeriesIssue> issues = new ArrayList<>();
    boolean spatial = slices.stream().allMatch(s -> s.geometry().isSpatial());
    Comparator<DicomSeries.Slice> byInstance = Comparator
        .comparing((DicomSeries.Slice s) -> s.file().instanceNumber().orElse(Integer.MAX_VALUE))
        .thenComparing(s -> s.file().source().toString())
        .thenComparingInt(DicomSeries.Slice::frame);
    List<DicomSeries.Slice> ordered = new ArrayList<>(slices);
    double[] positions = null;
    if (!spatial) {
      ordered.sort(byInstance);
      issues.add(new SeriesIssue(SeriesIssue.Kind.NO_GEOMETRY, "Image Position/Orientation (Patient) or Pixel "
          + "Spacing missing in " + slices.stream().filter(s -> !s.geometry().isSpatial()).count() + " of "
          + slices.size() + " slices; kept in Instance Number order"));
    } else {
      double[] normal = slices.get(0).geometry().normal();
      ordered.sort(Comparator.comparingDouble((DicomSeries.Slice s) -> project(s, normal)).thenComparing(byInstance));
      positions = ordered.stream().mapToDouble(s -> project(s, normal)).toArray();
      spacingIssues(positions, issues);
      tiltIssue(ordered, normal, issues);
    }
    rescaleIssue(ordered, issues);
    return new DicomSeries(uid, ordered, positions, issues);
  }

  static double project(DicomSeries.Slice s, double[] normal) {
    return Vectors.dot(s.geometry().imagePositionPatient(), normal);
  }

  private static void spacingIssues(double[] p, List<SeriesIssue> issues) {
    if (p.length < 2) {
      return;
    }
    double[] d = new double[p.length - 1];
    int duplicates = 0;
    for (int i = 0; i < d.length; i++) {
      d[i] = p[i + 1] - p[i];
      if (d[i] < DUPLICATE_MM) {
        duplicates++;
      }
    }
    if (duplicates > 0) {
      issues.add(new SeriesIssue(SeriesIssue.Kind.DUPLICATE_POSITIONS, duplicates + " of " + p.length
          + " slices repeat a position along the normal (multiple echoes, phases or copies)"));
      return;
    }
    double[] s = d.clone();
    Arrays.sort(s);
    double median = s[s.length / 2];
    int missing = 0;
    for (double gap : d) {
      if (gap >= 1.5 * median) {
        missing += (int) Math.round(gap / median) - 1;
      }
    }
    if (missing > 0) {
      issues.add(new SeriesIssue(SeriesIssue.Kind.MISSING_SLICES, String.format(Locale.ROOT,
          "about %d slice(s) missing: largest gap %.3f mm, usual spacing %.3f mm", missing, s[s.length - 1],
          median)));
    }
    double tolerance = Math.max(0.01, 0.01 * median);
    if (s[s.length - 1] - median > tolerance || median - s[0] > tolerance) {
      issues.add(new SeriesIssue(SeriesIssue.Kind.UNEVEN_SPACING, String.format(Locale.ROOT,
          "slice spacing from %.4f to %.4f mm (median %.4f mm)", s[0], s[s.length - 1], median)));
    }
  }

  private static void tiltIssue(List<DicomSeries.Slice> ordered, double[] normal, List<SeriesIssue> issues) {
    double declared = ordered.get(0).file().dataset().number("GantryDetectorTilt").orElse(0.0);
    double angle = 0;
    if (ordered.size() > 1) {
      double[] step = Vectors.sub(ordered.get(ordered.size() - 1).geometry().imagePositionPatient(),
          ordered.get(0).geometry().imagePositionPatient());
      angle = Vectors.angleDegrees(step, normal);
    }
    if (angle > TILT_DEGREES || Math.abs(declared) > 1e-6) {
      issues.add(new SeriesIssue(SeriesIssue.Kind.GANTRY_TILT, String.format(Locale.ROOT,
          "slice step is %.3f degrees off the slice normal; Gantry/Detector Tilt %.3f degrees; the affine keeps "
              + "the sheared geometry (sform only, not resampled)", angle, declared)));
    }
  }

  private static void rescaleIssue(List<DicomSeries.Slice> ordered, List<SeriesIssue> issues) {
    FrameGeometry g0 = ordered.get(0).geometry();
    for (DicomSeries.Slice s : ordered) {
      FrameGeometry g = s.geometry();
      if (g.rescaleSlope() != g0.rescaleSlope() || g.rescaleIntercept() != g0.rescaleIntercept()) {
        issues.add(new SeriesIssue(SeriesIssue.Kind.MIXED_RESCALE, "Rescale Slope/Intercept differ between "
            + "slices (e.g. " + g0.rescaleSlope() + "/" + g0.rescaleIntercept() + " and " + g.rescaleSlope() + "/"
            + g.rescaleIntercept() + ")"));
        return;
      }
    }
  }
}
