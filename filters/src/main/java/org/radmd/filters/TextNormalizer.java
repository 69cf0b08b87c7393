package org.radmd.filters;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text canonicalisation for comparing texts. Stateless and thread-safe. */
public final class TextNormalizer {
  /** A run of characters that are neither letters, combining marks nor digits. */
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

  private TextNormalizer() {}

  /**
   * The canonical form used for exact deduplication: Unicode NFKC (full-width letters, ligatures and
   * compatibility characters folded), lower case ({@link Locale#ROOT}, then NFKC again because lower-casing
   * can denormalize), every run of characters that are not letters, combining marks or digits (spaces,
   * punctuation, symbols, control characters) replaced by one space, then trimmed. Two texts that differ only
   * in case, spacing, punctuation or Unicode compatibility forms get the same key:
   * {@code "CT: Axial  image—arrow!"} and {@code "ct axial image arrow"} both give {@code "ct axial image arrow"}.
   *
   * <p>Combining marks count as part of words (not separators) so that scripts which write vowels as marks
   * (Devanagari, Thai) and letters without a precomposed form keep their words whole.
   *
   * @param text any text; null is treated as empty
   * @return the canonical text, possibly empty; never null
   */
  public static String forExactDedup(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    return SEPARATORS.matcher(s).replaceAll(" ").strip();
  }
}
