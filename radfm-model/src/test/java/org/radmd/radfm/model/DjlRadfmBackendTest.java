package org.radmd.radfm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.text.RadfmTokenizer;
import org.radmd.testing.SharedCorpus;

/** The backend on the real tokenizer and real corpus images (tiny random model, 64-pixel images). */
class DjlRadfmBackendTest {
  static DjlRadfmBackend backend;
  static Path png;
  static Path nifti;

  @BeforeAll
  static void open() throws Exception {
    RadfmModel model = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 4);
    RadfmTokenizer tok = RadfmTokenizer.load(SharedCorpus.root().resolve(RadfmTokenizer.SHARED_MODEL_PATH));
    backend = new DjlRadfmBackend(model, tok, 64, 2, true);
    png = SharedCorpus.corpus("medpix/images/MPX2066_synpic26219.png");
    nifti = SharedCorpus.corpus("dicom/series/mr_dicom2nifti_generic_anatomical_4slices/001_ground_truth.nii.gz");
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  @Test
  void generatesForBatchesOf2dAnd3dPromptsAsForEachAlone() {
    List<Prompt> prompts = List.of(
        Prompt.of("<image>What imaging modality was used?", List.of(png)),
        Prompt.of("Describe the findings.<image>", List.of(nifti)),
        Prompt.of("Is there a fracture?", List.of()));
    GenerationOptions greedy = GenerationOptions.greedy(4);
    List<String> batch = backend.generate(prompts, greedy);
    assertEquals(3, batch.size());
    for (int i = 0; i < prompts.size(); i++) {
      assertEquals(backend.generate(List.of(prompts.get(i)), greedy).get(0), batch.get(i), "prompt " + i);
    }
  }

  @Test
  void scoresAnswersAndClosedOptions() {
    Prompt a = new Prompt("<image>What imaging modality was used?", List.of(png), "CT");
    Prompt b = new Prompt("<image>What imaging modality was used?", List.of(png), "MR - T1W w/Gadolinium");
    Prompt c = new Prompt("Describe the findings.<image>", List.of(nifti), "normal brain");
    double[] s = backend.score(List.of(a, b, c));
    assertEquals(3, s.length);
    for (double v : s) {
      assertTrue(v < 0 && Double.isFinite(v), "score " + v);
    }
    assertNotEquals(s[0], s[1]);
    // batching (2 per pass) does not change a score
    assertEquals(backend.score(List.of(b))[0], s[1], 1e-4);
    assertEquals(backend.score(List.of(c))[0], s[2], 1e-4);
    assertThrows(IllegalArgumentException.class, () -> backend.score(List.of(Prompt.of("q", List.of()))));
    // closed question: probabilities follow the scores
    double[] p = backend.optionProbabilities(Prompt.of(a.question(), a.images()), List.of("CT", a.answer(),
        b.answer()));
    assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
    assertEquals(p[0], p[1], 1e-9);
    assertEquals(Math.exp(s[0] - s[1]), p[0] / p[2], 1e-3);
  }
}
