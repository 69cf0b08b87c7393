package org.radmd.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param totalCases how many distinct cases match (all of them, not only those in {@code hits})
 * @param hits at most {@code limit} cases, best first, each represented by its best-scoring sample
 * @param facets for each dimension of {@link IndexSchema#FACET_DIMS} ("modality", "source", "diagnosis"), value
 *     to number of matching <em>samples</em>, highest count first, at most {@link CaseSearcher#FACET_VALUES}
 *     values; a dimension without values maps to an empty map. Diagnosis values are DOIDs
 *     ({@link DiseaseVocabulary#name} gives their names).
 * @param expandedTerms the vocabulary names and synonyms the query was widened with, without the user's own
 *     phrases; empty when nothing was expanded
 */
public record SearchResult(
    long totalCases,
    List<SearchHit> hits,
    Map<String, Map<String, Integer>> facets,
    List<String> expandedTerms) {
  public SearchResult {
    hits = List.copyOf(hits);
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    facets.forEach((dim, counts) -> copy.put(dim, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    facets = Collections.unmodifiableMap(copy);
    expandedTerms = List.copyOf(expandedTerms);
  }
}
