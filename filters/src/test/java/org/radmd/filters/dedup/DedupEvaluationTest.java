package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.testing.SharedCorpus;

/**
 * Issue 5's "Must show": the labelled evaluation built from the real corpus, with the targets asserted. The
 * full report is printed to the test output (also: {@code DedupEvaluation}'s main).
 */
class DedupEvaluationTest {
  static DedupEvaluation.Report report;

  @BeforeAll
  static void run() {
    report = DedupEvaluation.run(SharedCorpus.corpus(), false);
    System.out.println(report.toText());
  }

  @Test
  void imagesMeetPrecisionAndRecallTargets() {
    PairMetrics m = report.images().clustered();
    assertTrue(m.precision() >= DedupEvaluation.MIN_PRECISION, m.toString());
    assertTrue(m.recall() >= DedupEvaluation.MIN_RECALL, m.toString());
    assertTrue(report.images().positivePairs() > 4000 && report.images().negativePairs() > 400_000);
  }

  @Test
  void everyImageEditAndTheRealDuplicatesAreFound() {
    report.images().recallByKind().forEach((kind, r) -> assertTrue(r >= 0.95, kind + " recall " + r));
    assertEquals(1.0, report.images().recallByKind().get("REAL_THUMBNAIL"), "PMC .gif thumbnails");
    assertEquals(1.0, report.images().recallByKind().get("REAL_COPY"), "Radiopaedia histology copies");
    assertTrue(report.images().crossCaseMatches().isEmpty(), report.images().crossCaseMatches().toString());
    assertTrue(report.images().lshRecall() >= 0.95, "LSH stage recall " + report.images().lshRecall());
  }

  @Test
  void volumesAreFoundAfterReslicingAndRewindowing() {
    assertEquals(1.0, report.volumes().recall());
    assertEquals(0, report.volumes().falsePositives());
    assertTrue(report.volumes().closestNegative() > 2 * VolumeHash.DEFAULT_MAX_MEAN_HAMMING);
  }

  @Test
  void textsMeetTargetsAndTheTextDedupAnchor() {
    TextEvaluation.Report t = report.texts();
    assertTrue(t.pairs().precision() >= DedupEvaluation.MIN_PRECISION, t.pairs().toString());
    assertTrue(t.pairs().recall() >= DedupEvaluation.MIN_RECALL, t.pairs().toString());
    assertTrue(t.documents().macroF1() >= DedupEvaluation.MIN_MACRO_F1, t.documents().toString());
    t.recallByKind().forEach((kind, r) -> assertTrue(r >= 0.95, kind + " recall " + r));
    assertTrue(t.items() > 15_000, "evaluation set size " + t.items());
    assertTrue(report.meetsTargets());
  }

  @Test
  void realTextDuplicatesAcrossArticlesAreReported() {
    assertTrue(report.texts().realDuplicates().stream().anyMatch(d -> !d.sameCase()
        && d.idA().equals("roco/ROCO_15365") && d.idB().equals("roco/ROCO_40546")),
        "the osteometric-data caption reused by two articles");
    assertTrue(report.texts().realDuplicates().stream().anyMatch(d -> !d.sameCase()
        && d.idA().equals("roco/ROCO_02513") && d.idB().equals("roco/ROCO_51055") && d.jaccard() == 1.0));
  }
}
