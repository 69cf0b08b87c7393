package org.radmd.core.dicom;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One DICOM instance as read by a {@link DicomReader}: its data set (without Pixel Data), the Transfer Syntax it
 * was stored in, the geometry of each frame and, unless only the header was read, the decoded pixels.
 * Immutable and thread-safe.
 */
public final class DicomFile {
  private final Path source;
  private final String transferSyntaxUid;
  private final DicomDataset dataset;
  private final List<FrameGeometry> geometry;
  private final PixelFrames pixels;

  /**
   * @param source the file it was read from
   * @param transferSyntaxUid (0002,0010)
   * @param dataset every element except Pixel Data, including the File Meta Information (group 0002)
   * @param geometry one entry per frame
   * @param pixels decoded pixels, or null when only the header was read
   */
  public DicomFile(Path source, String transferSyntaxUid, DicomDataset dataset, List<FrameGeometry> geometry,
      PixelFrames pixels) {
    this.source = Objects.requireNonNull(source, "source");
    this.transferSyntaxUid = Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.geometry = List.copyOf(geometry);
    if (this.geometry.isEmpty()) {
      throw new IllegalArgumentException("at least one frame geometry is needed");
    }
    if (pixels != null && pixels.frames() != this.geometry.size()) {
      throw new IllegalArgumentException(pixels.frames() + " frames but " + this.geometry.size() + " geometries");
    }
    this.pixels = pixels;
  }

  /** The file this instance was read from. */
  public Path source() {
    return source;
  }

  /** Transfer Syntax UID (0002,0010) of the file (PS3.5 Annex A). */
  public String transferSyntaxUid() {
    return transferSyntaxUid;
  }

  /** Every element except Pixel Data. */
  public DicomDataset dataset() {
    return dataset;
  }

  /** Modality (0008,0060), e.g. {@code "CT"}; {@code ""} when absent. */
  public String modality() {
    return dataset.stringOrEmpty("Modality");
  }

  /** Series Instance UID (0020,000E); {@code ""} when absent. */
  public String seriesInstanceUid() {
    return dataset.stringOrEmpty("SeriesInstanceUID");
  }

  /** SOP Instance UID (0008,0018); {@code ""} when absent. */
  public String sopInstanceUid() {
    return dataset.stringOrEmpty("SOPInstanceUID");
  }

  /** Instance Number (0020,0013), if present. Never used for slice order. */
  public Optional<Integer> instanceNumber() {
    var n = dataset.integer("InstanceNumber");
    return n.isPresent() ? Optional.of(n.getAsInt()) : Optional.empty();
  }

  /** Rows (0028,0010). */
  public int rows() {
    return dataset.integer("Rows").orElse(0);
  }

  /** Columns (0028,0011). */
  public int columns() {
    return dataset.integer("Columns").orElse(0);
  }

  /** Number of frames: Number of Frames (0028,0008), 1 for single-frame objects. */
  public int frames() {
    return geometry.size();
  }

  /** Geometry of every frame, in frame order. */
  public List<FrameGeometry> geometry() {
    return geometry;
  }

  /** Geometry of frame {@code f} (0-based). */
  public FrameGeometry geometry(int f) {
    return geometry.get(f);
  }

  /** The decoded pixels, if they were read. */
  public Optional<PixelFrames> pixels() {
    return Optional.ofNullable(pixels);
  }

  /**
   * The decoded pixels.
   *
   * @throws IllegalStateException when only the header was read
   */
  public PixelFrames expectPixels() {
    if (pixels == null) {
      throw new IllegalStateException("pixels were not read for " + source);
    }
    return pixels;
  }

  /**
   * Frame {@code f} after the Modality LUT (Rescale Slope/Intercept, PS3.3 C.11.1): Hounsfield units for CT,
   * stored values when no rescale is present. Row-major {@code rows x columns}, a new array.
   *
   * @throws IllegalStateException when only the header was read
   */
  public float[] modalityValues(int f) {
    PixelFrames p = expectPixels();
    FrameGeometry g = geometry.get(f);
    int[] stored = p.frame(f);
    float[] out = new float[stored.length];
    for (int i = 0; i < stored.length; i++) {
      out[i] = (float) g.rescale(stored[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "DicomFile[" + source.getFileName() + ", " + modality() + ", " + rows() + "x" + columns() + "x"
        + frames() + ", ts=" + transferSyntaxUid + "]";
  }
}
