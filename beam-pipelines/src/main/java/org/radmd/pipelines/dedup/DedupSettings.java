package org.radmd.pipelines.dedup;

import java.io.Serializable;
import java.util.Objects;
import org.radmd.filters.dedup.HammingBands;
import org.radmd.filters.dedup.ImageMatcher;
import org.radmd.filters.dedup.NearDuplicateText;
import org.radmd.filters.dedup.VolumeHash;

/**
 * The parameters of {@link NearDuplicateDedup}; each default is documented, with its measurement, where it is
 * defined.
 *
 * @param images 2D pair rule ({@link ImageMatcher#DEFAULT}: crop-tolerant pHash within 10 bits, then aligned
 *     correlation at least 0.90)
 * @param imageBands LSH over pHash bits ({@link HammingBands#DEFAULT}: 4 bands of 16 bits, no probing)
 * @param volumeMaxMeanHamming volume rule: mean slice-wise pHash distance at most this many bits ({@link
 *     VolumeHash#DEFAULT_MAX_MEAN_HAMMING} = 12)
 * @param text text rule ({@link NearDuplicateText#DEFAULT}: 5-char shingles, MinHash 128, LSH 16 x 8, exact
 *     Jaccard at least 0.8, texts of at least 60 characters)
 * @param componentRounds pairs of large-star/small-star rounds of {@link ConnectedComponents} (default 8)
 */
public record DedupSettings(ImageMatcher images, HammingBands imageBands, double volumeMaxMeanHamming,
    NearDuplicateText text, int componentRounds) implements Serializable {
  /** Every default above. */
  public static final DedupSettings DEFAULT = new DedupSettings(ImageMatcher.DEFAULT, HammingBands.DEFAULT,
      VolumeHash.DEFAULT_MAX_MEAN_HAMMING, NearDuplicateText.DEFAULT, ConnectedComponents.DEFAULT_ROUNDS);

  public DedupSettings {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(imageBands, "imageBands");
    Objects.requireNonNull(text, "text");
    if (!(volumeMaxMeanHamming >= 0 && volumeMaxMeanHamming <= 64)) {
      throw new IllegalArgumentException("volumeMaxMeanHamming must be 0..64: " + volumeMaxMeanHamming);
    }
    if (componentRounds < 1) {
      throw new IllegalArgumentException("componentRounds must be at least 1: " + componentRounds);
    }
  }
}
