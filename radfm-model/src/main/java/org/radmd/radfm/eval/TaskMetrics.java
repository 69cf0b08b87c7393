package org.radmd.radfm.eval;

/**
 * Accumulates the metrics of one RadBench task (or of all items) over (reference, prediction) pairs. Not
 * thread-safe.
 *
 * <p>Metrics: accuracy ({@link ClosedAnswer#matches}, meaningful for modality recognition and closed/yes-no
 * questions), yes/no accuracy over the items whose reference is yes or no, corpus BLEU-4 (unsmoothed) and mean
 * sentence BLEU-4 (smoothing method 1) ({@link Bleu}), mean ROUGE-L F ({@link RougeL}) and micro-averaged medical
 * term precision/recall/F1 ({@link TermOverlap}).
 */
public final class TaskMetrics {
  private final String task;
  private final MedicalTermLexicon lexicon;
  private final Bleu.Corpus corpus = new Bleu.Corpus();
  private final TermOverlap terms = new TermOverlap();
  private int items;
  private int correct;
  private int yesNoItems;
  private int yesNoCorrect;
  private double sentenceBleuSum;
  private double rougeSum;

  /** Scores of one item. */
  public record ItemScore(boolean correct, double bleu4, double rougeL, double termF1) {}

  /** Summary of a task, every rate in [0, 1]; rates over no items are 0. */
  public record Summary(String task, int items, double accuracy, int yesNoItems, double yesNoAccuracy,
      double bleu4Corpus, double bleu4Sentence, double rougeL, double termPrecision, double termRecall,
      double termF1) {}

  public TaskMetrics(String task, MedicalTermLexicon lexicon) {
    this.task = task;
    this.lexicon = lexicon;
  }

  /** Scores one prediction and adds it to the totals. */
  public ItemScore add(String reference, String prediction) {
    items++;
    boolean ok = ClosedAnswer.matches(prediction, reference);
    if (ok) {
      correct++;
    }
    if (ClosedAnswer.isYesNo(reference)) {
      yesNoItems++;
      if (ok) {
        yesNoCorrect++;
      }
    }
    var refTokens = TextNormalizer.bleuTokens(reference);
    var hypTokens = TextNormalizer.bleuTokens(prediction);
    corpus.add(refTokens, hypTokens);
    double bleu = Bleu.sentence(refTokens, hypTokens);
    sentenceBleuSum += bleu;
    double rouge = RougeL.score(reference, prediction).f();
    rougeSum += rouge;
    TermOverlap.Score t = terms.add(lexicon, reference, prediction);
    return new ItemScore(ok, bleu, rouge, t.f1());
  }

  /** The totals so far. */
  public Summary summary() {
    TermOverlap.Score t = terms.total();
    return new Summary(task, items, rate(correct, items), yesNoItems, rate(yesNoCorrect, yesNoItems), corpus.score(),
        items == 0 ? 0 : sentenceBleuSum / items, items == 0 ? 0 : rougeSum / items, t.precision(), t.recall(),
        t.f1());
  }

  private static double rate(int n, int d) {
    return d == 0 ? 0 : (double) n / d;
  }
}
