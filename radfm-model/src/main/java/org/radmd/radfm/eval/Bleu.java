package org.radmd.radfm.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU-4 (Papineni et al. 2002) with one reference per hypothesis, computed as NLTK 3.8's
 * {@code nltk.translate.bleu_score} does: clipped n-gram precisions for n = 1..4 with weights 0.25, a per-sentence
 * denominator of max(1, hypothesis n-grams), and the brevity penalty exp(1 - r / c) when c &lt;= r (0 when c = 0).
 *
 * <ul>
 *   <li>{@link #sentence}: sentence BLEU with NLTK's {@code SmoothingFunction().method1} (an order with no match
 *       gets precision 0.1 / denominator, Chen &amp; Cherry 2014 method 1), so short answers do not all score 0.
 *   <li>{@link Corpus}: corpus BLEU (numerators and denominators summed over the corpus before dividing), not
 *       smoothed (NLTK's default method0: an order with no match in the whole corpus gives 0; NLTK returns a value
 *       of about 1e-77 there, this class returns exactly 0).
 * </ul>
 * Both return 0 when no unigram matches, as NLTK. Tokens come from {@link TextNormalizer#bleuTokens}. Thread-safe
 * except {@link Corpus}, which is a mutable accumulator.
 */
public final class Bleu {
  /** The highest n-gram order. */
  public static final int MAX_ORDER = 4;
  /** Epsilon of smoothing method 1. */
  public static final double EPSILON = 0.1;

  private Bleu() {}

  /** Sentence BLEU-4 of token lists, smoothed with method 1. */
  public static double sentence(List<String> reference, List<String> hypothesis) {
    Corpus c = new Corpus();
    c.add(reference, hypothesis);
    return c.score(true);
  }

  /** Sentence BLEU-4 of two texts (tokenized with {@link TextNormalizer#bleuTokens}), smoothed. */
  public static double sentence(String reference, String hypothesis) {
    return sentence(TextNormalizer.bleuTokens(reference), TextNormalizer.bleuTokens(hypothesis));
  }

  /** Accumulates clipped n-gram counts and lengths over hypotheses for corpus BLEU. */
  public static final class Corpus {
    private final long[] numerators = new long[MAX_ORDER + 1];
    private final long[] denominators = new long[MAX_ORDER + 1];
    private long hypothesisLength;
    private long referenceLength;

    /** Adds one hypothesis with its reference. */
    public void add(List<String> reference, List<String> hypothesis) {
      for (int n = 1; n <= MAX_ORDER; n++) {
        Map<List<String>, Integer> ref = ngrams(reference, n);
        Map<List<String>, Integer> hyp = ngrams(hypothesis, n);
        long clipped = 0;
        long total = 0;
        for (Map.Entry<List<String>, Integer> e : hyp.entrySet()) {
          clipped += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
          total += e.getValue();
        }
        numerators[n] += clipped;
        denominators[n] += Math.max(1, total);
      }
      hypothesisLength += hypothesis.size();
      referenceLength += reference.size();
    }

    /** Adds one text pair, tokenized with {@link TextNormalizer#bleuTokens}. */
    public void add(String reference, String hypothesis) {
      add(TextNormalizer.bleuTokens(reference), TextNormalizer.bleuTokens(hypothesis));
    }

    /** Corpus BLEU-4, unsmoothed (NLTK {@code corpus_bleu} defaults); 0 for an empty corpus. */
    public double score() {
      return score(false);
    }

    double score(boolean smoothMethod1) {
      if (numerators[1] == 0) {
        return 0;
      }
      double logSum = 0;
      for (int n = 1; n <= MAX_ORDER; n++) {
        double p;
        if (numerators[n] == 0) {
          if (!smoothMethod1) {
            return 0;
          }
          p = EPSILON / denominators[n];
        } else {
          p = (double) numerators[n] / denominators[n];
        }
        logSum += 0.25 * Math.log(p);
      }
      return brevityPenalty(referenceLength, hypothesisLength) * Math.exp(logSum);
    }
  }

  static double brevityPenalty(long referenceLength, long hypothesisLength) {
    if (hypothesisLength > referenceLength) {
      return 1;
    }
    if (hypothesisLength == 0) {
      return 0;
    }
    return Math.exp(1 - (double) referenceLength / hypothesisLength);
  }

  static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      m.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return m;
  }
}
