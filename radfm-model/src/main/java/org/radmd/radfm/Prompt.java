package org.radmd.radfm;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One RadFM request: a question with a literal {@code <image>} marker for each image, the images in marker
 * order, and optionally the answer (required for {@link RadfmBackend#score}, ignored by
 * {@link RadfmBackend#generate}).
 *
 * <p>The markers follow the unified instruction JSONL (notes/contract.md): the k-th {@code "<image>"} in
 * {@code question} stands for {@code images.get(k)}; the backend removes the markers and places RadFM's image
 * blocks at their character positions (radfm-spec §1.7; see {@link ImageTokenLayout}). Images are 2D PNG/JPEG
 * files or 3D NIfTI volumes ({@code .nii}, {@code .nii.gz}) loaded as [3, H, W, D] in [0, 1]. Immutable.
 *
 * @param question the question text with one {@code <image>} marker per image, never null
 * @param images image files in marker order, never null (copied)
 * @param answer the reference answer to score, or null when generating
 */
public record Prompt(String question, List<Path> images, String answer) {
  /** The marker that stands for one image in {@link #question}. */
  public static final String IMAGE_MARKER = "<image>";

  /**
   * @throws NullPointerException if question or images is null
   * @throws IllegalArgumentException if the number of markers differs from the number of images
   */
  public Prompt {
    Objects.requireNonNull(question, "question");
    images = List.copyOf(Objects.requireNonNull(images, "images"));
    int markers = countMarkers(question);
    if (markers != images.size()) {
      throw new IllegalArgumentException(
          "question has " + markers + " " + IMAGE_MARKER + " markers but " + images.size() + " images");
    }
  }

  /** A prompt without an answer, for generation. */
  public static Prompt of(String question, List<Path> images) {
    return new Prompt(question, images, null);
  }

  /** Number of non-overlapping {@code <image>} markers in {@code text}. */
  public static int countMarkers(String text) {
    int n = 0;
    for (int i = text.indexOf(IMAGE_MARKER); i >= 0; i = text.indexOf(IMAGE_MARKER, i + IMAGE_MARKER.length())) {
      n++;
    }
    return n;
  }
}
