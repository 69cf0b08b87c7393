package org.radmd.pipelines.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.testing.SharedCorpus;

class InstructionBuilderTest {
  static ImageRef image(String id) {
    return ImageRef.unresolved(id, ImageKind.IMAGE_2D, "x", List.of(), TextField.CAPTION, 0, null, null, null, null)
        .stored("medmd/images/ab/" + id + ".png", List.of(3, 64, 64, 1), "ab" + id);
  }

  @Test
  void markerPositionsIgnoreEarlierMarkers() {
    assertArrayEquals(new int[] {2, 4, 4}, Instruction.markerPositions("ab<image>cd<image><image>e"));
    assertArrayEquals(new int[] {0}, Instruction.markerPositions("<image>What?"));
    assertArrayEquals(new int[] {}, Instruction.markerPositions("none"));
  }

  @Test
  void caseReportImagesFollowTheTruncatedContext() {
    String context = "One. Two. Three. Four. Five. Six";
    Sample s = new Sample("pmcc-PMC1-F1-q0", SourceDataset.PMC_CASE_REPORT, "PMC1",
        SampleText.builder().history(context).question("What is shown?").answer("A mass.").build(),
        List.of(image("F1"), image("F2")), null, null, null, Licence.unknown("t"),
        new Provenance("o", "PMC1", null, null, null, "t"), Map.of("img-ref", "['F1', 'F2']"), null);
    List<Instruction> lines = new InstructionBuilder(Prompts.load(null, "s")).build(s, "train");
    assertEquals(1, lines.size());
    Instruction l = lines.get(0);
    String truncated = "One.  Three.  Four.  Five.  Six";
    assertEquals(InstructionBuilder.caseReportContext(context), truncated);
    assertEquals(truncated + "<image><image>\nWhat is shown?", l.question());
    assertEquals(List.of(truncated.length(), truncated.length()),
        l.images().stream().map(Instruction.Image::position).toList());
    assertEquals("pmcc-PMC1-F1-q0/vqa/0", l.id());
    assertEquals("vqa", l.task());
  }

  @Test
  void promptsComeFromRadfmFilesSeededOrFixed() {
    Path dir = SharedCorpus.root().resolve("radfm/prompts");
    Prompts p = Prompts.load(dir, "radmd");
    assertEquals(5, p.list("modality").size(), "modality_prompt.json caption_prompt");
    assertTrue(p.list("report").size() > 5);
    assertEquals(p.pick("report", "x/report/0"), Prompts.load(dir, "radmd").pick("report", "x/report/0"));
    Prompts fixed = Prompts.load(dir.resolve("missing"), "radmd");
    assertEquals(List.of(Prompts.FIXED.get("modality")), fixed.list("modality"));
    int differ = 0;
    for (int i = 0; i < 50; i++) {
      differ += p.pick("report", "s" + i).equals(p.pick("report", "s0")) ? 0 : 1;
    }
    assertTrue(differ > 20, "the choice spreads over the list: " + differ);
  }
}
