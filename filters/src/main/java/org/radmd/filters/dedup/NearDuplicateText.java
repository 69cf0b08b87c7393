package org.radmd.filters.dedup;

import java.io.Serializable;
import java.util.Objects;

/**
 * Near-duplicate text detection: MinHash over character shingles of normalized text, LSH banding for
 * candidates, exact Jaccard similarity of the shingle sets to confirm.
 *
 * <p><b>Defaults</b> ({@link #DEFAULT}), each measured on the labelled text set of {@code DedupEvaluation}:
 * <ul>
 *   <li>shingles: {@value Shingles#DEFAULT_K}-character, after {@link Shingles#normalize} (see
 *       {@link Shingles} for why characters and why 5);
 *   <li>confirmation: exact Jaccard of the shingle sets at least 0.8 — NeMo Curator's
 *       {@code jaccard_threshold} default (its false-positive check also uses exact Jaccard), and the
 *       similarity at which MinHash dedup is usually run (text-dedup's examples use 0.7-0.8); exact rather than
 *       estimated, because the MinHash estimate has a standard error of 0.035 at J = 0.8 with 128 hashes;
 *   <li>candidates: {@link MinHash#defaults()} (128 hashes) banded {@link LshBands#DEFAULT} 16 x 8;
 *   <li>eligibility: texts shorter than {@value #DEFAULT_MIN_CHARS} characters (about 8 words) after
 *       normalization take no part. Short captions ("Chest X-ray.", "Preoperative radiograph", "CT Chest
 *       showing mediastinal lymphadenopathy.") recur across unrelated figures: in ROCO's test split
 *       "Computed tomography scan showing bronchiectasis" (PMC5679765) and "Computed tomography showing
 *       bronchiectasis" (PMC3758738) are 0.80 similar and describe different patients. Such texts say nothing
 *       about whether two samples are the same; their images are still compared. 1,523 of ROCO's 8,179 test
 *       captions are this short. On the labelled set, admitting texts from 40 characters lowers pair recall
 *       from 0.9999 to 0.984 and text-dedup's document macro-F1 from 0.9996 to 0.967: the shortest captions
 *       are the ones an edit changes most.
 * </ul>
 *
 * @param shingleLength k of the character shingles, at least 1
 * @param threshold smallest exact Jaccard of a duplicate, in (0, 1]
 * @param minChars shortest normalized text that takes part
 * @param minHash the hash family
 * @param bands the LSH banding; must fit in the family's signature
 */
public record NearDuplicateText(int shingleLength, double threshold, int minChars, MinHash minHash,
    LshBands bands) implements Serializable {
  /** Shortest normalized text that takes part, in characters (see the class comment). */
  public static final int DEFAULT_MIN_CHARS = 60;
  /** Default confirmation threshold on exact Jaccard similarity. */
  public static final double DEFAULT_THRESHOLD = 0.8;
  /** 5-character shingles, Jaccard at least 0.8, at least 60 characters, 128 hashes in 16 bands of 8. */
  public static final NearDuplicateText DEFAULT = new NearDuplicateText(Shingles.DEFAULT_K, DEFAULT_THRESHOLD,
      DEFAULT_MIN_CHARS, MinHash.defaults(), LshBands.DEFAULT);

  public NearDuplicateText {
    Objects.requireNonNull(minHash, "minHash");
    Objects.requireNonNull(bands, "bands");
    if (shingleLength < 1 || minChars < 0) {
      throw new IllegalArgumentException("shingleLength >= 1 and minChars >= 0 required");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    if (bands.hashesUsed() > minHash.numHashes()) {
      throw new IllegalArgumentException(bands + " needs " + bands.hashesUsed() + " hashes, family has "
          + minHash.numHashes());
    }
  }

  /** The same with another confirmation threshold. */
  public NearDuplicateText withThreshold(double t) {
    return new NearDuplicateText(shingleLength, t, minChars, minHash, bands);
  }

  /** The same with another shingle length. */
  public NearDuplicateText withShingleLength(int k) {
    return new NearDuplicateText(k, threshold, minChars, minHash, bands);
  }

  /** The same with another banding. */
  public NearDuplicateText withBands(LshBands b) {
    return new NearDuplicateText(shingleLength, threshold, minChars, minHash, b);
  }

  /** {@link Shingles#normalize}: the form every other method here expects. */
  public String normalize(String text) {
    return Shingles.normalize(text);
  }

  /** Whether a normalized text is long enough to take part. */
  public boolean eligible(String normalized) {
    return normalized.length() >= minChars;
  }

  /** The sorted distinct shingle hashes of a normalized text. */
  public long[] shingles(String normalized) {
    return Shingles.of(normalized, shingleLength);
  }

  /** The MinHash signature of a normalized text. */
  public int[] signature(String normalized) {
    return minHash.signature(Shingles.hashes(normalized, shingleLength));
  }

  /** The LSH band keys of a normalized text. */
  public long[] bandKeys(String normalized) {
    return bands.keys(signature(normalized));
  }

  /** Exact Jaccard similarity of two normalized texts' shingle sets. */
  public double jaccard(String normalizedA, String normalizedB) {
    return Shingles.jaccard(shingles(normalizedA), shingles(normalizedB));
  }

  /** Whether two normalized texts are near-duplicates: both eligible and exact Jaccard at least the threshold. */
  public boolean duplicates(String normalizedA, String normalizedB) {
    return eligible(normalizedA) && eligible(normalizedB) && jaccard(normalizedA, normalizedB) >= threshold;
  }
}
