package org.radmd.pipelines.build;

import org.apache.beam.sdk.values.TupleTag;
import org.radmd.core.Reject;
import org.radmd.core.Sample;

/** The success and dead-letter tags every fallible step of the build uses. */
final class Tags {
  static final TupleTag<Sample> SAMPLES = new TupleTag<>("samples") {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>("rejects") {};

  private Tags() {}
}
