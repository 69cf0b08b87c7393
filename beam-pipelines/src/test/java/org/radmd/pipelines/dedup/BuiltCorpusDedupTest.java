package org.radmd.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.pipelines.Runners;
import org.radmd.pipelines.build.BuildJob;
import org.radmd.pipelines.build.BuildOptions;
import org.radmd.pipelines.build.OutputFiles;
import org.radmd.pipelines.build.OutputLayout;
import org.radmd.pipelines.coders.JsonRecordCoder;
import org.radmd.testing.SharedCorpus;

/**
 * The transform over what the build really stores: the sample corpus is built (DirectRunner), then its MedMD
 * samples, with their PNGs and 512 x 512 NIfTI volumes under the output root, go through near-duplicate dedup.
 * The corpus has no near-duplicate samples across cases (PMC charts, MedPix cases and one Radiopaedia case), so
 * every sample must come through and every image must be read.
 */
class BuiltCorpusDedupTest {
  static final TupleTag<Sample> SAMPLES = new TupleTag<>("samples") {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>("rejects") {};
  @TempDir static Path out;
  static List<Sample> medmd;

  @BeforeAll
  static void build() throws IOException {
    BuildOptions o = PipelineOptionsFactory.as(BuildOptions.class);
    o.setInputDir(SharedCorpus.corpus().toString());
    o.setOutputDir(out.toString());
    Runners.configure(o, Runners.Kind.DIRECT, null, 2);
    BuildJob.run(o, null);
    medmd = OutputFiles.samples(out, OutputLayout.MEDMD);
  }

  @Test
  void realCorpusSamplesAreNotNearDuplicatesAndEveryImageIsRead() {
    PipelineOptions o = PipelineOptionsFactory.create();
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    PCollectionTuple result = p.apply(Create.of(medmd).withCoder(JsonRecordCoder.samples()))
        .apply(new NearDuplicateDedup(out.toString(), SAMPLES, REJECTS));
    PAssert.that(result.get(SAMPLES)).containsInAnyOrder(medmd);
    PAssert.that(result.get(REJECTS)).empty();
    PipelineResult r = p.run();
    r.waitUntilFinish();
    long images = medmd.stream().mapToLong(s -> s.images().size()).sum();
    long volumes = medmd.stream().flatMap(s -> s.images().stream())
        .filter(i -> i.kind() == org.radmd.core.ImageKind.VOLUME_3D).count();
    assertEquals(0, counter(r, "images_unreadable"));
    assertEquals(volumes, counter(r, "volumes_hashed"));
    assertEquals(images - volumes, counter(r, "pictures_hashed"));
    assertTrue(volumes >= 9 && images > volumes, images + " images, " + volumes + " volumes");
  }

  static long counter(PipelineResult r, String name) {
    List<Long> values = new ArrayList<>();
    for (MetricResult<Long> c : r.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("dedup", name)).build()).getCounters()) {
      values.add(c.getAttempted());
    }
    return values.stream().mapToLong(Long::longValue).sum();
  }
}
