package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicateTextTest {
  private final NearDuplicateText d = NearDuplicateText.DEFAULT;

  @Test
  void reusedCaptionIsADuplicateAndARelatedOneIsNot() {
    String a = d.normalize("Contrast-enhanced axial computed tomography (CT) imaging from 2004 (age 27) showing"
        + " intraductal calculi (arrow head) and extensive coarse pancreatic parenchymal calcifications (arrows).");
    String b = d.normalize("Figure 1: Contrast-enhanced axial computed tomography (CT) imaging from 2006 (age 29)"
        + " showing intraductal calculi (arrow head) and extensive coarse pancreatic parenchymal calcifications"
        + " (arrows).");
    String c = d.normalize("Contrast-enhanced axial computed tomography (CT) imaging showing resolution of"
        + " pancreatic calcifications and a normal pancreatic duct without calculi.");
    assertTrue(d.duplicates(a, b), "J=" + d.jaccard(a, b));
    assertFalse(d.duplicates(a, c), "J=" + d.jaccard(a, c));
  }

  @Test
  void shortGenericCaptionsTakeNoPart() {
    String a = d.normalize("Computed tomography scan showing bronchiectasis");
    assertFalse(d.eligible(a));
    assertFalse(d.duplicates(a, a));
  }

  @Test
  void indexFindsTheSamePairsAsBruteForce() {
    List<String> texts = List.of(
        "Axial T2-weighted MRI of the brain showing a large enhancing mass in the posterior fossa.",
        "(A) Axial T2-weighted MRI of the brain showing a large enhancing mass in the posterior fossa.",
        "Chest radiograph on admission showing bilateral patchy ground-glass opacities in both lower lobes.",
        "Chest radiograph on admission showing bilateral patchy ground-glass opacities in both lower lobes",
        "Panoramic radiograph taken four years later showing a unilocular radiolucent area in the left ramus.");
    TextIndex index = new TextIndex(d, texts);
    List<TextIndex.Match> m = index.matches();
    assertEquals(2, m.size(), m.toString());
    assertEquals(0, m.get(0).i());
    assertEquals(1, m.get(0).j());
    assertEquals(2, m.get(1).i());
    assertEquals(1.0, m.get(1).jaccard());
  }

  @Test
  void rejectsInconsistentSettings() {
    assertThrows(IllegalArgumentException.class, () -> new NearDuplicateText(5, 0.8, 60, new MinHash(64, 1),
        LshBands.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> d.withThreshold(0));
  }
}
