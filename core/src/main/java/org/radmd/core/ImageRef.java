package org.radmd.core;

import java.util.List;
import java.util.Objects;

/**
 * One image of a sample: a 2D picture or a 3D volume, where it sits in the sample's text, and, once
 * normalized, where its pixels are stored.
 *
 * @param id image id, unique within its sample (a JATS {@code fig/@id}, a MedPix image name, a Radiopaedia
 *     series folder such as {@code "1/axial-t2"})
 * @param kind 2D picture or 3D volume
 * @param path where the pixels are: before normalization the source file or slice folder (absolute); after,
 *     the stored file relative to the build output root (e.g. {@code medmd/images/mpx-MPX2483/0.png})
 * @param sourceFiles the origin files, relative to the input root, in slice order for volumes
 * @param shape stored shape in RadFM's layout {@code [C, H, W, D]} (channels, height and width in pixels,
 *     depth in slices; D = 1 for 2D); empty before normalization
 * @param textField the text field that {@code position} indexes into
 * @param position character offset in {@code textField} where the image belongs (RadFM's "position",
 *     radfm-spec §1.7)
 * @param modality the image's modality when known, else null
 * @param modalityLabel the source's own modality label (e.g. MedPix "MR - T2 weighted"), or null
 * @param plane acquisition plane (e.g. "Axial"), or null
 * @param caption the image's own caption, or null
 * @param pixelHash SHA-256 (hex) of the decoded pixels, set by normalization; null before
 */
public record ImageRef(
    String id,
    ImageKind kind,
    String path,
    List<String> sourceFiles,
    List<Integer> shape,
    TextField textField,
    int position,
    Modality modality,
    String modalityLabel,
    String plane,
    String caption,
    String pixelHash) {

  public ImageRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(textField, "textField");
    sourceFiles = sourceFiles == null ? List.of() : List.copyOf(sourceFiles);
    shape = shape == null ? List.of() : List.copyOf(shape);
    if (position < 0) {
      throw new IllegalArgumentException("negative position " + position + " for image " + id);
    }
  }

  /** A not-yet-normalized image: no shape, no pixel hash. */
  public static ImageRef unresolved(String id, ImageKind kind, String path, List<String> sourceFiles,
      TextField textField, int position, Modality modality, String modalityLabel, String plane,
      String caption) {
    return new ImageRef(id, kind, path, sourceFiles, List.of(), textField, position, modality,
        modalityLabel, plane, caption, null);
  }

  /** This image once stored: its output-relative path, {@code [C, H, W, D]} shape and pixel hash. */
  public ImageRef stored(String storedPath, List<Integer> storedShape, String hash) {
    return new ImageRef(id, kind, storedPath, sourceFiles, storedShape, textField, position, modality,
        modalityLabel, plane, caption, hash);
  }

  /** Number of slices (D of {@code [C, H, W, D]}); 0 before normalization. */
  public int depth() {
    return shape.size() == 4 ? shape.get(3) : 0;
  }
}
