package org.radmd.radfm.eval;

import java.util.HashSet;
import java.util.Set;

/**
 * Medical-term precision, recall and F1 of a prediction against a reference: the concept sets of
 * {@link MedicalTermLexicon#concepts} compared, precision = |P ∩ R| / |P|, recall = |P ∩ R| / |R|. A stand-in for
 * the UMLS precision/recall RadBench reports (radfm-spec §5). Accumulates micro-averaged counts over many items.
 * Not thread-safe.
 */
public final class TermOverlap {
  private long matched;
  private long predicted;
  private long reference;

  /** Per-item result. */
  public record Score(int matched, int predicted, int reference) {
    /** |P ∩ R| / |P|, or 0 when nothing was predicted. */
    public double precision() {
      return predicted == 0 ? 0 : (double) matched / predicted;
    }

    /** |P ∩ R| / |R|, or 0 when the reference has no terms. */
    public double recall() {
      return reference == 0 ? 0 : (double) matched / reference;
    }

    /** Harmonic mean of precision and recall, 0 when both are 0. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Compares the concepts of two texts and adds the counts. */
  public Score add(MedicalTermLexicon lexicon, String referenceText, String prediction) {
    Set<String> ref = lexicon.concepts(referenceText);
    Set<String> pred = lexicon.concepts(prediction);
    Set<String> both = new HashSet<>(pred);
    both.retainAll(ref);
    Score s = new Score(both.size(), pred.size(), ref.size());
    matched += s.matched();
    predicted += s.predicted();
    reference += s.reference();
    return s;
  }

  /** Micro-averaged totals so far. */
  public Score total() {
    return new Score((int) Math.min(Integer.MAX_VALUE, matched), (int) Math.min(Integer.MAX_VALUE, predicted),
        (int) Math.min(Integer.MAX_VALUE, reference));
  }
}
