package org.radmd.index;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;

/**
 * {@link ImageEmbedder#storedImages}: the thumbnail embedding of a sample's first readable stored picture.
 * Immutable and thread-safe.
 */
final class StoredImageEmbedder implements ImageEmbedder {
  private final StoredPaths paths;

  StoredImageEmbedder(StoredPaths paths) {
    this.paths = paths;
  }

  @Override
  public float @Nullable [] embed(Sample sample) {
    for (ImageRef image : sample.images()) {
      Optional<Path> file = paths.resolve(StoredPaths.thumbnailOf(image.path()));
      if (file.isEmpty()) {
        continue;
      }
      try {
        float[] v = ThumbnailEmbedding.of(Images.read(file.get()));
        if (v != null) {
          return v;
        }
      } catch (ImageDecodeException e) {
        // Unreadable: try the next image; a sample without any readable image gets no embedding.
      }
    }
    return null;
  }
}
