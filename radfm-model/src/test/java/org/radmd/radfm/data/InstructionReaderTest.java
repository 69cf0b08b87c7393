package org.radmd.radfm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.radfm.Prompt;
import org.radmd.testing.SharedCorpus;

class InstructionReaderTest {
  static final String GOOD = "{\"id\":\"mpx-MPX2497/modality/0\",\"sampleId\":\"mpx-MPX2497\",\"caseId\":\"MPX2497\","
      + "\"source\":\"MPx\",\"split\":\"test\",\"task\":\"modality\","
      + "\"question\":\"<image>What imaging modality was used?\",\"answer\":\"CT\","
      + "\"images\":[{\"path\":\"medpix/images/MPX2497_synpic11131.png\",\"kind\":\"IMAGE_2D\","
      + "\"shape\":[3,512,512,1],\"position\":0}],\"modalities\":[\"CT\"],\"licence\":\"MedPix-NLM\",\"extra\":1}";
  static final String VOLUME = "{\"id\":\"rp-1/vqa/0\",\"task\":\"vqa\",\"question\":\"Where is it?<image>\","
      + "\"answer\":\"brain\",\"images\":[{\"path\":\"nifti/anatomical.nii\",\"kind\":\"VOLUME_3D\","
      + "\"shape\":[3,512,512,24],\"position\":12}]}";

  @Test
  void readsValidLinesAndReportsBadOnes(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("test.jsonl");
    Files.write(f, List.of(GOOD, "", "{not json", VOLUME,
        "{\"id\":\"x\",\"task\":\"vqa\",\"question\":\"<image><image>q\",\"answer\":\"a\",\"images\":[]}",
        "{\"id\":\"y\",\"task\":\"poetry\",\"question\":\"q\",\"answer\":\"a\"}",
        "{\"id\":\"z\",\"task\":\"vqa\",\"question\":\"<image>q\",\"answer\":\"a\",\"images\":[{\"path\":\"../etc/passwd\",\"position\":0}]}",
        "{\"id\":\"w\",\"task\":\"vqa\",\"question\":\"q<image>\",\"answer\":\"a\",\"images\":[{\"path\":\"a.png\",\"position\":0}]}"));
    InstructionReader.Result r = InstructionReader.read(f, 0);
    assertEquals(List.of("mpx-MPX2497/modality/0", "rp-1/vqa/0"), r.records().stream().map(InstructionRecord::id).toList());
    assertEquals(List.of(3L, 5L, 6L, 7L, 8L), r.problems().stream().map(InstructionReader.Problem::line).toList());
    assertTrue(r.problems().get(3).reason().contains("not relative"), r.problems().get(3).reason());
    assertTrue(r.problems().get(4).reason().contains("position"), r.problems().get(4).reason());

    InstructionRecord good = r.records().get(0);
    assertEquals("MPx", good.source());
    assertEquals(List.of(3, 512, 512, 1), good.images().get(0).shape());
    assertTrue(!good.has3d() && r.records().get(1).has3d());

    Path root = SharedCorpus.corpus();
    Prompt p = good.toPrompt(root);
    assertEquals("CT", p.answer());
    assertTrue(Files.isRegularFile(p.images().get(0)));
    assertEquals(1, InstructionReader.read(f, 1).records().size(), "limit");
  }

  @Test
  void samplerKeeps2dAnd3dApartAndIsSeeded() {
    List<Boolean> is3d = List.of(false, true, false, false, true, false, false, false, false, true);
    ModalityBatchSampler s = ModalityBatchSampler.radfm();
    List<List<Integer>> b = s.batches(is3d, true, 7, 0);
    assertEquals(b, s.batches(is3d, true, 7, 0));
    // 7 2D samples -> batches of 4 and 3; 3 volumes -> 3 batches of 1
    assertEquals(5, b.size());
    assertEquals(10, b.stream().mapToInt(List::size).sum());
    for (List<Integer> batch : b) {
      assertTrue(batch.stream().allMatch(is3d::get) || batch.stream().noneMatch(is3d::get), batch.toString());
    }
    assertEquals(List.of(List.of(0, 2, 3, 5), List.of(6, 7, 8), List.of(1), List.of(4), List.of(9)),
        s.batches(is3d, false, 0, 0));
    assertEquals(4, new ModalityBatchSampler(4, 1, true).batches(is3d, false, 0, 0).size(), "drop last 2D batch");
  }
}
