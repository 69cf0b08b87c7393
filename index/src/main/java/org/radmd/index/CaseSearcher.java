package org.radmd.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;
import org.radmd.core.Json;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;

/**
 * Searches an index written by {@link SampleIndexer} for cases: free text with disease-synonym expansion (see
 * {@link #search}), modality and dataset filters, hits grouped by case, facet counts, highlighted snippets.
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
  private static final String[] SNIPPET_FIELDS = {IndexSchema.CAPTION, IndexSchema.FINDINGS};

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
      List<SearchHit> hits = toHits(searcher, parsed.query(), best);
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
    StoredFields stored = searcher.storedFields();
    Set<String> caseField = Set.of(IndexSchema.CASE_ID);
    while (true) {
      List<ScoreDoc> best = new ArrayList<>();
      Set<String> cases = new HashSet<>();
      for (ScoreDoc sd : top.scoreDocs) {
        String caseId = stored.document(sd.doc, caseField).get(IndexSchema.CASE_ID);
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

  private List<SearchHit> toHits(IndexSearcher searcher, Query textQuery, List<ScoreDoc> best) throws IOException {
    if (best.isEmpty()) {
      return List.of();
    }
    int[] docIds = best.stream().mapToInt(sd -> sd.doc).toArray();
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
        .withMaxNoHighlightPassages(0)
        .build();
    int[] onePassage = new int[SNIPPET_FIELDS.length];
    Arrays.fill(onePassage, 1);
    Map<String, String[]> snippets = highlighter.highlightFields(SNIPPET_FIELDS, textQuery, docIds, onePassage);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(best.size());
    for (int i = 0; i < best.size(); i++) {
      Document d = stored.document(docIds[i]);
      String snippet = firstNonBlank(snippets.get(IndexSchema.CAPTION)[i], snippets.get(IndexSchema.FINDINGS)[i]);
      if (snippet == null) {
        snippet = escapeHtml(orEmpty(d.get(IndexSchema.SNIPPET_FALLBACK)));
      }
      hits.add(new SearchHit(
          d.get(IndexSchema.ID),
          d.get(IndexSchema.CASE_ID),
          orEmpty(d.get(IndexSchema.SOURCE)),
          best.get(i).score,
          orEmpty(d.get(IndexSchema.TITLE)),
          List.of(d.getValues(IndexSchema.DIAGNOSIS)),
          List.of(d.getValues(IndexSchema.MODALITY)),
          orEmpty(d.get(IndexSchema.ANATOMY)),
          snippet,
          List.of(d.getValues(IndexSchema.IMAGE_PATH)),
          orEmpty(d.get(IndexSchema.LICENCE))));
    }
    return hits;
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

  private static @Nullable String firstNonBlank(@Nullable String a, @Nullable String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** HTML-escapes text, as the highlighter's formatter does for highlighted passages. */
  static String escapeHtml(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#x27;");
        case '/' -> sb.append("&#x2F;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
