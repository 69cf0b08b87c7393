package org.radmd.filters;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Panel labels in a figure caption: the letters a compound (multi-panel) figure uses to refer to its parts.
 *
 * <p>Recognised forms (letters a-l, either case; case is folded): parenthesised {@code "(A)"}, {@code "(a, b)"},
 * {@code "(A-C)"}, {@code "(B and D)"}; a letter opening the caption or a sentence followed by {@code ")"},
 * {@code "."}, {@code ":"} or {@code ","} ({@code "A) axial"}, {@code "a. CT"}, {@code "B, coronal"}); a range
 * {@code "a-c"} / {@code "A–D"} written as such; and position words ({@code "left panel"}, {@code "upper
 * row"}, {@code "top right"}), which count as two panels. A range counts each letter in it. Single capital
 * letters inside sentences ("type A dissection", "hepatitis B") are not panel labels unless parenthesised
 * or followed by ")" — "(A)" alone is one panel, and a figure is compound from two distinct panels on.
 *
 * <p>Stateless and thread-safe.
 */
public final class CaptionPanels {
  private static final String LETTER = "[a-lA-L]";
  /** "(A)", "(a, b)", "(A-C)", "(B and D)", "(A, C-E)". */
  private static final Pattern PAREN = Pattern.compile(
      "\\((" + LETTER + "(?:\\s*(?:[-–,&/]|and)\\s*" + LETTER + ")*)\\)");
  /** "A)" / "a." / "B:" / "C," at the start or after a sentence end or a ";". */
  private static final Pattern LEADING = Pattern.compile(
      "(?:^|[.;]\\s+|\\)\\s+)(" + LETTER + ")(?:\\)|[.:,](?=\\s))");
  /** "a-c" / "A–D" as a word (a range). */
  private static final Pattern RANGE = Pattern.compile("(?<![\\p{L}\\p{N}])(" + LETTER + ")\\s?[-–]\\s?("
      + LETTER + ")(?![\\p{L}\\p{N}])");
  private static final Pattern POSITION = Pattern.compile(
      "(?i)(?<![\\p{L}])(?:(?:left|right|upper|lower|top|bottom|middle)[- ](?:panel|row|column|image|inset)s?"
          + "|(?:top|bottom|upper|lower)[- ](?:left|right))(?![\\p{L}])");

  private CaptionPanels() {}

  /** The panel letters named in {@code caption}, lower case, sorted; empty for null or blank. */
  public static Set<Character> letters(String caption) {
    Set<Character> out = new TreeSet<>();
    if (caption == null || caption.isBlank()) {
      return out;
    }
    Matcher m = PAREN.matcher(caption);
    while (m.find()) {
      addList(m.group(1), out);
    }
    m = LEADING.matcher(caption);
    while (m.find()) {
      out.add(Character.toLowerCase(m.group(1).charAt(0)));
    }
    m = RANGE.matcher(caption);
    while (m.find()) {
      addRange(m.group(1).charAt(0), m.group(2).charAt(0), out);
    }
    return out;
  }

  /**
   * The number of panels the caption names: distinct letters, or 2 when it only uses position words ("left
   * panel"); 0 when it names none.
   */
  public static int count(String caption) {
    int n = letters(caption).size();
    if (n < 2 && caption != null && POSITION.matcher(caption).find()) {
      return Math.max(n, 2);
    }
    return n;
  }

  private static void addList(String list, Set<Character> out) {
    Matcher r = RANGE.matcher(list);
    while (r.find()) {
      addRange(r.group(1).charAt(0), r.group(2).charAt(0), out);
    }
    for (String token : list.split("[^\\p{L}]+")) {
      if (token.length() == 1) {
        out.add(Character.toLowerCase(token.charAt(0)));
      }
    }
  }

  private static void addRange(char from, char to, Set<Character> out) {
    char a = Character.toLowerCase(from);
    char b = Character.toLowerCase(to);
    if (a < b && b - a <= 11) {
      for (char c = a; c <= b; c++) {
        out.add(c);
      }
    }
  }
}
