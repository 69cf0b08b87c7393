package org.radmd.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Makes searchers that carry the sorted-set facet state of their reader. Building that state (a global ordinal
 * map) costs time proportional to the index, so it is built once per reader, when the {@link
 * org.apache.lucene.search.SearcherManager} opens or refreshes it, not once per search.
 */
final class FacetStateSearcherFactory extends SearcherFactory {

  @Override
  public IndexSearcher newSearcher(IndexReader reader, @Nullable IndexReader previousReader) throws IOException {
    return new FacetStateSearcher(reader);
  }

  /**
   * A searcher with its reader's facet state and, built on first use, the suggestion index of its indexed
   * diagnoses; immutable like its reader (the lazy index is built at most a few times under a race, each time
   * equal).
   */
  static final class FacetStateSearcher extends IndexSearcher {
    private final @Nullable SortedSetDocValuesReaderState facetState;
    private volatile @Nullable SuggestionIndex diagnosisLabels;

    FacetStateSearcher(IndexReader reader) throws IOException {
      super(reader);
      String field = IndexSchema.facetsConfig().getDimConfig(IndexSchema.DIM_SOURCE).indexFieldName;
      boolean hasFacets =
          reader.leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(field) != null);
      this.facetState = hasFacets
          ? new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig())
          : null;
    }

    /** The facet state, or null when no document has facets (an empty index). */
    @Nullable SortedSetDocValuesReaderState facetState() {
      return facetState;
    }

    /** Every distinct {@link IndexSchema#DIAGNOSIS_LABEL} of the reader, for suggestions. */
    SuggestionIndex diagnosisLabels() throws IOException {
      SuggestionIndex labels = diagnosisLabels;
      if (labels == null) {
        List<String> texts = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(getIndexReader(), IndexSchema.DIAGNOSIS_LABEL);
        if (terms != null) {
          TermsEnum te = terms.iterator();
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            texts.add(t.utf8ToString());
          }
        }
        labels = SuggestionIndex.of(texts, Comparator.naturalOrder());
        diagnosisLabels = labels;
      }
      return labels;
    }
  }
}
