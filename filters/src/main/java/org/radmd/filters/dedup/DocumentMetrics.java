package org.radmd.filters.dedup;

import java.util.Locale;

/**
 * Document-level scores as text-dedup's CORE benchmark computes them ({@code benchmarks/benchmark_core.py},
 * ChenghaoMou/text-dedup): each document is TP when it has labelled duplicates and the predicted ones include
 * them all, FP when something was predicted but that does not hold, TN when nothing is labelled or predicted,
 * FN when duplicates are labelled but none predicted.
 *
 * <p>{@link #macroF1()} is the mean of the F1 of the "duplicate" and "non-duplicate" classes. text-dedup's
 * table column "Macro F1" (MinHash 0.953 on CORE, the anchor of issue 5) is in fact the mean of the two
 * classes' precisions (its code says so); {@link #textDedupMacro()} reproduces that number.
 *
 * @param tp documents classified TP
 * @param fp documents classified FP
 * @param tn documents classified TN
 * @param fn documents classified FN
 * @param exact documents whose predicted duplicate set equals the labelled one
 */
public record DocumentMetrics(long tp, long fp, long tn, long fn, long exact) {
  public double duplicatePrecision() {
    return ratio(tp, tp + fp);
  }

  public double duplicateRecall() {
    return ratio(tp, tp + fn);
  }

  public double nonDuplicatePrecision() {
    return ratio(tn, tn + fn);
  }

  public double nonDuplicateRecall() {
    return ratio(tn, tn + fp);
  }

  /** Mean of the duplicate and non-duplicate classes' F1. */
  public double macroF1() {
    return (f1(duplicatePrecision(), duplicateRecall()) + f1(nonDuplicatePrecision(), nonDuplicateRecall())) / 2;
  }

  /** text-dedup's "Macro F1": the mean of the two classes' precisions. */
  public double textDedupMacro() {
    return (duplicatePrecision() + nonDuplicatePrecision()) / 2;
  }

  /** Fraction of documents whose predicted duplicates equal the labelled ones. */
  public double accuracy() {
    return ratio(exact, tp + fp + tn + fn);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "macro-F1=%.4f (text-dedup's macro=%.4f) dup P=%.4f R=%.4f, non-dup P=%.4f"
        + " R=%.4f, accuracy=%.4f (TP=%d FP=%d TN=%d FN=%d)", macroF1(), textDedupMacro(), duplicatePrecision(),
        duplicateRecall(), nonDuplicatePrecision(), nonDuplicateRecall(), accuracy(), tp, fp, tn, fn);
  }
}
