package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.core.Modality;
import org.radmd.filters.TextRadiologyDecision.Verdict;

class TextRadiologyDecisionTest {
  static final TextRadiologyDecision D = TextRadiologyDecision.defaults();

  @Test
  void captionDecidesBeforeTheOtherText() {
    TextRadiologyDecision.Result r = D.decide("Surveillance colonoscopy showed patent stents in the rectum.",
        "Computed tomography (CT) showed a distal large bowel obstruction.");
    assertEquals(Verdict.NON_RADIOLOGY, r.verdict());
    assertEquals("caption-modality", r.basis());
    TextRadiologyDecision.Result other = D.decide(null, "Axial CT shows a mass.");
    assertEquals(Verdict.RADIOLOGY, other.verdict());
    assertEquals("text-modality", other.basis());
    assertEquals(List.of(Modality.CT), other.modalities());
  }

  @Test
  void mixedPanelsAreNotRadiology() {
    TextRadiologyDecision.Result r = D.decide("(A) Barium enema and (B) endoscopic image of the stricture.", null);
    assertEquals(Verdict.NON_RADIOLOGY, r.verdict());
    assertEquals("caption-mixed-panels", r.basis());
    assertEquals(Verdict.RADIOLOGY, D.decide("Barium enema of the stricture; endoscopic image in the inset.", null)
        .verdict(), "single-panel tie: the first mention (barium enema) wins");
  }

  @Test
  void contextWordsDecideCaptionsWithoutModalityTerms() {
    TextRadiologyDecision.Result r = D.decide("Pneumomediastinum and subcutaneous emphysema (arrows).", null);
    assertEquals(Verdict.RADIOLOGY, r.verdict());
    assertEquals("caption-context", r.basis());
    assertEquals(Verdict.NON_RADIOLOGY, D.decide("Expression of the gene in mice cells (mean of 3 assays).", null)
        .verdict());
    assertEquals(Verdict.UNDETERMINED, D.decide("Timeline of the study.", null).verdict());
  }

  @Test
  void parametersAreValidated() {
    assertThrows(IllegalArgumentException.class,
        () -> new TextRadiologyDecision(ModalityClassifier.defaults(), ContextLexicon.defaults(), 0, 2.0));
    assertThrows(IllegalArgumentException.class,
        () -> new TextRadiologyDecision(ModalityClassifier.defaults(), ContextLexicon.defaults(), 1, Double.NaN));
  }
}
