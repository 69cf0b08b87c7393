package org.radmd.index;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.radmd.core.Sample;

/**
 * Computes the image embedding {@link SampleIndexer} stores in {@link IndexSchema#EMBEDDING} for similar-case
 * search. Implementations must be thread-safe ({@link SampleIndexer#upsert} may run on several threads) and must
 * not throw for an unreadable image: such a sample simply gets no embedding.
 */
@FunctionalInterface
public interface ImageEmbedder {
  /**
   * The embedding of a sample's images.
   *
   * @return {@link ThumbnailEmbedding#DIMENSIONS} floats of unit L2 norm, or null for a sample without a readable
   *     image
   */
  float @Nullable [] embed(Sample sample);

  /** An embedder that gives no sample an embedding. */
  static ImageEmbedder none() {
    return s -> null;
  }

  /**
   * Embeds the first readable stored image of a sample ({@link ThumbnailEmbedding}): a 2D image's PNG, or a
   * volume's key-slice PNG beside its {@code .nii.gz} (the middle slice, as the pipeline writes it), read from
   * the stored-image areas of {@code outputRoot} ({@link StoredPaths}). Image paths that are absolute or outside
   * those areas (samples not yet normalized) are skipped.
   */
  static ImageEmbedder storedImages(Path outputRoot) {
    return new StoredImageEmbedder(new StoredPaths(outputRoot));
  }
}
