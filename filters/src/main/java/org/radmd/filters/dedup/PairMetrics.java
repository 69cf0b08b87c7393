package org.radmd.filters.dedup;

/**
 * Pair-level counts of a duplicate detector against labels: a pair is a true positive when predicted and
 * labelled duplicate, a false positive when predicted but labelled distinct, a false negative when labelled
 * duplicate but not predicted. Pairs that are neither labelled duplicate nor distinct are not counted.
 *
 * @param tp true positives
 * @param fp false positives
 * @param fn false negatives
 */
public record PairMetrics(long tp, long fp, long fn) {
  /** {@code tp / (tp + fp)}; 1 when nothing was predicted. */
  public double precision() {
    return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
  }

  /** {@code tp / (tp + fn)}; 1 when nothing is labelled duplicate. */
  public double recall() {
    return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** One line: {@code P=0.9990 R=0.9770 F1=0.9879 (tp=.., fp=.., fn=..)}. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)", precision(),
        recall(), f1(), tp, fp, fn);
  }
}
