package org.radmd.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Reads a document's {@link IndexSchema#CASE_ID} from its doc values, which is much cheaper than loading stored
 * fields (no block decompression). Not thread-safe; make one per search.
 */
final class CaseIdLookup {
  private final List<LeafReaderContext> leaves;

  CaseIdLookup(IndexReader reader) {
    this.leaves = reader.leaves();
  }

  /**
   * The case id of a top-level document.
   *
   * @throws IOException if the doc values cannot be read
   * @throws IllegalStateException if the document has no case id (every indexed sample has one)
   */
  String caseId(int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), IndexSchema.CASE_ID);
    if (!values.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document " + doc + " has no " + IndexSchema.CASE_ID);
    }
    return values.lookupOrd(values.nextOrd()).utf8ToString();
  }
}
