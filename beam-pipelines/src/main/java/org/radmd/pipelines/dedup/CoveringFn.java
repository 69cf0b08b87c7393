package org.radmd.pipelines.dedup;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Turns the confirmed image pairs of one sample pair into a sample edge under the <b>covering rule</b>: the
 * samples are near-duplicates when every image of one of them has a near-duplicate in the other. A
 * single-figure sample (PMC-Inline, ROCO, MedICaT) is thus a duplicate of any sample that shows its figure;
 * two multi-image cases that share one image out of several are not. The edge's score is the smallest distance
 * among the pairs; its detail names it and how many images matched.
 */
final class CoveringFn extends DoFn<KV<String, Iterable<ImageMatch>>, Edge> {
  private static final long serialVersionUID = 1L;

  @ProcessElement
  public void process(@Element KV<String, Iterable<ImageMatch>> pair, OutputReceiver<Edge> out) {
    Set<Integer> ofA = new HashSet<>();
    Set<Integer> ofB = new HashSet<>();
    ImageMatch best = null;
    for (ImageMatch m : pair.getValue()) {
      ofA.add(m.indexA());
      ofB.add(m.indexB());
      if (best == null || m.hamming() < best.hamming() || (m.hamming() == best.hamming()
          && (m.indexA() < best.indexA() || (m.indexA() == best.indexA() && m.indexB() < best.indexB())))) {
        best = m;
      }
    }
    if (best == null || (ofA.size() < best.countA() && ofB.size() < best.countB())) {
      return;
    }
    String detail = Double.isNaN(best.correlation())
        ? String.format(Locale.ROOT, "mean slice pHash Hamming %.1f/64", best.hamming())
        : String.format(Locale.ROOT, "pHash Hamming %d/64, correlation %.3f", (int) best.hamming(),
            best.correlation());
    detail += String.format(Locale.ROOT, "; %d of %d and %d of %d images matched", ofA.size(), best.countA(),
        ofB.size(), best.countB());
    out.output(new Edge(best.sampleA(), best.sampleB(), Edge.Kind.IMAGE, best.hamming(), detail));
  }
}
