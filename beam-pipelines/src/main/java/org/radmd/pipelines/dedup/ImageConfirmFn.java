package org.radmd.pipelines.dedup;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.radmd.filters.dedup.ImageMatcher;
import org.radmd.filters.dedup.VolumeHash;

/**
 * Confirms a candidate image pair: two pictures by {@link ImageMatcher} (crop-tolerant pHash distance, then
 * aligned correlation), two volumes by mean slice-wise pHash distance; a picture and a volume never match.
 * Emits confirmed pairs keyed by their sample pair {@code "a\nb"}.
 */
final class ImageConfirmFn extends DoFn<KV<ImagePayload, ImagePayload>, KV<String, ImageMatch>> {
  private static final long serialVersionUID = 1L;
  private final ImageMatcher matcher;
  private final double volumeMax;
  private final Counter confirmed = Metrics.counter("dedup", "image_pairs_confirmed");
  private final Counter rejected = Metrics.counter("dedup", "image_pairs_rejected");

  ImageConfirmFn(ImageMatcher matcher, double volumeMax) {
    this.matcher = matcher;
    this.volumeMax = volumeMax;
  }

  @ProcessElement
  public void process(@Element KV<ImagePayload, ImagePayload> pair, OutputReceiver<KV<String, ImageMatch>> out) {
    ImagePayload x = pair.getKey();
    ImagePayload y = pair.getValue();
    double hamming;
    double correlation = Double.NaN;
    if (x.picture() != null && y.picture() != null) {
      ImageMatcher.Result r = matcher.match(x.picture(), y.picture());
      if (!r.duplicate()) {
        rejected.inc();
        return;
      }
      hamming = r.hamming();
      correlation = r.correlation();
    } else if (x.volume() != null && y.volume() != null) {
      hamming = VolumeHash.distance(x.volume(), y.volume());
      if (hamming > volumeMax) {
        rejected.inc();
        return;
      }
    } else {
      return;
    }
    confirmed.inc();
    ImagePayload a = x.sampleId().compareTo(y.sampleId()) < 0 ? x : y;
    ImagePayload b = a == x ? y : x;
    out.output(KV.of(a.sampleId() + "\n" + b.sampleId(), new ImageMatch(a.sampleId(), a.index(), a.count(),
        b.sampleId(), b.index(), b.count(), hamming, correlation)));
  }
}
