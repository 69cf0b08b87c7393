package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.filters.FilterConfig;
import org.radmd.filters.RadmdFilters;
import org.radmd.pipelines.coders.JsonRecordCoder;
import org.radmd.pipelines.score.RadfmSampleScorer;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmConfig;
import org.radmd.radfm.model.RadfmModel;
import org.radmd.scrapers.medpix.MedPixReader;
import org.radmd.testing.SharedCorpus;

/**
 * The RadMD filter step with the RadFM scorer switched on in the filter file (tiny random model, CPU, 64 px), on two
 * real MedPix cases: a {@code image_text_loglik} minimum above every possible score drops both with the rule's
 * reason, and a second run answers from the score cache.
 */
class RadfmScoringFilterFnTest {
  @Test
  void filterFileScorerDropsOutOfRangeSamplesAndResumes(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("model");
    try (RadfmModel m = RadfmModel.initialize(RadfmConfig.tiny(), ai.djl.Device.cpu(), DataType.FLOAT32, 3)) {
      ModelFiles.save(m, model);
    }
    Path cache = dir.resolve("scores");
    String params = "\"scorer\": \"" + RadfmSampleScorer.class.getName() + "\", \"model\": " + q(model)
        + ", \"tokenizer\": " + q(SharedCorpus.root().resolve("radfm/language_files/tokenizer.model"))
        + ", \"cache\": " + q(cache) + ", \"imageSize\": 64, \"modelBatchSize\": 8,";
    String json = new String(FilterConfig.class.getResourceAsStream(FilterConfig.DEFAULT_RESOURCE).readAllBytes(),
        StandardCharsets.UTF_8).replace("\"scorer\": null,", params)
        .replace("\"image_text_loglik\": { \"min\": -6.0 }", "\"image_text_loglik\": { \"min\": 0.5 }");
    assertTrue(json.contains("\"min\": 0.5"), "threshold replaced");
    Path config = dir.resolve("filters.json");
    Files.writeString(config, json);
    RadmdFilters filters = RadmdFilters.of(FilterConfig.load(config));

    List<Sample> in = new MedPixReader().read(SharedCorpus.corpus("medpix/data_dev.subset.jsonl"),
        SharedCorpus.corpus()).samples().stream()
        .sorted(Comparator.comparingInt((Sample s) -> s.images().size()).thenComparing(Sample::id)).limit(2).toList();
    Set<String> ids = in.stream().map(Sample::id).collect(Collectors.toSet());
    run(filters, in, ids);
    Path file = cache.resolve(RadfmSampleScorer.modelId(model) + ".jsonl");
    assertEquals(2, Files.readAllLines(file).size(), "both samples scored and cached");
    run(filters, in, ids);
    assertEquals(2, Files.readAllLines(file).size(), "the rerun scored nothing new");
  }

  static String q(Path p) {
    return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\") + "\"";
  }

  static void run(RadmdFilters filters, List<Sample> in, Set<String> ids) {
    PipelineOptions o = PipelineOptionsFactory.create();
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    PCollectionTuple out = p.apply(Create.of(in).withCoder(JsonRecordCoder.samples()))
        .apply(ParDo.of(new RadMdFilterFn(filters, SharedCorpus.corpus().toString()))
            .withOutputTags(Tags.SAMPLES, TupleTagList.of(Tags.REJECTS)));
    out.get(Tags.SAMPLES).setCoder(JsonRecordCoder.samples());
    out.get(Tags.REJECTS).setCoder(JsonRecordCoder.rejects());
    PAssert.that(out.get(Tags.SAMPLES)).empty();
    PAssert.that(out.get(Tags.REJECTS)).satisfies(rejects -> {
      List<Reject> list = StreamSupport.stream(rejects.spliterator(), false).toList();
      assertEquals(ids, list.stream().map(Reject::itemId).collect(Collectors.toSet()));
      for (Reject r : list) {
        assertEquals("model-score-out-of-range", r.reason(), r.message());
        assertTrue(r.message().contains("image_text_loglik="), r.message());
      }
      return null;
    });
    p.run().waitUntilFinish();
  }
}
