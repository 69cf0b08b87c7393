package org.radmd.filters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.Modality;

/**
 * Finds imaging-modality terms and non-radiology cues in free text (captions, findings, titles) with a
 * whole-word regular-expression lexicon ({@link ModalityLexicon}).
 *
 * <p>Matching: every lexicon term is searched as a whole word (not preceded or followed by a letter or digit),
 * case-insensitively unless the term is marked case-sensitive; a term's veto pattern near a match discards
 * it. Overlapping matches are resolved leftmost first, then longest, then modality terms before cues, then
 * lexicon order, so each stretch of text counts once. The result lists modalities in order of first mention.
 * Deterministic: the same text always gives the same evidence.
 *
 * <p>Cost: terms are tried only at word starts, and only those that can begin with the character found there
 * (worked out once per term by probing its pattern), so a caption costs a few lookups per word rather than
 * one full regex scan per term.
 *
 * <p>Immutable, thread-safe and {@link Serializable} (for Beam DoFns); build it once and share it.
 */
public final class ModalityClassifier implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String AFTER = "(?![\\p{L}\\p{N}])";

  private final List<Compiled> terms;

  /**
   * A classifier over {@code lexicon}.
   *
   * @throws java.util.regex.PatternSyntaxException if a term's regex or veto is invalid
   */
  public ModalityClassifier(List<LexiconTerm> lexicon) {
    List<Compiled> c = new ArrayList<>(lexicon.size());
    for (int i = 0; i < lexicon.size(); i++) {
      c.add(Compiled.of(lexicon.get(i), i));
    }
    this.terms = List.copyOf(c);
  }

  /** A classifier over the default lexicon, {@link ModalityLexicon#terms()}. */
  public static ModalityClassifier defaults() {
    return Holder.DEFAULT;
  }

  /**
   * The modality evidence in {@code text}.
   *
   * @param text any text; null or blank gives {@link ModalityEvidence#NONE}
   */
  public ModalityEvidence classify(String text) {
    if (text == null || text.isBlank()) {
      return ModalityEvidence.NONE;
    }
    List<Hit> hits = candidates(text);
    hits.sort(Comparator.comparingInt(Hit::start)
        .thenComparing(Comparator.comparingInt(Hit::length).reversed())
        .thenComparing(h -> h.term.term.isNonRadiologyCue())
        .thenComparingInt(h -> h.term.index));
    List<Modality> modalities = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    List<String> cues = new ArrayList<>();
    int end = 0;
    for (Hit h : hits) {
      if (h.start < end) {
        continue;
      }
      end = h.end;
      String surface = text.substring(h.start, h.end);
      if (h.term.term.isNonRadiologyCue()) {
        cues.add(surface);
      } else {
        matched.add(surface);
        modalities.add(h.term.term.modality());
      }
    }
    return new ModalityEvidence(modalities, matched, cues);
  }

  /** Every term match (after vetoes) at every word start. */
  private List<Hit> candidates(String text) {
    List<Hit> hits = new ArrayList<>();
    Matcher[] matchers = new Matcher[terms.size()];
    int n = text.length();
    for (int pos = 0; pos < n; pos++) {
      if (pos > 0 && Character.isLetterOrDigit(text.codePointBefore(pos))) {
        continue; // no term may start inside a word (the patterns' own boundary check would fail)
      }
      char first = text.charAt(pos);
      for (int i = 0; i < matchers.length; i++) {
        Compiled t = terms.get(i);
        if (!t.mayStartWith(first)) {
          continue;
        }
        if (matchers[i] == null) {
          matchers[i] = t.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        Matcher m = matchers[i].region(pos, n);
        if (m.lookingAt() && (t.veto == null || !t.veto.matcher(window(text, pos, m.end())).find())) {
          hits.add(new Hit(pos, m.end(), t));
        }
      }
    }
    return hits;
  }

  private static String window(String text, int start, int end) {
    return text.substring(Math.max(0, start - LexiconTerm.VETO_WINDOW),
        Math.min(text.length(), end + LexiconTerm.VETO_WINDOW));
  }

  /** One match in the text. */
  private record Hit(int start, int end, Compiled term) {
    int length() {
      return end - start;
    }
  }

  /**
   * A lexicon term with its compiled patterns, table position, and the ASCII characters a match can start
   * with ({@code asciiStarts}, indexed by char; non-ASCII first characters are always tried).
   */
  private record Compiled(LexiconTerm term, Pattern pattern, Pattern veto, int index, BitSet asciiStarts)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    static Compiled of(LexiconTerm t, int index) {
      int flags = t.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      Pattern p = Pattern.compile(BEFORE + "(?:" + t.regex() + ")" + AFTER, flags);
      Pattern v = t.veto() == null ? null
          : Pattern.compile(t.veto(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      return new Compiled(t, p, v, index, starts(p, t.regex()));
    }

    /**
     * Probes the pattern with each one-character ASCII string: a character can start a match when the matcher
     * matches it or runs out of input while trying ({@link Matcher#hitEnd()}). A positive lookbehind needs
     * text before the match that a one-character probe lacks, so such terms are tried at every word start.
     */
    private static BitSet starts(Pattern p, String regex) {
      BitSet b = new BitSet(128);
      if (regex.contains("(?<=")) {
        b.set(0, 128);
        return b;
      }
      for (char c = 0; c < 128; c++) {
        Matcher m = p.matcher(String.valueOf(c));
        if (m.lookingAt() || m.hitEnd()) {
          b.set(c);
        }
      }
      return b;
    }

    boolean mayStartWith(char c) {
      return c >= 128 || asciiStarts.get(c);
    }
  }

  /** Lazily built default instance. */
  private static final class Holder {
    static final ModalityClassifier DEFAULT = new ModalityClassifier(ModalityLexicon.terms());
  }

  @Override
  public String toString() {
    return "ModalityClassifier[" + terms.size() + " terms]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModalityClassifier c && terms.stream().map(Compiled::term).toList()
        .equals(c.terms.stream().map(Compiled::term).toList());
  }

  @Override
  public int hashCode() {
    return Objects.hash(terms.stream().map(Compiled::term).toList());
  }
}
