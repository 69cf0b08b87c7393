package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.radmd.filters.dedup.EvalCorpus.CorpusImage;
import org.radmd.filters.dedup.EvalCorpus.CorpusText;
import org.radmd.testing.SharedCorpus;

class EvalCorpusTest {
  @Test
  void imagesOfEverySource() {
    List<CorpusImage> images = EvalCorpus.images(SharedCorpus.corpus());
    Map<String, Long> bySource = images.stream().collect(Collectors.groupingBy(CorpusImage::source,
        Collectors.counting()));
    assertEquals(24, bySource.get("MPx"));
    assertEquals(8, bySource.get("PMC"));
    assertEquals(10, bySource.get("MedICaT"));
    assertEquals(32 + 2 * 24 + 3 * 21 + 2 * 19 + 4, bySource.get("RP3D"), "every slice, histology copies too");
    assertEquals(8, EvalCorpus.thumbnails(SharedCorpus.corpus()).size());
    assertEquals(9, EvalCorpus.radiopaediaSeries(SharedCorpus.corpus()).size());
  }

  @Test
  void textsOfEverySource() {
    List<CorpusText> texts = EvalCorpus.texts(SharedCorpus.corpus());
    Map<String, Long> bySource = texts.stream().collect(Collectors.groupingBy(CorpusText::source,
        Collectors.counting()));
    assertEquals(8179, bySource.get("ROCO"));
    assertEquals(10, bySource.get("MedICaT"));
    assertEquals(24 + 7, bySource.get("MPx"), "image captions and case findings");
    assertTrue(bySource.get("COVID-19-CT-CXR") >= 500, bySource.toString());
    assertTrue(bySource.get("PMC") >= 20, bySource.toString());
    CorpusText roco = texts.stream().filter(t -> t.id().equals("roco/ROCO_00001")).findFirst().orElseThrow();
    assertEquals("PMC4608653", roco.caseId());
    assertEquals("Axial MRI (coronal view).", roco.text());
  }
}
