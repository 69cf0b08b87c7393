package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radmd.core.Json;
import org.radmd.testing.SharedCorpus;

class CaptionPanelsTest {
  @Test
  void panelLetterForms() {
    assertEquals(Set.of('a', 'b'), CaptionPanels.letters("(A) Barium enema and (B) endoscopic image"));
    assertEquals(Set.of('a', 'b', 'c'), CaptionPanels.letters("Brain CT (A) and MR diffusion images (B, C)"));
    assertEquals(Set.of('a', 'b', 'c', 'd'), CaptionPanels.letters("Axial CT (A-D) of the chest"));
    assertEquals(Set.of('b', 'd'), CaptionPanels.letters("Sagittal (B and D) images"));
    assertEquals(Set.of('a', 'b'), CaptionPanels.letters("A) CT. B) MRI."));
    assertEquals(Set.of(), CaptionPanels.letters("Type A aortic dissection in hepatitis B"));
    assertEquals(1, CaptionPanels.count("(A) one panel"));
    assertEquals(2, CaptionPanels.count("CT in the left panel, MRI in the right panel"));
    assertEquals(0, CaptionPanels.count(null));
  }

  /** MedICaT's labelled captions: panel counts as the captions name them. */
  @Test
  void medicatCaptions() throws IOException {
    JsonNode figs = Json.mapper().readTree(SharedCorpus.corpus("other/medicat_sample/expected.json").toFile())
        .get("figures");
    int compound = 0;
    for (JsonNode f : figs) {
      if (CaptionPanels.count(f.get("caption").asText()) >= 2) {
        compound++;
      }
    }
    // Figure1/2/4 of the colonic-stent case (A, B), Fig. 1 (A, B, C) and Fig. 2 (A-D) of the spine case.
    assertEquals(5, compound);
  }
}
