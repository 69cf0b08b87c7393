package org.radmd.scrapers.covid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.scrapers.support.SentenceSplitter;

/**
 * Picks, from the passages that cite a figure, the sentences that mention that figure's number: BioC passages
 * are whole paragraphs, while PMC-Inline's "inline" text is the citing sentence(s) (radfm-spec §1.1).
 *
 * <p>The figure number is the digits of a figure id of the form {@code Fig1}, {@code fig1}, {@code F1}, {@code
 * FIG1}, {@code Figure1}, {@code dfig1}. Mentions are {@code Fig. 1}, {@code Figs 1-3}, {@code Figure 2 and 4},
 * {@code Fig. 1b}; ranges are expanded ({@code 1-3} = 1, 2, 3; at most 50 numbers). When the id has no number
 * of that form, or no sentence of any passage mentions it, the passages are kept whole. Sentences keep document
 * order, without repeats. Stateless and thread-safe.
 */
final class FigureMentions {
  private static final Pattern FIG_ID = Pattern.compile("(?i)^(?:d?fig(?:ure)?|f)0*(\\d+)$");
  private static final Pattern MENTION = Pattern.compile(
      "(?i)\\bfig(?:ure)?s?\\.?\\s*(\\d+[a-z]?(?:\\s*(?:[-\u2013\u2012,]|and|&|to)\\s*\\d+[a-z]?)*)");
  private static final Pattern NUMBER_OR_DASH = Pattern.compile("(\\d+)|([-\u2013\u2012]|\\bto\\b)");
  private static final int MAX_RANGE = 50;

  private FigureMentions() {}

  /** The figure number of an id such as {@code Fig3} or {@code F3}; -1 when it has none of that form. */
  static int number(String figureId) {
    if (figureId == null) {
      return -1;
    }
    Matcher m = FIG_ID.matcher(figureId.strip());
    if (!m.matches()) {
      return -1;
    }
    String digits = m.group(1);
    return digits.length() > 6 ? -1 : Integer.parseInt(digits);
  }

  /** The sentences of {@code passages} that mention figure {@code number} (see the class comment). */
  static List<String> citing(List<String> passages, int number) {
    if (number < 0) {
      return List.copyOf(passages);
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String p : passages) {
      for (SentenceSplitter.Span s : SentenceSplitter.split(p)) {
        String sentence = s.of(p);
        if (mentioned(sentence).contains(number)) {
          out.add(sentence);
        }
      }
    }
    return out.isEmpty() ? List.copyOf(passages) : List.copyOf(out);
  }

  /** Figure numbers mentioned in {@code text}, ranges expanded. */
  static Set<Integer> mentioned(String text) {
    Set<Integer> nums = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      nums.addAll(expand(m.group(1)));
    }
    return nums;
  }

  /**
   * Character offset in {@code text} of the first mention that names figure {@code number} (any mention when
   * {@code number} is negative); 0 when there is none.
   */
  static int firstOffset(String text, int number) {
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      if (number < 0 || expand(m.group(1)).contains(number)) {
        return m.start();
      }
    }
    return 0;
  }

  /** The numbers of one mention's number list ({@code "1-3"}, {@code "2 and 4"}, {@code "1b"}). */
  private static List<Integer> expand(String list) {
    List<Integer> found = new ArrayList<>();
    boolean range = false;
    Matcher t = NUMBER_OR_DASH.matcher(list);
    while (t.find()) {
      if (t.group(2) != null) {
        range = true;
        continue;
      }
      if (t.group(1).length() > 6) {
        continue;
      }
      int n = Integer.parseInt(t.group(1));
      if (range && !found.isEmpty()) {
        int from = found.get(found.size() - 1);
        for (int k = from + 1; k < n && k - from <= MAX_RANGE; k++) {
          found.add(k);
        }
      }
      range = false;
      found.add(n);
    }
    return found;
  }
}
