package org.radmd.pipelines.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;

/**
 * One near-duplicate cluster: keeps the {@link RepresentativeRule} best member, with attribute
 * {@value #DUPLICATES} listing the others' ids (sorted, comma-separated; the dedup report), and turns every
 * other member into a {@code DEDUP} reject: reason {@code duplicate-near-image} or {@code duplicate-near-text}
 * after the member's strongest link, message {@code "duplicate_of=REP: near-duplicate image of X (pHash
 * Hamming 4/64, correlation 0.962; 1 of 1 and 1 of 1 images matched); case=CASE; cluster of 2"} (CASE: the
 * duplicate's case, which the export's split leakage guard reads).
 */
final class ResolveClusterFn extends DoFn<KV<String, Iterable<Member>>, Sample> {
  private static final long serialVersionUID = 1L;
  /** The representative's attribute listing its duplicates. */
  static final String DUPLICATES = "duplicates";
  private final TupleTag<Sample> kept;
  private final TupleTag<Reject> rejects;
  private final Counter images = Metrics.counter("dedup", "near_duplicates_image");
  private final Counter texts = Metrics.counter("dedup", "near_duplicates_text");
  private final Distribution sizes = Metrics.distribution("dedup", "cluster_size");

  ResolveClusterFn(TupleTag<Sample> kept, TupleTag<Reject> rejects) {
    this.kept = kept;
    this.rejects = rejects;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<Member>> cluster, MultiOutputReceiver out) {
    List<Member> members = new ArrayList<>();
    cluster.getValue().forEach(members::add);
    members.sort(Comparator.comparing(Member::sample, RepresentativeRule.BEST_FIRST));
    Sample keep = members.get(0).sample();
    sizes.update(members.size());
    if (members.size() == 1) {
      out.get(kept).output(keep);
      return;
    }
    List<String> dups = new ArrayList<>();
    for (Member m : members.subList(1, members.size())) {
      Sample dup = m.sample();
      dups.add(dup.id());
      (m.edge().kind() == Edge.Kind.IMAGE ? images : texts).inc();
      out.get(rejects).output(Reject.of(dup, Stage.DEDUP, m.edge().kind().reason, "duplicate_of=" + keep.id()
          + ": " + m.edge().describe(dup.id()) + "; case=" + dup.caseId() + "; cluster of " + members.size()));
    }
    dups.sort(null);
    out.get(kept).output(keep.withAttribute(DUPLICATES, String.join(",", dups)));
  }
}
