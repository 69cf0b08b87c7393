package org.radmd.pipelines.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radmd.core.Reject;
import org.radmd.core.Stage;

class SplitAssignerTest {

  @Test
  void duplicateGroupSpanningTwoCasesLandsInOneSplitForEverySeed() {
    int differentCases = 0;
    for (int seed = 0; seed < 200; seed++) {
      SplitAssigner a = new SplitAssigner(0.5, "seed" + seed);
      // Case A: figure a1 is the representative of a near-duplicate cluster whose other member b2 (case B) was
      // dropped; case B's other figure b1 was kept. Case C is unrelated.
      a.addSample("a1", "A", "b2");
      a.addSample("a2", "A", null);
      a.addSample("b1", "B", null);
      a.addSample("c1", "C", null);
      a.addLink(DedupLink.of(new Reject("PMC-Inline", Stage.DEDUP, "duplicate-near-image",
          "duplicate_of=a1: near-duplicate image of a1 (pHash Hamming 3/64, correlation 0.95); case=B; cluster of 2",
          "x.xml", "b2")));
      assertTrue(a.sameGroup("a1", "b1"));
      assertEquals("A", a.groupKey("b1"));
      assertEquals(a.split("a1"), a.split("b1"));
      assertEquals(a.split("a1"), a.split("a2"));
      if (!a.split("c1").equals(a.split("b1"))) {
        differentCases++;
      }
      // Without the guard, B would be split on its own key.
      boolean bAlone = SplitAssigner.isTest("seed" + seed, "B", 0.5);
      boolean aAlone = SplitAssigner.isTest("seed" + seed, "A", 0.5);
      assertEquals(aAlone ? SplitAssigner.TEST : SplitAssigner.TRAIN, a.split("b1"));
      if (aAlone != bAlone) {
        differentCases++;
      }
    }
    assertTrue(differentCases > 50, "the seeds do move groups: " + differentCases);
  }

  @Test
  void representativeAttributeAloneLinksTheCases() {
    SplitAssigner a = new SplitAssigner(0.5, "s");
    a.addSample("x1", "X", "y1");
    a.addSample("y1", "Y", null);
    assertTrue(a.sameGroup("x1", "y1"));
    assertEquals("X", a.groupKey("y1"));
  }

  @Test
  void ruleIsDeterministicAndFollowsTheFraction() {
    int test = 0;
    for (int i = 0; i < 4000; i++) {
      SplitAssigner a = new SplitAssigner(0.1, "radmd");
      a.addSample("s" + i, "case-" + i, null);
      String split = a.split("s" + i);
      SplitAssigner other = new SplitAssigner(0.1, "radmd");
      other.addSample("other-sample", "case-" + i, null);
      assertEquals(split, other.split("other-sample"), "the split depends on the case, not the sample id");
      test += split.equals(SplitAssigner.TEST) ? 1 : 0;
    }
    // Binomial(4000, 0.1): mean 400, sd 19; the hash is fixed, so this count never changes between runs.
    assertTrue(test > 320 && test < 480, "test groups: " + test);
    SplitAssigner none = new SplitAssigner(0.0, "radmd");
    none.addSample("s", "c", null);
    assertEquals(SplitAssigner.TRAIN, none.split("s"));
    SplitAssigner all = new SplitAssigner(1.0, "radmd");
    all.addSample("s", "c", null);
    assertEquals(SplitAssigner.TEST, all.split("s"));
    assertThrows(IllegalArgumentException.class, () -> new SplitAssigner(1.5, "x"));
    assertThrows(IllegalArgumentException.class, () -> none.split("unknown"));
  }

  @Test
  void dedupLinksAreReadFromEveryRejectForm() {
    DedupLink exact = DedupLink.of(new Reject("MedICaT", Stage.DEDUP, "duplicate-exact",
        "duplicate_of=pmci-P-F1: same pixels and normalized text; case=abc", "m.jsonl", "medicat-abc-1"));
    assertEquals(new DedupLink("medicat-abc-1", "MedICaT", "pmci-P-F1", "abc", DedupLink.EXACT), exact);
    DedupLink legacy = DedupLink.of(new Reject("MedICaT", Stage.DEDUP, "duplicate-exact",
        "same pixels and normalized text as pmci-P-F1", "m.jsonl", "medicat-abc-1"));
    assertEquals(new DedupLink("medicat-abc-1", "MedICaT", "pmci-P-F1", null, DedupLink.EXACT), legacy);
    DedupLink volume = DedupLink.of(new Reject("RP3D", Stage.DEDUP, "duplicate-near-image",
        "duplicate_of=rp3d-1-0: near-duplicate image of rp3d-1-0 (mean slice pHash Hamming 2.5/64; 1 of 1 and 1 of 1 "
            + "images matched); cluster of 2", "c.json", "rp3d-2-0"));
    assertEquals(DedupLink.NEAR_VOLUME, volume.kind());
    assertNull(volume.duplicateCase());
    assertEquals("rp3d-1-0", volume.representativeId());
    DedupLink text = DedupLink.of(new Reject("ROCO", Stage.DEDUP, "duplicate-near-text",
        "duplicate_of=mpx-M1: near-duplicate text of mpx-M1 (Jaccard 0.91); case=R 7; cluster of 3", "r", "roco-7"));
    assertEquals(DedupLink.NEAR_TEXT, text.kind());
    assertEquals("R 7", text.duplicateCase());
    assertNull(DedupLink.of(new Reject("MPx", Stage.FILTER, "non-radiology", "dropped", "o", "mpx-1")));
  }
}
