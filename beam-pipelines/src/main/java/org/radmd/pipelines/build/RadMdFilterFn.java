package org.radmd.pipelines.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.filters.ImageSource;
import org.radmd.filters.RadmdFilters;
import org.radmd.filters.score.SampleScorer;

/**
 * The RadMD filter step: runs the configured rule filters ({@link RadmdFilters}) on each MedMD sample, reading
 * its stored 2D images under the build output root for the image statistics. A kept sample goes to RadMD with
 * its scores and the attributes {@code radmd_rule}, {@code radmd_reason}; a dropped one stays in MedMD only and
 * becomes a {@code FILTER} reject whose reason is the rule's reason code and whose message names the rule and
 * its evidence.
 *
 * <p>When the configuration names a {@link SampleScorer} ({@code model-scores.params.scorer}), kept samples are
 * scored in batches of {@code batchSize} within a bundle (one scorer per DoFn instance, created in
 * {@code @Setup}, closed in {@code @Teardown}); their scores are stored and the {@code model-scores} thresholds
 * applied. Calls are serialised per instance, so a scorer that is not thread-safe is safe here too.
 */
final class RadMdFilterFn extends DoFn<Sample, Sample> {
  private static final long serialVersionUID = 2L;
  private final RadmdFilters filters;
  private final String outputRoot;
  private final Counter kept = Metrics.counter("filter", "radmd_kept");
  private final Counter dropped = Metrics.counter("filter", "radmd_dropped");
  private final Counter scored = Metrics.counter("filter", "radmd_scored");
  private transient ImageSource images;
  private transient SampleScorer scorer;
  private transient List<Sample> batch;

  RadMdFilterFn(RadmdFilters filters, String outputRoot) {
    this.filters = filters;
    this.outputRoot = outputRoot;
  }

  @Setup
  public void setup() {
    images = ImageSource.files(java.nio.file.Path.of(outputRoot));
    scorer = filters.scorer().map(f -> f.withDefault("outputRoot", outputRoot).create()).orElse(null);
  }

  @StartBundle
  public void startBundle() {
    batch = new ArrayList<>();
  }

  @ProcessElement
  public void process(@Element Sample sample, MultiOutputReceiver out) {
    RadmdFilters.Outcome o = filters.apply(sample, images);
    if (!o.decision().keep()) {
      emitDrop(o, (s, r) -> out.get(Tags.REJECTS).output(r));
      return;
    }
    if (scorer == null) {
      kept.inc();
      out.get(Tags.SAMPLES).output(o.sample());
      return;
    }
    batch.add(o.sample());
    if (batch.size() >= filters.batchSize()) {
      flush((s, r) -> {
        if (s != null) {
          out.get(Tags.SAMPLES).output(s);
        } else {
          out.get(Tags.REJECTS).output(r);
        }
      });
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    if (batch != null && !batch.isEmpty()) {
      flush((s, r) -> {
        if (s != null) {
          c.output(Tags.SAMPLES, s, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        } else {
          c.output(Tags.REJECTS, r, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        }
      });
    }
  }

  @Teardown
  public void teardown() {
    if (scorer != null) {
      scorer.close();
      scorer = null;
    }
  }

  /** Receives either a kept sample (reject null) or a reject (sample null). */
  private interface Emit {
    void emit(Sample kept, Reject reject);
  }

  private void flush(Emit emit) {
    List<Map<String, Double>> scores = scorer.score(List.copyOf(batch));
    if (scores.size() != batch.size()) {
      throw new IllegalStateException("scorer " + scorer.name() + " returned " + scores.size() + " results for "
          + batch.size() + " samples");
    }
    for (int i = 0; i < batch.size(); i++) {
      Sample s = batch.get(i).withAttribute("radmd_scorer", scorer.name());
      for (Map.Entry<String, Double> e : scores.get(i).entrySet()) {
        s = s.withScore(e.getKey(), e.getValue());
      }
      scored.inc();
      RadmdFilters.Outcome o = filters.checkScores(s);
      if (o.decision().keep()) {
        kept.inc();
        emit.emit(o.sample(), null);
      } else {
        emitDrop(o, emit);
      }
    }
    batch.clear();
  }

  private void emitDrop(RadmdFilters.Outcome o, Emit emit) {
    dropped.inc();
    emit.emit(null, Reject.of(o.sample(), Stage.FILTER, o.decision().reason(), o.message()));
  }
}
