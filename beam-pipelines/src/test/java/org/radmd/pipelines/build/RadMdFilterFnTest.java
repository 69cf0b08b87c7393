package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.filters.FilterConfig;
import org.radmd.filters.RadmdFilters;
import org.radmd.filters.score.SampleScorer;
import org.radmd.pipelines.coders.JsonRecordCoder;

/** The RadMD filter step on the DirectRunner with a fake model scorer: batches, stored scores, thresholds. */
class RadMdFilterFnTest {
  static final AtomicInteger LARGEST_BATCH = new AtomicInteger();

  /** Log-likelihood -1 per 10 caption characters; radiology answer 1 when the caption says CT. */
  public static final class FakeScorer implements SampleScorer {
    @Override
    public String name() {
      return "fake";
    }

    @Override
    public List<Map<String, Double>> score(List<Sample> batch) {
      LARGEST_BATCH.accumulateAndGet(batch.size(), Math::max);
      return batch.stream().map(s -> Map.of(IMAGE_TEXT_LOGLIK, -s.text().caption().length() / 10.0,
          MODALITY_ANSWER_RADIOLOGY, s.text().caption().contains("CT") ? 1.0 : 0.0)).toList();
    }

    @Override
    public void close() {}
  }

  static Sample sample(String id, String caption) {
    return new Sample("pmci-" + id, SourceDataset.PMC_INLINE, id, SampleText.builder().caption(caption).build(),
        List.of(), null, null, null, Licence.unknown(null), new Provenance("x/" + id, id, null, null, null, "test"),
        null, null);
  }

  @Test
  void buildOptionsChooseTheConfiguration(@TempDir Path dir) throws IOException {
    BuildOptions o = PipelineOptionsFactory.as(BuildOptions.class);
    assertEquals(20, minChars(BuildPipeline.filterConfig(o)), "default file, default minimum");
    o.setMinTextChars(5);
    assertEquals(5, minChars(BuildPipeline.filterConfig(o)), "--min-text-chars overrides the file");
    Path file = dir.resolve("f.json");
    Files.writeString(file, "{\"rules\": [{\"name\": \"min-text-length\", \"reason\": \"short\","
        + " \"params\": {\"minChars\": 42}}]}");
    o.setMinTextChars(-1);
    o.setFiltersConfig(file.toString());
    FilterConfig c = BuildPipeline.filterConfig(o);
    assertEquals(42, minChars(c));
    assertEquals(List.of("min-text-length"), c.rules().stream().map(FilterConfig.Rule::name).toList());
    o.setFiltersConfig(dir.resolve("missing.json").toString());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> BuildPipeline.filterConfig(o));
    assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
  }

  static int minChars(FilterConfig c) {
    return c.rule("min-text-length").orElseThrow().intParam("minChars", -1);
  }

  @Test
  void scoresAreStoredAndThresholdsApplied(@TempDir Path dir) throws IOException {
    String json = new String(FilterConfig.class.getResourceAsStream(FilterConfig.DEFAULT_RESOURCE).readAllBytes(),
        StandardCharsets.UTF_8).replace("\"scorer\": null,", "\"scorer\": \"" + FakeScorer.class.getName() + "\",")
        .replace("\"batchSize\": 8", "\"batchSize\": 2");
    Path config = dir.resolve("filters.json");
    Files.writeString(config, json);
    RadmdFilters filters = RadmdFilters.of(FilterConfig.load(config));
    assertEquals(FakeScorer.class.getName(), filters.scorer().orElseThrow().className());

    List<Sample> in = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      in.add(sample("ct" + i, "Axial CT shows a mass in the liver " + i + "."));
    }
    in.add(sample("mr", "Axial MRI shows a mass in the liver."));
    in.add(sample("long", "Axial CT of the abdomen " + "with contrast ".repeat(5)));
    in.add(sample("he", "Hematoxylin and eosin stain of the resected liver abscess."));

    PipelineOptions o = PipelineOptionsFactory.create();
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    PCollectionTuple out = p.apply(Create.of(in).withCoder(JsonRecordCoder.samples()))
        .apply(ParDo.of(new RadMdFilterFn(filters, dir.toString()))
            .withOutputTags(Tags.SAMPLES, TupleTagList.of(Tags.REJECTS)));
    out.get(Tags.SAMPLES).setCoder(JsonRecordCoder.samples());
    out.get(Tags.REJECTS).setCoder(JsonRecordCoder.rejects());
    PAssert.that(out.get(Tags.SAMPLES)).satisfies(kept -> {
      List<Sample> list = StreamSupport.stream(kept.spliterator(), false).toList();
      assertEquals(Set.of("pmci-ct0", "pmci-ct1", "pmci-ct2", "pmci-ct3", "pmci-ct4"),
          list.stream().map(Sample::id).collect(Collectors.toSet()));
      for (Sample s : list) {
        assertEquals("fake", s.attributes().get("radmd_scorer"));
        assertEquals(1.0, s.scores().get(SampleScorer.MODALITY_ANSWER_RADIOLOGY));
        assertTrue(s.scores().get(SampleScorer.IMAGE_TEXT_LOGLIK) < 0);
        assertEquals("modality:CT", s.attributes().get("radmd_reason"));
      }
      return null;
    });
    PAssert.that(out.get(Tags.REJECTS)).satisfies(rejects -> {
      List<Reject> list = StreamSupport.stream(rejects.spliterator(), false).toList();
      assertEquals(Set.of("pmci-mr=model-score-out-of-range", "pmci-long=model-score-out-of-range",
          "pmci-he=non-radiology"), list.stream().map(r -> r.itemId() + "=" + r.reason()).collect(Collectors.toSet()));
      for (Reject r : list) {
        assertTrue(r.message().startsWith("RadMD rule "), r.message());
        assertTrue(r.message().contains(r.reason()), r.message());
      }
      return null;
    });
    p.run().waitUntilFinish();
    assertTrue(LARGEST_BATCH.get() >= 1 && LARGEST_BATCH.get() <= 2, "batches of at most 2: " + LARGEST_BATCH);
  }
}
