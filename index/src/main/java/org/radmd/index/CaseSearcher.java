package org.radmd.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.radmd.core.Json;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;

/**
 * Searches an index written by {@link SampleIndexer} for cases: free text with disease-synonym expansion (see
 * {@link #search}), modality, dataset and diagnosis filters, hits grouped by case, facet counts, highlighted
 * snippets, similar cases by image embedding ({@link #similar}) and diagnosis suggestions.
 *
 * <p>Thread-safe: searchers come from a {@link SearcherManager}, acquired and released around every call. Each
 * call first asks the manager to refresh, so a search sees the commits made before it started (unless another
 * thread is refreshing at that moment: then it uses the searcher current until that refresh ends). A refresh
 * that finds no new commit costs one read of the folder. The searcher owns its directory handle and analyzer;
 * close it once, after the last search has returned. It never writes to the index.
 */
public final class CaseSearcher implements AutoCloseable {
  /** The most values reported per facet dimension. */
  public static final int FACET_VALUES = 50;
  /** How many more samples than cases the first search fetches before grouping. */
  private static final int SAMPLES_PER_CASE_GUESS = 5;

  private final Directory directory;
  private final Analyzer analyzer;
  private final SearcherManager manager;
  private final CaseQueryParser parser;

  private CaseSearcher(Directory directory, Analyzer analyzer, SearcherManager manager, DiseaseVocabulary vocab) {
    this.directory = directory;
    this.analyzer = analyzer;
    this.manager = manager;
    this.parser = new CaseQueryParser(analyzer, vocab);
  }

  /**
   * Opens the index in {@code indexDir} for searching.
   *
   * @param vocab expands disease names in queries; {@link DiseaseVocabulary#empty()} for none
   * @throws IndexNotFoundException if the folder does not exist or holds no committed index
   * @throws IOException if the index cannot be read
   */
  public static CaseSearcher open(Path indexDir, DiseaseVocabulary vocab) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new IndexNotFoundException("no index folder at " + indexDir);
    }
    Directory dir = FSDirectory.open(indexDir);
    Analyzer analyzer = IndexSchema.newAnalyzer();
    try {
      SearcherManager manager = new SearcherManager(dir, new FacetStateSearcherFactory());
      return new CaseSearcher(dir, analyzer, manager, vocab);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(analyzer, dir);
      throw e;
    }
  }

  /**
   * Runs a search. The free text is parsed as described in {@link SearchRequest#query()}; when the whole query (or
   * a quoted phrase in it) equals a disease name or synonym of the vocabulary, all that disease's names and
   * synonyms are searched too, so "pulmonary embolism" also finds "Pulmonary Embolus". Filters restrict without
   * changing scores. Samples are grouped by case: each hit is the best-scoring sample of its case, and at most
   * {@code limit} cases come back, best first (ties in index order).
   *
   * @throws IllegalArgumentException if {@code request.source()} names no dataset
   * @throws IOException if the index cannot be read
   */
  public SearchResult search(SearchRequest request) throws IOException {
    CaseQueryParser.Parsed parsed = parser.parse(request.query());
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(parsed.query(), Occur.MUST);
    if (request.modality() != null) {
      b.add(IndexSchema.modalityQuery(request.modality()), Occur.FILTER);
    }
    if (request.source() != null) {
      b.add(IndexSchema.sourceQuery(SourceDataset.parse(request.source())), Occur.FILTER);
    }
    if (request.diagnosisId() != null) {
      b.add(IndexSchema.diagnosisIdQuery(request.diagnosisId()), Occur.FILTER);
    }
    Query query = b.build();

    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      int window = windowFor(request.limit());
      Object[] results = searcher.search(query, new MultiCollectorManager(
          new TopScoreDocCollectorManager(window, window),
          new FacetsCollectorManager(),
          new DistinctCasesCollectorManager()));
      TopDocs top = (TopDocs) results[0];
      FacetsCollector facets = (FacetsCollector) results[1];
      long totalCases = (Long) results[2];
      List<ScoreDoc> best = bestPerCase(searcher, query, top, window, request.limit());
      List<SearchHit> hits = HitReader.read(searcher, analyzer, parsed.query(), best);
      return new SearchResult(totalCases, hits, facetCounts(searcher, facets), parsed.expandedTerms());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The sample with this id, read back from its stored JSON copy; equal to the sample that was indexed.
   *
   * @return the sample, or empty when no sample has this id
   * @throws IOException if the index cannot be read
   * @throws java.io.UncheckedIOException if the stored JSON no longer reads as a {@link Sample}
   */
  public Optional<Sample> get(String sampleId) throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(IndexSchema.idQuery(sampleId), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document doc = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(IndexSchema.SAMPLE_JSON));
      return Optional.of(Json.read(doc.get(IndexSchema.SAMPLE_JSON), Sample.class));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The cases whose images look most like this sample's: the nearest neighbours of its image embedding
   * ({@link IndexSchema#EMBEDDING}, cosine), one sample per case (the nearest), the sample's own case left out,
   * nearest first. Hit scores are Lucene's cosine score {@code (1 + cos) / 2}, in [0, 1]; snippets are the
   * unhighlighted fallback text. The search is approximate (HNSW) on large indexes.
   *
   * @param k the most cases to return, at least 1
   * @return empty when no sample has this id; a result without hits and {@code hasEmbedding = false} when the
   *     sample has no embedding (no readable image)
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws IOException if the index cannot be read
   */
  public Optional<SimilarCases> similar(String sampleId, int k) throws IOException {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(IndexSchema.idQuery(sampleId), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int doc = top.scoreDocs[0].doc;
      float[] embedding = NearestCases.embeddingOf(searcher.getIndexReader(), doc);
      if (embedding == null) {
        return Optional.of(new SimilarCases(sampleId, false, List.of()));
      }
      String caseId = new CaseIdLookup(searcher.getIndexReader()).caseId(doc);
      List<ScoreDoc> nearest = NearestCases.search(searcher, embedding, caseId, k);
      return Optional.of(new SimilarCases(sampleId, true, HitReader.read(searcher, analyzer, null, nearest)));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Diagnoses as the indexed samples state them ({@link IndexSchema#DIAGNOSIS_LABEL}) that match a query-box
   * prefix: those starting with it first, then those with a later word starting with it, shortest first. The
   * label list is built once per index version (on the first call after a commit), then scanned per call.
   *
   * @param limit the most labels returned
   * @return at most {@code limit} labels; empty for a blank prefix
   * @throws IOException if the index cannot be read
   */
  public List<String> suggestDiagnoses(String prefix, int limit) throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      return ((FacetStateSearcherFactory.FacetStateSearcher) searcher).diagnosisLabels().suggest(prefix, limit);
    } finally {
      manager.release(searcher);
    }
  }

  /** Releases the searchers, the analyzer and the directory. */
  @Override
  public void close() throws IOException {
    IOUtils.close(manager, analyzer, directory);
  }

  private static int windowFor(int limit) {
    return (int) Math.min(Integer.MAX_VALUE - 1L, (long) limit * SAMPLES_PER_CASE_GUESS);
  }

  /** The first (best) sample of each case, up to {@code limit} cases; widens the window while cases are short. */
  private static List<ScoreDoc> bestPerCase(IndexSearcher searcher, Query query, TopDocs first, int window,
      int limit) throws IOException {
    TopDocs top = first;
    int n = window;
    CaseIdLookup caseIds = new CaseIdLookup(searcher.getIndexReader());
    while (true) {
      List<ScoreDoc> best = new ArrayList<>();
      Set<String> cases = new HashSet<>();
      for (ScoreDoc sd : top.scoreDocs) {
        String caseId = caseIds.caseId(sd.doc);
        if (cases.add(caseId)) {
          best.add(sd);
          if (best.size() == limit) {
            return best;
          }
        }
      }
      boolean more = top.scoreDocs.length == n && n < Integer.MAX_VALUE / 4;
      if (!more) {
        return best;
      }
      n *= 4;
      top = searcher.search(query, n);
    }
  }

  private static Map<String, Map<String, Integer>> facetCounts(IndexSearcher searcher, FacetsCollector fc)
      throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    IndexSchema.FACET_DIMS.forEach(dim -> out.put(dim, new LinkedHashMap<>()));
    FacetStateSearcherFactory.FacetStateSearcher s = (FacetStateSearcherFactory.FacetStateSearcher) searcher;
    if (s.facetState() != null) {
      SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(s.facetState(), fc);
      for (FacetResult r : counts.getAllDims(FACET_VALUES)) {
        Map<String, Integer> values = out.get(r.dim);
        if (values != null) {
          for (LabelAndValue lv : r.labelValues) {
            values.put(lv.label, lv.value.intValue());
          }
        }
      }
    }
    out.replaceAll((dim, values) -> Collections.unmodifiableMap(values));
    return out;
  }
}
