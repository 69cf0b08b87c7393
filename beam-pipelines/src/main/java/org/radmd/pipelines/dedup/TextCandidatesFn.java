package org.radmd.pipelines.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * One MinHash LSH band bucket: every pair of comparable text units in it becomes a candidate
 * {@code KV(smaller unit key, larger unit key)}. Pairs repeat across bands; the caller removes repeats. Holds
 * one bucket; sizes go to the {@code dedup.text_bucket_size} distribution.
 */
final class TextCandidatesFn extends DoFn<KV<Long, Iterable<TextEntry>>, KV<String, String>> {
  private static final long serialVersionUID = 1L;
  private final Distribution bucketSize = Metrics.distribution("dedup", "text_bucket_size");

  @ProcessElement
  public void process(@Element KV<Long, Iterable<TextEntry>> bucket, OutputReceiver<KV<String, String>> out) {
    List<TextEntry> entries = new ArrayList<>();
    bucket.getValue().forEach(entries::add);
    bucketSize.update(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        TextEntry a = entries.get(i);
        TextEntry b = entries.get(j);
        if (a.comparable(b)) {
          out.output(a.unitKey().compareTo(b.unitKey()) < 0 ? KV.of(a.unitKey(), b.unitKey())
              : KV.of(b.unitKey(), a.unitKey()));
        }
      }
    }
  }
}
