package org.radmd.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/** Nearest-neighbour search over {@link IndexSchema#EMBEDDING}, grouped by case. Stateless and thread-safe. */
final class NearestCases {
  /** Neighbours fetched per case asked for, so that several samples of one case still leave {@code k} cases. */
  private static final int SAMPLES_PER_CASE_GUESS = 5;
  private static final int MAX_NEIGHBOURS = 10_000;

  private NearestCases() {}

  /** The stored embedding of a document, or null when it has none. */
  static float @Nullable [] embeddingOf(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.EMBEDDING);
    int local = doc - leaf.docBase;
    if (values == null || values.advance(local) != local) {
      return null;
    }
    return values.vectorValue().clone();
  }

  /** The nearest sample of each of the {@code k} nearest cases other than {@code excludedCase}, nearest first. */
  static List<ScoreDoc> search(IndexSearcher searcher, float[] embedding, String excludedCase, int k)
      throws IOException {
    Query filter = new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.FILTER)
        .add(IndexSchema.caseQuery(excludedCase), Occur.MUST_NOT)
        .build();
    int n = (int) Math.min(MAX_NEIGHBOURS, (long) k * SAMPLES_PER_CASE_GUESS);
    TopDocs top = searcher.search(IndexSchema.nearestQuery(embedding, n, filter), n);
    CaseIdLookup caseIds = new CaseIdLookup(searcher.getIndexReader());
    Set<String> seen = new HashSet<>();
    List<ScoreDoc> best = new ArrayList<>(k);
    for (ScoreDoc sd : top.scoreDocs) {
      if (seen.add(caseIds.caseId(sd.doc))) {
        best.add(sd);
        if (best.size() == k) {
          break;
        }
      }
    }
    return best;
  }
}
