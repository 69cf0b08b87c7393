package org.radmd.index;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.radmd.core.Modality;

/**
 * A case search.
 *
 * @param query free text in classic Lucene query syntax: words (all required by default), quoted phrases,
 *     {@code AND}/{@code OR}/{@code NOT}, {@code +}/{@code -}, parentheses, {@code field:} prefixes (see
 *     {@link IndexSchema}). Disease names are expanded with their synonyms ({@link CaseSearcher#search}). Blank
 *     matches every sample. Text that is not valid syntax is searched as plain words.
 * @param modality only samples with an image of this modality, or null for any
 * @param source only samples of this dataset, by display name or constant name ("MPx", "RP3D", "MPX"), or null
 *     for any
 * @param diagnosisId only samples with a diagnosis mapped to this ontology id (a value of the "diagnosis" facet,
 *     e.g. "DOID:9477"), or null for any
 * @param limit the most cases to return, at least 1
 */
public record SearchRequest(String query, @Nullable Modality modality, @Nullable String source,
    @Nullable String diagnosisId, int limit) {
  /**
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  /** A search without a diagnosis filter. */
  public SearchRequest(String query, @Nullable Modality modality, @Nullable String source, int limit) {
    this(query, modality, source, null, limit);
  }

  /** A search without filters. */
  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, null, null, null, limit);
  }
}
