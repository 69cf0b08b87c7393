package org.radmd.pipelines.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Sample;
import org.radmd.filters.FilterConfig;
import org.radmd.filters.RadmdFilters;
import org.radmd.filters.score.SampleScorer;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.model.DjlRadfmBackend;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmConfig;
import org.radmd.radfm.model.RadfmModel;
import org.radmd.radfm.text.RadfmTokenizer;
import org.radmd.scrapers.medpix.MedPixReader;
import org.radmd.testing.SharedCorpus;

/**
 * The RadFM scorer with a tiny randomly initialised RadFM (config {@code tiny}, 64-pixel images, CPU) on real
 * MedPix cases from shared/corpus: scores on every sample, the modality answer among the options, the cache on a
 * rerun (no backend calls), and the {@code model-scores} thresholds from a filter file.
 */
class RadfmSampleScorerTest {
  @TempDir
  static Path tmp;
  static Path model;
  static Path tokenizer;
  static List<Sample> samples;

  @BeforeAll
  static void tinyModel() throws IOException {
    model = tmp.resolve("model");
    try (RadfmModel m = RadfmModel.initialize(RadfmConfig.tiny(), ai.djl.Device.cpu(), DataType.FLOAT32, 7)) {
      ModelFiles.save(m, model);
    }
    tokenizer = SharedCorpus.root().resolve("radfm/language_files/tokenizer.model");
    samples = new MedPixReader().read(SharedCorpus.corpus("medpix/data_dev.subset.jsonl"), SharedCorpus.corpus())
        .samples().stream().sorted(java.util.Comparator.comparingInt((Sample s) -> s.images().size())
            .thenComparing(Sample::id)).limit(3).toList();
  }

  /** Counts the prompts scored by a backend. */
  static final class Counting implements RadfmBackend {
    final RadfmBackend inner;
    final AtomicInteger prompts = new AtomicInteger();

    Counting(RadfmBackend inner) {
      this.inner = inner;
    }

    @Override
    public List<String> generate(List<Prompt> p, GenerationOptions o) {
      return inner.generate(p, o);
    }

    @Override
    public double[] score(List<Prompt> p) {
      prompts.addAndGet(p.size());
      return inner.score(p);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  static DjlRadfmBackend backend() throws IOException {
    return new DjlRadfmBackend(ModelFiles.load(model, ai.djl.Device.cpu(), DataType.FLOAT32),
        RadfmTokenizer.load(tokenizer), 64, 4, true);
  }

  @Test
  void scoresEverySampleThenResumesFromTheCache() throws IOException {
    Path cache = tmp.resolve("cache-a");
    String id = RadfmSampleScorer.modelId(model);
    assertEquals(64, id.length());
    List<Map<String, Double>> first;
    try (Counting b = new Counting(backend());
        RadfmSampleScorer s = new RadfmSampleScorer(b, id, cache, SharedCorpus.corpus())) {
      long t0 = System.nanoTime();
      first = s.score(samples);
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf("RadFM scorer (tiny, CPU, 64 px): %d samples in %.2f s = %.2f samples/s%n",
          samples.size(), secs, samples.size() / secs);
      int perSample = 1 + RadfmSampleScorer.MODALITY_OPTIONS.size();
      assertEquals(samples.size() * perSample, b.prompts.get(), "one text prompt + one per option, per sample");
      assertEquals(samples.size(), s.computedCount());
    }
    assertEquals(samples.size(), first.size());
    for (int i = 0; i < samples.size(); i++) {
      Map<String, Double> m = first.get(i);
      double ll = m.get(SampleScorer.IMAGE_TEXT_LOGLIK);
      assertTrue(Double.isFinite(ll) && ll <= 0, "log-likelihood " + ll);
      double answer = m.get(RadfmSampleScorer.MODALITY_ANSWER);
      assertTrue(answer >= 0 && answer < RadfmSampleScorer.MODALITY_OPTIONS.size() && answer == Math.rint(answer));
      String name = RadfmSampleScorer.modalityAnswer(m).orElseThrow();
      assertEquals(RadfmSampleScorer.MODALITY_OPTIONS.get((int) answer).radiology() ? 1.0 : 0.0,
          m.get(SampleScorer.MODALITY_ANSWER_RADIOLOGY), name);
      if (!samples.get(i).modalities().isEmpty()) {
        double agrees = m.get(RadfmSampleScorer.MODALITY_AGREES);
        assertEquals(RadfmSampleScorer.MODALITY_OPTIONS.get((int) answer).modalities().stream()
            .anyMatch(samples.get(i).modalities()::contains) ? 1.0 : 0.0, agrees, name);
      }
    }
    assertEquals(samples.size(), Files.readAllLines(cache.resolve(RadfmSampleScorer.modelId(model) + ".jsonl"))
        .size());
    // a rerun (new process: new scorer, new cache object) scores nothing again
    try (Counting b = new Counting(backend());
        RadfmSampleScorer s = new RadfmSampleScorer(b, id, cache, SharedCorpus.corpus())) {
      assertEquals(first, s.score(samples));
      assertEquals(0, b.prompts.get(), "every sample came from the cache");
      assertEquals(samples.size(), s.cachedCount());
    }
    // an edited text is a new key
    Sample edited = new Sample(samples.get(0).id(), samples.get(0).source(), samples.get(0).caseId(),
        org.radmd.core.SampleText.builder().caption("Axial CT of the chest shows a nodule.").build(),
        samples.get(0).images(), samples.get(0).modalities(), null, null, samples.get(0).licence(),
        samples.get(0).provenance(), null, null);
    assertFalse(RadfmSampleScorer.cacheKey(edited).equals(RadfmSampleScorer.cacheKey(samples.get(0))));
  }

  @Test
  void filterFileTurnsItOnAndThresholdsDrop() throws IOException {
    Path file = tmp.resolve("filters.json");
    Files.writeString(file, "{\"rules\": [{\"name\": \"model-scores\", \"reason\": \"model-score-out-of-range\","
        + " \"params\": {\"scorer\": \"" + RadfmSampleScorer.class.getName() + "\", \"model\": \""
        + model.toString().replace("\\", "\\\\") + "\", \"tokenizer\": \"" + tokenizer.toString().replace("\\", "\\\\")
        + "\", \"imageSize\": 64, \"cache\": \"" + tmp.resolve("cache-b").toString().replace("\\", "\\\\")
        + "\", \"thresholds\": {\"image_text_loglik\": {\"min\": 0.5}}}}]}");
    RadmdFilters filters = RadmdFilters.of(FilterConfig.load(file));
    List<RadmdFilters.Outcome> outcomes = new ArrayList<>();
    try (SampleScorer s = filters.scorer().orElseThrow().withDefault("outputRoot", SharedCorpus.corpus().toString())
        .create()) {
      assertEquals("radfm", s.name());
      List<Map<String, Double>> scores = s.score(samples.subList(0, 2));
      for (int i = 0; i < 2; i++) {
        Sample scored = samples.get(i);
        for (Map.Entry<String, Double> e : scores.get(i).entrySet()) {
          scored = scored.withScore(e.getKey(), e.getValue());
        }
        outcomes.add(filters.checkScores(scored));
      }
    }
    for (RadmdFilters.Outcome o : outcomes) {
      assertFalse(o.decision().keep(), "every log-likelihood is <= 0 < 0.5");
      assertEquals("model-score-out-of-range", o.decision().reason());
      assertTrue(o.message().contains("image_text_loglik"), o.message());
    }
  }
}
