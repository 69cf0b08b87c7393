package org.radmd.pipelines.dedup;

import java.util.Locale;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.radmd.filters.dedup.NearDuplicateText;

/** Confirms a candidate text pair by exact Jaccard similarity of the shingle sets; emits a sample edge. */
final class TextConfirmFn extends DoFn<KV<TextPayload, TextPayload>, Edge> {
  private static final long serialVersionUID = 1L;
  private final NearDuplicateText text;
  private final Counter confirmed = Metrics.counter("dedup", "text_pairs_confirmed");
  private final Counter rejected = Metrics.counter("dedup", "text_pairs_rejected");

  TextConfirmFn(NearDuplicateText text) {
    this.text = text;
  }

  @ProcessElement
  public void process(@Element KV<TextPayload, TextPayload> pair, OutputReceiver<Edge> out) {
    TextPayload a = pair.getKey();
    TextPayload b = pair.getValue();
    double j = text.jaccard(a.normalized(), b.normalized());
    if (j < text.threshold()) {
      rejected.inc();
      return;
    }
    confirmed.inc();
    out.output(Edge.of(a.sampleId(), b.sampleId(), Edge.Kind.TEXT, j, String.format(Locale.ROOT,
        "Jaccard %.3f of %d-character shingles, %s text", j, text.shingleLength(), a.unit())));
  }
}
