package org.radmd.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Turns scored documents into {@link SearchHit}s: stored fields plus a snippet, highlighted for a text query.
 * Stateless and thread-safe (a highlighter is built per call).
 */
final class HitReader {
  private static final String[] SNIPPET_FIELDS = {IndexSchema.CAPTION, IndexSchema.FINDINGS};
  /** The stored fields a hit shows; the sample JSON, the largest, is left unread. */
  private static final Set<String> HIT_FIELDS = Set.of(IndexSchema.ID, IndexSchema.CASE_ID, IndexSchema.SOURCE,
      IndexSchema.TITLE, IndexSchema.DIAGNOSIS, IndexSchema.MODALITY, IndexSchema.ANATOMY, IndexSchema.IMAGE_PATH,
      IndexSchema.LICENCE, IndexSchema.SNIPPET_FALLBACK);

  private HitReader() {}

  /**
   * The hits of {@code docs}, in order.
   *
   * @param textQuery the query whose terms the snippets highlight, or null for none (the fallback text is shown)
   */
  static List<SearchHit> read(IndexSearcher searcher, Analyzer analyzer, @Nullable Query textQuery,
      List<ScoreDoc> docs) throws IOException {
    if (docs.isEmpty()) {
      return List.of();
    }
    int[] docIds = docs.stream().mapToInt(sd -> sd.doc).toArray();
    Map<String, String[]> snippets = textQuery == null ? Map.of() : highlight(searcher, analyzer, textQuery, docIds);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      Document d = stored.document(docIds[i], HIT_FIELDS);
      String snippet = snippets.isEmpty() ? null
          : firstNonBlank(snippets.get(IndexSchema.CAPTION)[i], snippets.get(IndexSchema.FINDINGS)[i]);
      if (snippet == null) {
        snippet = escapeHtml(orEmpty(d.get(IndexSchema.SNIPPET_FALLBACK)));
      }
      hits.add(new SearchHit(
          d.get(IndexSchema.ID),
          d.get(IndexSchema.CASE_ID),
          orEmpty(d.get(IndexSchema.SOURCE)),
          docs.get(i).score,
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

  private static Map<String, String[]> highlight(IndexSearcher searcher, Analyzer analyzer, Query textQuery,
      int[] docIds) throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
        .withMaxNoHighlightPassages(0)
        .build();
    int[] onePassage = new int[SNIPPET_FIELDS.length];
    Arrays.fill(onePassage, 1);
    return highlighter.highlightFields(SNIPPET_FIELDS, textQuery, docIds, onePassage);
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
