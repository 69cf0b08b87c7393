package org.radmd.index;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link CaseSearcher#similar}.
 *
 * @param sampleId the sample whose neighbours these are
 * @param hasEmbedding whether that sample has an image embedding; without one there are no neighbours
 * @param hits the nearest cases, nearest first, each represented by its nearest sample; scores are
 *     {@code (1 + cosine) / 2}
 */
public record SimilarCases(String sampleId, boolean hasEmbedding, List<SearchHit> hits) {
  public SimilarCases {
    Objects.requireNonNull(sampleId, "sampleId");
    hits = List.copyOf(hits);
  }
}
