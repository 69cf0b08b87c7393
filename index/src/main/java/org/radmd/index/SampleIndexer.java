package org.radmd.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.radmd.core.Sample;

/**
 * Writes samples into a Lucene index, one document per sample as {@link IndexSchema#toDocument(Sample,
 * DiseaseVocabulary, float[])} builds it, keyed by sample id, with the image embedding its {@link ImageEmbedder}
 * computes.
 *
 * <p>Thread-safe: {@link #upsert} may be called from several threads (the underlying {@link IndexWriter} is).
 * Only one indexer may have a given folder open at a time, in any process; a second {@link #open} fails with
 * {@link org.apache.lucene.store.LockObtainFailedException}. Changes become visible to {@link CaseSearcher} at
 * {@link #commit} and at {@link #close}, which commits. The indexer owns its writer, directory and analyzer and
 * closes them in {@link #close}.
 */
public final class SampleIndexer implements AutoCloseable {
  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final DiseaseVocabulary vocab;
  private final ImageEmbedder embedder;

  private SampleIndexer(Directory directory, Analyzer analyzer, IndexWriter writer, DiseaseVocabulary vocab,
      ImageEmbedder embedder) {
    this.directory = directory;
    this.analyzer = analyzer;
    this.writer = writer;
    this.vocab = vocab;
    this.embedder = embedder;
  }

  /**
   * Opens the index in {@code indexDir} with image embeddings read from the build output that holds it: the same
   * as {@code open(indexDir, vocab, ImageEmbedder.storedImages(<absolute indexDir>.getParent()))}, which fits the
   * pipeline's layout {@code OUT/index} beside {@code OUT/medmd/images} and {@code OUT/medmd/volumes}. Samples
   * whose image paths are not stored there (absolute source paths, say) get no embedding.
   *
   * @throws org.apache.lucene.store.LockObtainFailedException if another writer holds the index
   * @throws IOException if the folder cannot be created or the index cannot be opened
   */
  public static SampleIndexer open(Path indexDir, DiseaseVocabulary vocab) throws IOException {
    Path parent = indexDir.toAbsolutePath().normalize().getParent();
    return open(indexDir, vocab, parent == null ? ImageEmbedder.none() : ImageEmbedder.storedImages(parent));
  }

  /**
   * Opens the index in {@code indexDir}, creating the folder and an empty committed index when there is none, or
   * appending to the one there.
   *
   * @param vocab maps diagnoses to DOIDs for the diagnosis field and facet; {@link DiseaseVocabulary#empty()} for
   *     none
   * @param embedder computes each sample's image embedding at {@link #upsert}; {@link ImageEmbedder#none()} for
   *     none
   * @throws org.apache.lucene.store.LockObtainFailedException if another writer holds the index
   * @throws IOException if the folder cannot be created or the index cannot be opened
   */
  public static SampleIndexer open(Path indexDir, DiseaseVocabulary vocab, ImageEmbedder embedder)
      throws IOException {
    Files.createDirectories(indexDir);
    Directory dir = FSDirectory.open(indexDir);
    Analyzer analyzer = IndexSchema.newAnalyzer();
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(true);
      IndexWriter writer = new IndexWriter(dir, config);
      try {
        if (!DirectoryReader.indexExists(dir)) {
          writer.commit(); // so that a searcher can open the new, still empty index
        }
        return new SampleIndexer(dir, analyzer, writer, vocab, embedder);
      } catch (IOException | RuntimeException e) {
        IOUtils.closeWhileHandlingException(writer);
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(analyzer, dir);
      throw e;
    }
  }

  /**
   * Adds the sample, replacing the document of any sample with the same id (atomically: a searcher sees the old
   * or the new one, never both or neither). Not visible to searchers before the next {@link #commit}. The
   * embedder reads the sample's image here (a few milliseconds per stored image).
   *
   * @throws IOException if the index cannot be written; the writer may then be closed (see {@link IndexWriter})
   */
  public void upsert(Sample s) throws IOException {
    writer.updateDocument(IndexSchema.idTerm(s.id()), IndexSchema.toDocument(s, vocab, embedder.embed(s)));
  }

  /**
   * Makes every upsert so far durable and visible to searchers that refresh.
   *
   * @throws IOException if the commit fails
   */
  public void commit() throws IOException {
    writer.commit();
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments, then commits. A build that has just written
   * the whole index calls this with 1: per-segment work then happens once per query instead of once per
   * segment (facet ordinal maps across segments, term lookups per query clause), which is what keeps disease
   * queries with facets fast at 10^6 documents (BENCHMARKS.md §5). It rewrites the index (I/O about its size)
   * and needs up to twice its size on disk while running; incremental upserts need not call it.
   *
   * @throws IllegalArgumentException if {@code maxSegments < 1}
   * @throws IOException if the merge or commit fails
   */
  public void forceMerge(int maxSegments) throws IOException {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be >= 1: " + maxSegments);
    }
    writer.forceMerge(maxSegments);
    writer.commit();
  }

  /** Segments in the last commit point of the writer's index, as searchers opening now would see them. */
  public int committedSegments() throws IOException {
    return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).size();
  }

  /**
   * Documents in the index, uncommitted ones included. Replaced documents stop counting once their deletion is
   * applied, at the latest at the next {@link #commit}; so right after upserting one id twice this may still
   * count both.
   */
  public int numDocs() {
    return writer.getDocStats().numDocs;
  }

  /** Commits pending changes, then releases the writer lock, the analyzer and the directory. */
  @Override
  public void close() throws IOException {
    IOUtils.close(writer, analyzer, directory);
  }
}
