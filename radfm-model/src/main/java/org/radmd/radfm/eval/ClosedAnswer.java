package org.radmd.radfm.eval;

import java.util.List;

/**
 * Accuracy for closed-set and yes/no questions (RadBench modality recognition, yes/no diagnosis and VQA):
 * <ul>
 *   <li>a reference that normalizes to "yes" or "no" is matched when the prediction's first normalized word is the
 *       same word ("Yes, there is cardiomegaly." counts as yes);
 *   <li>any other reference is matched when the normalized prediction equals the normalized reference
 *       ({@link TextNormalizer#normalize}: case, punctuation and spacing do not count).
 * </ul>
 * Stateless and thread-safe.
 */
public final class ClosedAnswer {
  private ClosedAnswer() {}

  /** True when the normalized reference is "yes" or "no". */
  public static boolean isYesNo(String reference) {
    String r = TextNormalizer.normalize(reference);
    return r.equals("yes") || r.equals("no");
  }

  /** Whether {@code prediction} answers as {@code reference} does, by the rules above. */
  public static boolean matches(String prediction, String reference) {
    String r = TextNormalizer.normalize(reference);
    if (r.equals("yes") || r.equals("no")) {
      List<String> words = TextNormalizer.words(prediction);
      return !words.isEmpty() && words.get(0).equals(r);
    }
    return TextNormalizer.normalize(prediction).equals(r);
  }
}
