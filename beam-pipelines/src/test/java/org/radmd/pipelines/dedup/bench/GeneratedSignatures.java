package org.radmd.pipelines.dedup.bench;

import java.util.Objects;
import org.radmd.core.ImageRef;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.VolumeHash;
import org.radmd.pipelines.dedup.ImageSignatureSource;

/**
 * Serves the signatures of a {@link ScaleCorpus}'s generated pictures (no pixels exist). Thread-safe: the pool
 * is read once per JVM and never changed. The generated corpus has no volumes.
 */
public record GeneratedSignatures(ScaleCorpus corpus) implements ImageSignatureSource {
  private static final long serialVersionUID = 1L;

  public GeneratedSignatures {
    Objects.requireNonNull(corpus, "corpus");
  }

  @Override
  public ImageSignature picture(ImageRef ref) {
    return corpus.signature(ref.path());
  }

  @Override
  public VolumeHash volume(ImageRef ref) {
    throw new IllegalArgumentException("the generated corpus has no volumes: " + ref.path());
  }
}
