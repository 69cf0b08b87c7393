package org.radmd.core.dicom;

import java.util.Objects;

/**
 * Something {@link SeriesAssembler} noticed about a series that a consumer should know or act on.
 *
 * @param kind what it is
 * @param detail a human-readable explanation with the numbers (mm, degrees, counts)
 */
public record SeriesIssue(Kind kind, String detail) {

  public SeriesIssue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** Kinds of issue; {@link #blocksVolume()} tells which make a 3D volume meaningless. */
  public enum Kind {
    /** Image Position/Orientation (Patient) or Pixel Spacing are missing: slices stay in Instance Number order. */
    NO_GEOMETRY(false),
    /** Two or more slices at the same position along the normal (echoes, phases or duplicate files). */
    DUPLICATE_POSITIONS(true),
    /** A gap between neighbouring slices of about twice the usual spacing or more. */
    MISSING_SLICES(false),
    /** Inter-slice distances differ by more than 1% (and 0.01 mm). */
    UNEVEN_SPACING(false),
    /** The slice stack is sheared: the step between slices is not along the slice normal (CT gantry tilt). */
    GANTRY_TILT(false),
    /** Slices disagree on Rescale Slope/Intercept; volume values are rescaled per slice into float32. */
    MIXED_RESCALE(false);

    private final boolean blocksVolume;

    Kind(boolean blocksVolume) {
      this.blocksVolume = blocksVolume;
    }

    /** True when no faithful 3D volume can be built while this issue stands. */
    public boolean blocksVolume() {
      return blocksVolume;
    }
  }
}
