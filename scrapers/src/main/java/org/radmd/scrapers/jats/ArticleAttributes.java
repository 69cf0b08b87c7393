package org.radmd.scrapers.jats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sample attributes taken from article metadata, shared by PMC-Inline and PMC-CaseReport samples: {@code
 * label} (the figure's), {@code journal}, {@code journal-nlm-ta}, {@code article-type}, {@code year}, {@code
 * subjects} and {@code keywords} (each joined with "; "), each only when present. Stateless and thread-safe.
 */
final class ArticleAttributes {
  private ArticleAttributes() {}

  /** The attributes of {@code a}, with {@code label} when non-null; insertion-ordered, mutable. */
  static Map<String, String> of(JatsArticle a, String label) {
    Map<String, String> attrs = new LinkedHashMap<>();
    put(attrs, "label", label);
    put(attrs, "journal", a.journal());
    put(attrs, "journal-nlm-ta", a.journalNlmTa());
    put(attrs, "article-type", a.articleType());
    put(attrs, "year", a.year());
    put(attrs, "subjects", a.subjects().isEmpty() ? null : String.join("; ", a.subjects()));
    put(attrs, "keywords", a.keywords().isEmpty() ? null : String.join("; ", a.keywords()));
    return attrs;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
