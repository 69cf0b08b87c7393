package org.radmd.pipelines.build;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.filters.FilterDecision;
import org.radmd.filters.RadiologyFilter;

/**
 * The first RadMD filter: a MedMD sample enters RadMD when {@link RadiologyFilter} keeps it; the decision's
 * rule and reason are recorded on the sample ({@code radmd_rule}, {@code radmd_reason}). A dropped sample
 * stays in MedMD and becomes a {@code FILTER} reject with the rule's reason code.
 */
final class RadMdFilterFn extends DoFn<Sample, Sample> {
  private static final long serialVersionUID = 1L;
  private final RadiologyFilter filter;
  private final Counter kept = Metrics.counter("filter", "radmd_kept");
  private final Counter dropped = Metrics.counter("filter", "radmd_dropped");

  RadMdFilterFn(RadiologyFilter filter) {
    this.filter = filter;
  }

  @ProcessElement
  public void process(@Element Sample sample, MultiOutputReceiver out) {
    FilterDecision d = filter.decide(sample);
    if (d.keep()) {
      kept.inc();
      out.get(Tags.SAMPLES).output(
          sample.withAttribute("radmd_rule", d.rule()).withAttribute("radmd_reason", d.reason()));
    } else {
      dropped.inc();
      out.get(Tags.REJECTS).output(Reject.of(sample, Stage.FILTER, d.reason(),
          "RadMD rule " + d.rule() + " dropped " + sample.id() + " (" + d.reason() + ")"));
    }
  }
}
