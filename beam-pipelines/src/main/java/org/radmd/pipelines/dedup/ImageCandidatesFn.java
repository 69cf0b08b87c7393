package org.radmd.pipelines.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * One LSH band bucket of images: every (registration, probe) pair of comparable images whose hashes are within
 * the Hamming threshold becomes a candidate image pair {@code KV(smaller image key, larger image key)}. For 2D
 * pictures the registration is a crop-family member, so this is the crop-tolerant distance seen through this
 * band; for volumes it is the distance of the slices at one relative depth. Pairs repeat across buckets; the
 * caller removes repeats.
 *
 * <p>Holds one bucket's entries; bucket sizes are reported in the {@code dedup.image_bucket_size}
 * distribution.
 */
final class ImageCandidatesFn extends DoFn<KV<Long, Iterable<ImageEntry>>, KV<String, String>> {
  private static final long serialVersionUID = 1L;
  private final int maxHamming;
  private final int maxVolumeHamming;
  private final Distribution bucketSize = Metrics.distribution("dedup", "image_bucket_size");
  private final Counter candidates = Metrics.counter("dedup", "image_candidates");

  /**
   * @param maxHamming largest picture distance kept, in bits
   * @param maxVolumeHamming largest slice distance kept for volumes, in bits
   */
  ImageCandidatesFn(int maxHamming, int maxVolumeHamming) {
    this.maxHamming = maxHamming;
    this.maxVolumeHamming = maxVolumeHamming;
  }

  @ProcessElement
  public void process(@Element KV<Long, Iterable<ImageEntry>> bucket, OutputReceiver<KV<String, String>> out) {
    List<ImageEntry> registered = new ArrayList<>();
    List<ImageEntry> probes = new ArrayList<>();
    for (ImageEntry e : bucket.getValue()) {
      (e.probe() ? probes : registered).add(e);
    }
    bucketSize.update(registered.size() + probes.size());
    int max = (bucket.getKey() & SignatureFn.VOLUME_KEYS) != 0 ? maxVolumeHamming : maxHamming;
    for (ImageEntry p : probes) {
      for (ImageEntry r : registered) {
        if (p.comparable(r) && Long.bitCount(p.hash() ^ r.hash()) <= max) {
          candidates.inc();
          out.output(p.imageKey().compareTo(r.imageKey()) < 0 ? KV.of(p.imageKey(), r.imageKey())
              : KV.of(r.imageKey(), p.imageKey()));
        }
      }
    }
  }
}
