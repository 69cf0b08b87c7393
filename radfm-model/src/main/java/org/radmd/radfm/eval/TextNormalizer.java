package org.radmd.radfm.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text normalization the metrics share. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #normalize}: NFKC, lower case (Locale.ROOT), every run of characters other than letters and digits
 *       becomes one space, trimmed. "MR - T1W w/Gadolinium" becomes "mr t1w w gadolinium".
 *   <li>{@link #words}: the words of {@link #normalize} (ROUGE-L and term matching; like rouge_score's default
 *       tokenizer, which keeps [a-z0-9] runs, but Unicode-aware and without stemming).
 *   <li>{@link #bleuTokens}: lower-cased words plus each punctuation character as its own token (BLEU).
 * </ul>
 */
public final class TextNormalizer {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern BLEU_TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\s]");

  private TextNormalizer() {}

  /** Lower-case letters and digits separated by single spaces. */
  public static String normalize(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(t).replaceAll(" ").trim();
  }

  /** Words of the normalized text; empty for blank text. */
  public static List<String> words(String text) {
    String n = normalize(text);
    return n.isEmpty() ? List.of() : List.of(n.split(" "));
  }

  /** BLEU tokens: lower-cased letter/digit runs and single punctuation characters. */
  public static List<String> bleuTokens(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    Matcher m = BLEU_TOKEN.matcher(t);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
