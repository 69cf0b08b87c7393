package org.radmd.filters.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits a caption goes through when it is reused (issue 5, "Must show"): clauses reordered, numbers
 * changed, panel labels added, and all three together. Used to build the labelled text evaluation set. Each
 * kind draws its choices from the {@link Random} it is given; a seeded generator gives the same set every run.
 */
public enum TextPerturbation {
  /**
   * The clauses (split after {@code . ; ,} followed by a space) rotated by a random non-zero amount; a text
   * with a single clause is cut before a connective ({@code with, showing, and, in, of, at, on}, the one
   * nearest the middle) and the two halves swapped. Not applicable to a text with neither.
   */
  CLAUSE_ORDER {
    @Override
    public String apply(String text, Random rnd) {
      List<String> clauses = clauses(text);
      if (clauses.size() >= 2) {
        int shift = 1 + rnd.nextInt(clauses.size() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < clauses.size(); i++) {
          String c = clauses.get((i + shift) % clauses.size()).strip();
          sb.append(sb.length() == 0 ? "" : " ").append(c);
        }
        return sb.toString();
      }
      Matcher m = CONNECTIVE.matcher(text);
      int best = -1;
      while (m.find()) {
        if (best < 0 || Math.abs(m.start() - text.length() / 2) < Math.abs(best - text.length() / 2)) {
          best = m.start();
        }
      }
      if (best <= 0) {
        return null;
      }
      return text.substring(best).strip() + ", " + text.substring(0, best).strip();
    }
  },
  /** Every number (run of digits) replaced by a different one of the same length. Not applicable without digits. */
  NUMBERS {
    @Override
    public String apply(String text, Random rnd) {
      Matcher m = DIGITS.matcher(text);
      if (!m.find()) {
        return null;
      }
      m.reset();
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String old = m.group();
        String neu;
        do {
          StringBuilder d = new StringBuilder();
          for (int i = 0; i < old.length(); i++) {
            d.append((char) ('0' + (i == 0 && old.length() > 1 ? 1 + rnd.nextInt(9) : rnd.nextInt(10))));
          }
          neu = d.toString();
        } while (neu.equals(old));
        m.appendReplacement(sb, neu);
      }
      m.appendTail(sb);
      return sb.toString();
    }
  },
  /**
   * A panel or figure label added: one of {@code "Figure N: "}, {@code "Fig. N. "}, {@code "(A) "} in front,
   * or {@code " (B)"} at the end, N drawn from 1..9.
   */
  PANEL_LABEL {
    @Override
    public String apply(String text, Random rnd) {
      int n = 1 + rnd.nextInt(9);
      char panel = (char) ('A' + rnd.nextInt(4));
      return switch (rnd.nextInt(4)) {
        case 0 -> "Figure " + n + ": " + text;
        case 1 -> "Fig. " + n + ". " + text;
        case 2 -> "(" + panel + ") " + text;
        default -> text + " (" + panel + ")";
      };
    }
  },
  /** CLAUSE_ORDER, NUMBERS and PANEL_LABEL in turn, each where applicable. */
  COMBINED {
    @Override
    public String apply(String text, Random rnd) {
      String t = text;
      for (TextPerturbation p : List.of(CLAUSE_ORDER, NUMBERS, PANEL_LABEL)) {
        String next = p.apply(t, rnd);
        t = next == null ? t : next;
      }
      return t;
    }
  };

  private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.;,])\\s+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern CONNECTIVE = Pattern.compile("\\s(?=(with|showing|and|in|of|at|on)\\s)");

  /**
   * This edit of {@code text}.
   *
   * @return the edited text, or null when the edit does not apply to this text
   */
  public abstract String apply(String text, Random rnd);

  static List<String> clauses(String text) {
    List<String> out = new ArrayList<>();
    for (String c : CLAUSE_END.split(text.strip())) {
      if (!c.isBlank()) {
        out.add(c);
      }
    }
    return out;
  }
}
