package org.radmd.filters;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans a figure caption for training text: removes what refers to the page rather than the patient and keeps
 * the medical content.
 *
 * <p>Removed, in this order:
 * <ol>
 *   <li>copyright and permission sentences ("© 2012 Elsevier.", "Copyright ..." — not "(c)",
 *       which is a panel letter —, "Reproduced with permission
 *       ...", "Image courtesy of ...");
 *   <li>URLs ({@code http(s)://}, {@code www.});
 *   <li>scale-bar statements ("Scale bar: 1 µm", "scale bars = 50 μm", "Bar, 100 nm");
 *   <li>a leading figure label ("Figure 1.", "Fig. 2:", "FIGURE 3 -", "Fig 1A)");
 *   <li>parenthesised arrow, arrowhead, asterisk and star references ("(arrow)", "(white arrows)",
 *       "(arrowheads)", "(*)", "(asterisk)") and parenthesised panel letters ("(A)", "(b, c)", "(A-C)");
 *   <li>a leading panel letter ("A) ...", "a. ...", "B: ...") at the start of the caption or a sentence;
 * </ol>
 * then spaces before punctuation and runs of spaces are collapsed. Arrow words that carry content outside
 * parentheses ("the arrow shows the fistula") are kept, and so is every word of the findings.
 *
 * <p>Stateless and thread-safe.
 */
public final class CaptionCleaner implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RULE = "caption-cleaning";
  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final List<Pattern> REMOVALS = List.of(
      Pattern.compile("(?:(?<![\\p{L}\\p{N}\\p{S}])©\\s*(?=\\d{4}|\\p{Lu})|\\bCopyright\\b)[^.]*(?:\\.|$)"),
      Pattern.compile("All rights reserved\\.?", CI),
      Pattern.compile("(?:Reproduced|Reprinted|Adapted|Modified) (?:with permission )?from[^.]*(?:\\.|$)", CI),
      Pattern.compile("(?:Image|Images|Case|Figure) courtesy of[^.]*(?:\\.|$)", CI),
      Pattern.compile("(?:https?://|ftp://|www\\.)[^\\s<>\"')\\]]+", CI),
      Pattern.compile("\\(?\\b(?:scale )?bars?\\s*(?:[:=,]|represents?|indicates?|denotes?)?\\s*"
          + "\\d+(?:[.,]\\d+)?\\s*(?:[µμu]m|nm|mm|cm)\\b\\)?\\.?", CI),
      Pattern.compile("^\\s*(?:Supplementary |Suppl\\. )?(?:Figure|Fig\\.?|FIG\\.?)\\s*\\d+[A-Za-z]?\\s*[.:)\\-–—|]?\\s*",
          CI),
      Pattern.compile("\\s*\\((?:(?:small |large |thin |thick |open |solid |curved |dashed |dotted |short |long )?"
          + "(?:white|black|red|yellow|blue|green|orange|grey|gray)?\\s*(?:arrows?|arrow ?heads?|asterisks?|stars?)"
          + "|\\*+|\\+)(?:\\s*(?:,|;|and)\\s*[^()]{0,40})?\\)", CI),
      Pattern.compile("\\s*\\([a-lA-L](?:\\s*(?:[-–,&/]|and)\\s*[a-lA-L])*\\)"),
      Pattern.compile("(?:(?<=^)|(?<=[.;]\\s))\\s*[a-lA-L](?:\\)|[.:](?=\\s))\\s*"));
  private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.;:)])");
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");
  private static final Pattern EMPTY_PARENS = Pattern.compile("\\(\\s*[,;]?\\s*\\)");

  /** The cleaned caption; null for null, and a caption that cleans to nothing gives "". */
  public String clean(String caption) {
    if (caption == null) {
      return null;
    }
    String s = caption;
    for (Pattern p : REMOVALS) {
      s = p.matcher(s).replaceAll(" ");
    }
    s = EMPTY_PARENS.matcher(s).replaceAll(" ");
    s = SPACE_BEFORE_PUNCT.matcher(s).replaceAll("$1");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    if (s.startsWith(",") || s.startsWith(";") || s.startsWith(".") || s.startsWith(":")) {
      s = s.substring(1).strip();
    }
    return s;
  }
}
