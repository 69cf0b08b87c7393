package org.radmd.radfm.eval;

import java.util.List;

/**
 * ROUGE-L (Lin 2004) of one prediction against one reference: with LCS the length of the longest common
 * subsequence of the two word lists, precision = LCS / |prediction|, recall = LCS / |reference| and
 * F = 2PR / (P + R) (beta = 1, as Google's rouge_score {@code rougeL}); all 0 when either side has no words.
 * Words come from {@link TextNormalizer#words} (no stemming). Stateless and thread-safe.
 */
public final class RougeL {
  private RougeL() {}

  /** Precision, recall and F-measure, each in [0, 1]. */
  public record Score(double precision, double recall, double f) {}

  /** ROUGE-L of two texts. */
  public static Score score(String reference, String prediction) {
    return score(TextNormalizer.words(reference), TextNormalizer.words(prediction));
  }

  /** ROUGE-L of two word lists. */
  public static Score score(List<String> reference, List<String> prediction) {
    if (reference.isEmpty() || prediction.isEmpty()) {
      return new Score(0, 0, 0);
    }
    int lcs = lcs(reference, prediction);
    double p = (double) lcs / prediction.size();
    double r = (double) lcs / reference.size();
    return new Score(p, r, lcs == 0 ? 0 : 2 * p * r / (p + r));
  }

  /** Length of the longest common subsequence (O(|a| |b|) time, O(|b|) memory). */
  static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        cur[j] = a.get(i - 1).equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.size()];
  }
}
