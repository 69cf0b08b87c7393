package org.radmd.scrapers.jats;

import java.util.List;
import org.radmd.core.Licence;

/**
 * The parts of one JATS {@code <article>} that PMC-Inline samples need. Immutable; list components are
 * never null. String components are whitespace-collapsed and null when absent.
 *
 * @param pmcid normalized PMC id ({@code "PMC"} + digits) from {@code article-id[@pub-id-type='pmc' or
 *     'pmcid']}, or null
 * @param pmid PubMed id, or null
 * @param doi DOI as written (no resolver prefix in JATS), or null
 * @param title {@code article-title}
 * @param articleType {@code article/@article-type}
 * @param journal {@code journal-title}
 * @param journalNlmTa {@code journal-id[@journal-id-type='nlm-ta']}
 * @param year publication year of the first {@code pub-date} by preference epub, ppub, epub-ppub,
 *     collection, then any
 * @param subjects every {@code article-categories//subject}, document order (repeats kept)
 * @param keywords every {@code kwd-group/kwd}, document order
 * @param licence the licence ({@link JatsLicences} rules)
 * @param figures every {@code <fig>} outside {@code <sub-article>}, document order
 */
public record JatsArticle(String pmcid, String pmid, String doi, String title, String articleType,
    String journal, String journalNlmTa, String year, List<String> subjects, List<String> keywords,
    Licence licence, List<JatsFigure> figures) {
  public JatsArticle {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    figures = figures == null ? List.of() : List.copyOf(figures);
  }
}
