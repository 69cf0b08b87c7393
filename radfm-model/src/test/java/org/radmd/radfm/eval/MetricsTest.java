package org.radmd.radfm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.testing.SharedCorpus;

/**
 * Metrics against references. BLEU values were recorded with NLTK 3.8 (Debian python3-nltk, /usr/bin/python3):
 * {@code sentence_bleu([ref], hyp, smoothing_function=SmoothingFunction().method1)} and {@code corpus_bleu(refs,
 * hyps)} on tokens from {@code re.findall(r"[^\W_]+|_|[^\w\s]", s.lower())}, which equal
 * {@link TextNormalizer#bleuTokens} on these texts. ROUGE-L and term values are hand-computed in the comments.
 */
class MetricsTest {
  static final String[][] PAIRS = {
      {"The heart is enlarged, consistent with cardiomegaly.", "The heart is enlarged with cardiomegaly."},
      {"No acute intracranial abnormality.", "There is no acute abnormality."},
      {"Axial CT of the chest shows a right upper lobe mass.", "Axial CT shows a mass in the right upper lobe."},
      {"yes", "no"},
      {"MR - T1W w/Gadolinium", "MR T1 with gadolinium"}};
  static final double[] NLTK_SENTENCE_METHOD1 = {0.4468310718440575, 0.12209471671615688, 0.1368839049090644, 0,
      0.05795053470733952};
  static MedicalTermLexicon lexicon;

  @BeforeAll
  static void loadLexicon() throws IOException {
    lexicon = MedicalTermLexicon.load(SharedCorpus.root().resolve("vocab/doid.obo"));
  }

  @Test
  void bleuMatchesNltk() {
    assertEquals(List.of("mr", "-", "t1w", "w", "/", "gadolinium"), TextNormalizer.bleuTokens(PAIRS[4][0]));
    Bleu.Corpus all = new Bleu.Corpus();
    Bleu.Corpus first3 = new Bleu.Corpus();
    for (int i = 0; i < PAIRS.length; i++) {
      assertEquals(NLTK_SENTENCE_METHOD1[i], Bleu.sentence(PAIRS[i][0], PAIRS[i][1]), 1e-12, PAIRS[i][1]);
      all.add(PAIRS[i][0], PAIRS[i][1]);
      if (i < 3) {
        first3.add(PAIRS[i][0], PAIRS[i][1]);
      }
    }
    assertEquals(0.21784163368351428, all.score(), 1e-12);
    assertEquals(0.264105965423138, first3.score(), 1e-12);
    assertEquals(0.0, new Bleu.Corpus().score());
    assertEquals(1.0, Bleu.sentence("a b c d e", "a b c d e"), 1e-12);
  }

  @Test
  void rougeLByHand() {
    // ref 7 words, pred 6 words, LCS 6: P = 1, R = 6/7, F = 2 * 6 / (7 + 6) = 12/13
    RougeL.Score s = RougeL.score(PAIRS[0][0], PAIRS[0][1]);
    assertEquals(1.0, s.precision(), 1e-12);
    assertEquals(6.0 / 7, s.recall(), 1e-12);
    assertEquals(12.0 / 13, s.f(), 1e-12);
    // ref 11, pred 10, LCS "axial ct shows a right upper lobe" = 7: F = 2 * 7 / 21
    assertEquals(14.0 / 21, RougeL.score(PAIRS[2][0], PAIRS[2][1]).f(), 1e-12);
    assertEquals(0.0, RougeL.score("", "x").f());
    assertEquals(0.0, RougeL.score("yes", "no").f());
  }

  @Test
  void closedAndYesNoAccuracy() {
    assertTrue(ClosedAnswer.matches("ct.", "CT"));
    assertTrue(ClosedAnswer.matches("MR - T1W  W/Gadolinium", "mr t1w w gadolinium"));
    assertFalse(ClosedAnswer.matches("MR T1 with gadolinium", "MR - T1W w/Gadolinium"));
    assertTrue(ClosedAnswer.matches("Yes, there is hydrocephalus.", "Yes"));
    assertFalse(ClosedAnswer.matches("There is no hydrocephalus, yes", "yes"), "first word decides");
    assertFalse(ClosedAnswer.matches("", "no"));
    assertTrue(ClosedAnswer.isYesNo(" No. ") && !ClosedAnswer.isYesNo("no mass"));
  }

  @Test
  void termsComeFromTheDiseaseOntologyAndBuiltIns() {
    assertTrue(lexicon.diseaseConcepts() > 5000, "live DO terms: " + lexicon.diseaseConcepts());
    // GBM is an EXACT synonym of DOID:3068 (glioblastoma multiforme); hydrocephalus is DOID:10908
    assertEquals(Set.of("DOID:3068", "ANAT:brain", "MOD:MR", "DOID:10908"),
        lexicon.concepts("Glioblastoma multiforme (GBM) in the brain on MRI, with hydrocephalus."));
    assertEquals(Set.of(), lexicon.concepts("a disease of unknown kind"), "DOID:4 'disease' is left out");
    // ref {DOID:3068, DOID:10908, MOD:MR}, pred {DOID:3068, ANAT:cerebellum, MOD:CT}: 1 of 3 each way
    TermOverlap t = new TermOverlap();
    TermOverlap.Score s = t.add(lexicon, "GBM with hydrocephalus on MRI", "glioblastoma multiforme in the cerebellum on CT");
    assertEquals(new TermOverlap.Score(1, 3, 3), s);
    assertEquals(1.0 / 3, s.f1(), 1e-12);
    t.add(lexicon, "pneumonia", "pneumonia");
    assertEquals(new TermOverlap.Score(2, 4, 4), t.total(), "micro-averaged");
  }
}
