package org.radmd.index;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the distinct {@link IndexSchema#CASE_ID} values of the matching documents, from doc values: per segment
 * it marks ordinals in a bit set and resolves them to terms when the segment is done. Memory is one bit per
 * distinct case id per segment, plus the set of matching case ids.
 *
 * <p>Each collector is used by one thread, as {@link CollectorManager} requires.
 */
final class DistinctCasesCollectorManager
    implements CollectorManager<DistinctCasesCollectorManager.CaseIdCollector, Long> {

  @Override
  public CaseIdCollector newCollector() {
    return new CaseIdCollector();
  }

  @Override
  public Long reduce(Collection<CaseIdCollector> collectors) {
    Set<BytesRef> all = new HashSet<>();
    collectors.forEach(c -> all.addAll(c.caseIds));
    return (long) all.size();
  }

  /** Collects the case ids of one search slice. */
  static final class CaseIdCollector implements Collector {
    private final Set<BytesRef> caseIds = new HashSet<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues values = DocValues.getSortedSet(context.reader(), IndexSchema.CASE_ID);
      FixedBitSet seen = new FixedBitSet((int) Math.max(1, values.getValueCount()));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (values.advanceExact(doc)) {
            for (int i = 0; i < values.docValueCount(); i++) {
              seen.set((int) values.nextOrd());
            }
          }
        }

        @Override
        public void finish() throws IOException {
          for (int ord = seen.nextSetBit(0); ord != DocIdSetIterator.NO_MORE_DOCS;
              ord = ord + 1 < seen.length() ? seen.nextSetBit(ord + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            caseIds.add(BytesRef.deepCopyOf(values.lookupOrd(ord)));
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
