package org.radmd.scrapers.radiopaedia;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Author and case title parsed out of a Radiopaedia citation line such as {@code "Neto, A. Medulloblastoma.
 * Case study, Radiopaedia.org. (accessed on 11 Jul 2022) https://doi.org/10.53347/rID-70432"}: the author
 * is the text up to the last initial ("A.") before the title, the title runs to {@code ". Case study"}.
 * Thread-safe.
 *
 * @param author the author as cited ({@code "Neto, A."}), or null
 * @param title the case title ({@code "Medulloblastoma"}), or null
 */
record RadiopaediaCitation(String author, String title) {
  private static final Pattern CASE_STUDY = Pattern.compile("\\.?\\s*Case study\\b");
  private static final Pattern AUTHOR_THEN_TITLE =
      Pattern.compile("^(.*?\\b\\p{Lu}\\.(?:\\s*\\p{Lu}\\.)*)\\s+(?!\\p{Lu}\\.)(\\S.*)$");
  private static final Pattern SURNAME_INITIALS = Pattern.compile("^([^,]+),\\s*((?:\\p{Lu}\\.\\s*)+)$");

  /** Parses {@code citation}; both parts null when it does not have the expected shape. */
  static RadiopaediaCitation parse(String citation) {
    if (citation == null) {
      return new RadiopaediaCitation(null, null);
    }
    Matcher cs = CASE_STUDY.matcher(citation);
    if (!cs.find()) {
      return new RadiopaediaCitation(null, null);
    }
    String head = citation.substring(0, cs.start()).strip();
    Matcher m = AUTHOR_THEN_TITLE.matcher(head);
    if (m.matches()) {
      return new RadiopaediaCitation(m.group(1).strip(), blankToNull(m.group(2)));
    }
    int dot = head.indexOf(". ");
    return dot < 0 ? new RadiopaediaCitation(null, blankToNull(head))
        : new RadiopaediaCitation(head.substring(0, dot + 1), blankToNull(head.substring(dot + 2)));
  }

  /** The author in reading order: {@code "Neto, A."} becomes {@code "A. Neto"}; other forms unchanged. */
  String authorForAttribution() {
    if (author == null) {
      return null;
    }
    Matcher m = SURNAME_INITIALS.matcher(author);
    return m.matches() ? m.group(2).strip() + " " + m.group(1).strip() : author;
  }

  private static String blankToNull(String s) {
    String t = s == null ? null : s.strip();
    return t == null || t.isEmpty() ? null : t;
  }
}
