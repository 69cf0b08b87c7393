package org.radmd.scrapers.support;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule-based sentence splitter for scientific and clinical English. Stateless and thread-safe.
 *
 * <p>A sentence ends at {@code . ! ?} (with any closing quotes or brackets after it) that is followed by
 * whitespace and then a word that does not look like a continuation, or by the end of the text. A
 * continuation is a word that starts with a lower-case letter and has no capital or digit ("and", "the");
 * "mRNA", "xI50" or "pH" can start a sentence. These are not sentence ends either:
 *
 * <ul>
 *   <li>a period after a known abbreviation: {@code Fig. Figs. et al. e.g. i.e. vs. approx. cf. ca. resp.
 *       viz. incl. Dr. Mr. Mrs. Ms. Prof. St. sp. spp. Suppl.}, any dotted abbreviation such as {@code a.k.a.}
 *       or {@code U.S.}, and a single-letter initial ({@code C. saccharolyticus}, {@code J. Smith});
 *   <li>a period after {@code No. Nos. Eq. Eqs. Ref. Refs. Vol. p. pp. Tab. Sect. Ch.} when a digit follows;
 *   <li>a period inside a number ({@code 2.5}), since no whitespace follows it.
 * </ul>
 *
 * <p>Known limits: a sentence that starts with an all-lower-case word (e.g. "p-values were ...") is joined
 * to the previous one, and a sentence ending in a single capital letter ("vitamin C.") is not split there.
 *
 * <p>Citation markers that directly follow the full stop ({@code "... pancreatitis.1,2 The ..."}, typical of
 * superscript reference numbers) stay with the preceding sentence when the caller marks their characters in
 * the {@code attached} set.
 */
public final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS = Set.of("fig", "figs", "al", "e.g", "i.e", "vs", "approx",
      "cf", "ca", "resp", "viz", "incl", "dr", "mr", "mrs", "ms", "prof", "st", "sp", "spp", "suppl");
  private static final Set<String> NUMBER_ABBREVIATIONS =
      Set.of("no", "nos", "eq", "eqs", "ref", "refs", "vol", "p", "pp", "tab", "sect", "ch");
  private static final String CLOSERS = "\"')]}\u2019\u201D\u00BB";
  private static final String CITATION_JOINERS = ",;\u2013\u2012-";

  /** A sentence as the half-open character range {@code [start, end)} of the split text. */
  public record Span(int start, int end) {
    /** The sentence text. */
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  private SentenceSplitter() {}

  /** Sentences of {@code text}, each trimmed of surrounding whitespace; empty for blank text. */
  public static List<Span> split(String text) {
    return split(text, new BitSet());
  }

  /**
   * Sentences of {@code text}, each trimmed of surrounding whitespace.
   *
   * @param attached characters (by index) that belong to citation markers and stay with the sentence before
   *     them when they directly follow its full stop
   */
  public static List<Span> split(String text, BitSet attached) {
    List<Span> spans = new ArrayList<>();
    int n = text.length();
    int start = skipSpace(text, 0);
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && ".!?".indexOf(text.charAt(j)) >= 0) {
        j++;
      }
      while (j < n && CLOSERS.indexOf(text.charAt(j)) >= 0) {
        j++;
      }
      while (j < n && (attached.get(j)
          || (CITATION_JOINERS.indexOf(text.charAt(j)) >= 0 && j + 1 < n && attached.get(j + 1)))) {
        j++;
      }
      if (j < n && !Whitespace.isSpace(text.charAt(j))) {
        i = j;
        continue;
      }
      int next = skipSpace(text, j);
      if (next < n && (startsWithLowerCaseWord(text, next) || isAbbreviation(text, start, i, next))) {
        i = next;
        continue;
      }
      spans.add(trimmed(text, start, j));
      start = next;
      i = next;
    }
    if (start < n) {
      spans.add(trimmed(text, start, n));
    }
    spans.removeIf(s -> s.start() >= s.end());
    return spans;
  }

  /**
   * True when the word at {@code from} starts with a lower-case letter and has no upper-case letter or digit
   * ("the", "and"); "mRNA", "xI50" or "pH" may start a sentence.
   */
  private static boolean startsWithLowerCaseWord(String text, int from) {
    if (!Character.isLowerCase(text.charAt(from))) {
      return false;
    }
    for (int k = from; k < text.length() && !Whitespace.isSpace(text.charAt(k)); k++) {
      char ch = text.charAt(k);
      if (Character.isUpperCase(ch) || Character.isDigit(ch)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAbbreviation(String text, int sentenceStart, int dot, int next) {
    if (text.charAt(dot) != '.') {
      return false;
    }
    int b = dot;
    while (b > sentenceStart && !Whitespace.isSpace(text.charAt(b - 1)) && "([{\"'\u2018\u201C".indexOf(
        text.charAt(b - 1)) < 0) {
      b--;
    }
    String token = text.substring(b, dot).toLowerCase(Locale.ROOT);
    if (token.isEmpty()) {
      return false;
    }
    if (ABBREVIATIONS.contains(token)) {
      return true;
    }
    if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
      return true;
    }
    if (token.indexOf('.') > 0 && token.matches("(\\p{L}{1,2}\\.)+\\p{L}{1,2}")) {
      return true;
    }
    return NUMBER_ABBREVIATIONS.contains(token) && next < text.length()
        && Character.isDigit(text.charAt(next));
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Whitespace.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Span trimmed(String text, int start, int end) {
    int s = skipSpace(text, start);
    int e = end;
    while (e > s && Whitespace.isSpace(text.charAt(e - 1))) {
      e--;
    }
    return new Span(s, e);
  }
}
