package org.radmd.filters.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.filters.FilterDecision;
import org.radmd.filters.ImageSource;
import org.radmd.filters.RadmdFilters;

/** The scorer boundary with a fake scorer: creation by name, batch contract, thresholds from the config. */
class SampleScorerTest {
  /** Scores by caption length: log-likelihood -1 per 10 characters; radiology when the caption says CT. */
  public static final class FakeScorer implements SampleScorer {
    final List<Integer> batches = new ArrayList<>();
    boolean closed;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public List<Map<String, Double>> score(List<Sample> batch) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      batches.add(batch.size());
      return batch.stream().map(s -> s.text().caption() == null ? Map.<String, Double>of()
          : Map.of(IMAGE_TEXT_LOGLIK, -s.text().caption().length() / 10.0,
              MODALITY_ANSWER_RADIOLOGY, s.text().caption().contains("CT") ? 1.0 : 0.0)).toList();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Remembers the parameters it was configured with. */
  public static final class ConfiguredScorer implements SampleScorer {
    Map<String, String> params;

    @Override
    public void configure(Map<String, String> p) {
      if (!p.containsKey("model")) {
        throw new IllegalArgumentException("model missing");
      }
      params = p;
    }

    @Override
    public String name() {
      return "configured";
    }

    @Override
    public List<Map<String, Double>> score(List<Sample> batch) {
      return batch.stream().map(s -> Map.<String, Double>of()).toList();
    }

    @Override
    public void close() {}
  }

  @Test
  void factoryHandsTheRuleParametersToTheScorer() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("filters", ".json");
    try {
      java.nio.file.Files.writeString(file, "{\"rules\": [{\"name\": \"model-scores\", \"reason\": \"r\","
          + " \"params\": {\"scorer\": \"" + ConfiguredScorer.class.getName() + "\", \"model\": \"/m\","
          + " \"imageSize\": 64, \"thresholds\": {\"x\": {\"min\": 1}}}}]}");
      ScorerFactory f = RadmdFilters.of(org.radmd.filters.FilterConfig.load(file)).scorer().orElseThrow();
      ConfiguredScorer s = (ConfiguredScorer) f.withDefault("outputRoot", "/out").withDefault("model", "/other")
          .create();
      assertEquals(Map.of("scorer", ConfiguredScorer.class.getName(), "model", "/m", "imageSize", "64",
          "outputRoot", "/out"), s.params, "scalar params as text, thresholds left out, defaults do not override");
      assertThrows(IllegalArgumentException.class, () -> new ScorerFactory(ConfiguredScorer.class.getName()).create());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  static Sample sample(String caption) {
    return new Sample("pmci-PMC1-" + caption.length(), SourceDataset.PMC_INLINE, "PMC1",
        SampleText.builder().caption(caption).build(), List.of(), null, null, null, Licence.unknown(null),
        new Provenance("x", "x", null, null, null, "test"), null, null);
  }

  @Test
  void factoryCreatesByNameAndRejectsOthers() {
    SampleScorer s = new ScorerFactory(FakeScorer.class.getName()).create();
    assertEquals("fake", s.name());
    assertTrue(s.threadSafe());
    s.close();
    assertThrows(IllegalStateException.class, () -> s.score(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ScorerFactory("no.such.Scorer").create());
    assertThrows(IllegalArgumentException.class, () -> new ScorerFactory(String.class.getName()).create());
    assertThrows(IllegalArgumentException.class, () -> new ScorerFactory(" "));
  }

  @Test
  void thresholdsFromTheDefaultConfigKeepOrDropScoredSamples() {
    RadmdFilters f = RadmdFilters.defaults();
    assertTrue(f.scorer().isEmpty(), "no scorer in the default configuration");
    FakeScorer scorer = new FakeScorer();
    List<Sample> kept = new ArrayList<>();
    for (String c : List.of("Axial CT shows a mass in the liver.", "Axial MRI shows a mass in the liver.",
        "Axial CT of the abdomen " + "with contrast ".repeat(5))) {
      RadmdFilters.Outcome o = f.apply(sample(c), ImageSource.NONE);
      assertTrue(o.decision().keep(), o.message());
      kept.add(o.sample());
    }
    List<Map<String, Double>> scores = scorer.score(kept);
    assertEquals(List.of(3), scorer.batches);
    List<FilterDecision> decisions = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Sample s = kept.get(i);
      for (Map.Entry<String, Double> e : scores.get(i).entrySet()) {
        s = s.withScore(e.getKey(), e.getValue());
      }
      RadmdFilters.Outcome o = f.checkScores(s);
      decisions.add(o.decision());
      assertEquals(s.scores(), o.sample().scores(), "scores stored on every sample");
      if (!o.decision().keep()) {
        assertTrue(o.message().contains("model-scores") && o.message().contains("outside"), o.message());
      }
    }
    assertEquals(FilterDecision.keep("radiology-modality", "modality:CT"), decisions.get(0));
    assertEquals(FilterDecision.drop("model-scores", "model-score-out-of-range"), decisions.get(1),
        "modality_answer_radiology 0 < 0.5");
    assertEquals(FilterDecision.drop("model-scores", "model-score-out-of-range"), decisions.get(2),
        "image_text_loglik -9.4 < -6");
    assertFalse(f.thresholds().violation(Map.of()).isPresent(), "unscored samples pass");
  }
}
