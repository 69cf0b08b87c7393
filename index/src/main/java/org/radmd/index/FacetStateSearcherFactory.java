package org.radmd.index;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
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

  /** A searcher with its reader's facet state; immutable like its reader. */
  static final class FacetStateSearcher extends IndexSearcher {
    private final @Nullable SortedSetDocValuesReaderState facetState;

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
  }
}
