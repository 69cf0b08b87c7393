package org.radmd.core.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One assembled series: slices of equal size and orientation from one Series Instance UID, in spatial order
 * (ascending position along the slice normal, see {@link SeriesAssembler}). Immutable and thread-safe.
 */
public final class DicomSeries {
  /** One slice: a frame of a file. */
  public record Slice(DicomFile file, int frame) {
    public Slice {
      Objects.requireNonNull(file, "file");
      Objects.checkIndex(frame, file.frames());
    }

    /** This slice's geometry. */
    public FrameGeometry geometry() {
      return file.geometry(frame);
    }
  }

  private final String seriesInstanceUid;
  private final List<Slice> slices;
  private final double[] positions;
  private final List<SeriesIssue> issues;

  DicomSeries(String seriesInstanceUid, List<Slice> slices, double[] positions, List<SeriesIssue> issues) {
    this.seriesInstanceUid = seriesInstanceUid;
    this.slices = List.copyOf(slices);
    this.positions = positions == null ? null : positions.clone();
    this.issues = List.copyOf(issues);
  }

  /** Series Instance UID (0020,000E) shared by all slices ({@code ""} when absent). */
  public String seriesInstanceUid() {
    return seriesInstanceUid;
  }

  /** Slices in spatial order: index 0 has the smallest position along the normal. */
  public List<Slice> slices() {
    return slices;
  }

  /** Number of slices. */
  public int size() {
    return slices.size();
  }

  /** Rows of every slice. */
  public int rows() {
    return slices.get(0).file().rows();
  }

  /** Columns of every slice. */
  public int columns() {
    return slices.get(0).file().columns();
  }

  /** Modality (0008,0060) of the first slice. */
  public String modality() {
    return slices.get(0).file().modality();
  }

  /** True when every slice can be placed in patient space (position, orientation and spacing known). */
  public boolean isSpatial() {
    return positions != null;
  }

  /**
   * Position of each slice along the slice normal (projection of Image Position (Patient) onto row cosine x
   * column cosine), mm, ascending; null when the series is not spatial.
   */
  public double[] positionsAlongNormal() {
    return positions == null ? null : positions.clone();
  }

  /** Issues found while assembling, in a stable order; empty for a clean, evenly spaced stack. */
  public List<SeriesIssue> issues() {
    return issues;
  }

  /** True when an issue of this kind was found. */
  public boolean has(SeriesIssue.Kind kind) {
    return issues.stream().anyMatch(i -> i.kind() == kind);
  }

  @Override
  public String toString() {
    return "DicomSeries[" + size() + " slices of " + rows() + "x" + columns() + ", " + modality() + ", issues="
        + issues + "]";
  }
}
