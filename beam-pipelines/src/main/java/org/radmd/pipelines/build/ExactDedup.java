package org.radmd.pipelines.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.radmd.core.ImageRef;
import org.radmd.core.Ids;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.filters.TextNormalizer;
import org.radmd.pipelines.coders.JsonRecordCoder;

/**
 * Exact deduplication: samples with the same decoded pixels (every image's pixel hash, in order) and the same
 * normalized text ({@link TextNormalizer#forExactDedup}) are one sample. The group keeps one representative,
 * chosen by {@link #REPRESENTATIVE}; every other member becomes a {@code DEDUP/duplicate-exact} reject naming
 * it and the duplicate's case ({@code "duplicate_of=REP: same pixels and normalized text; case=CASE"}, read by
 * the export's split leakage guard). Groups are formed with a {@link GroupByKey}, so no worker holds more than one group.
 */
public final class ExactDedup extends PTransform<PCollection<Sample>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  /** The output tag of the kept samples (representatives and samples without an exact duplicate). */
  public static final TupleTag<Sample> KEPT = Tags.SAMPLES;
  /** The output tag of the {@code DEDUP/duplicate-exact} rejects. */
  public static final TupleTag<Reject> REJECTED = Tags.REJECTS;

  /**
   * Which duplicate to keep: the more curated source first (RP3D, MPx, PMC-CaseReport, PMC-Inline, then the
   * imported sets), then the longer text, then the smaller id (so the choice never depends on arrival order).
   */
  static final Comparator<Sample> REPRESENTATIVE = Comparator
      .comparingInt((Sample s) -> sourcePriority(s.source()))
      .thenComparing(Comparator.comparingInt((Sample s) -> s.text().joined().length()).reversed())
      .thenComparing(Sample::id);

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples
        .apply("KeyByContent", WithKeys.of(ExactDedup::contentKey).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), JsonRecordCoder.samples()))
        .apply("GroupByContent", GroupByKey.create())
        .apply("KeepRepresentative", ParDo.of(new KeepRepresentativeFn())
            .withOutputTags(Tags.SAMPLES, TupleTagList.of(Tags.REJECTS)));
  }

  /** SHA-256 over the images' pixel hashes in order and the normalized joined text. */
  static String contentKey(Sample s) {
    StringBuilder sb = new StringBuilder();
    for (ImageRef i : s.images()) {
      sb.append(i.pixelHash()).append('\n');
    }
    sb.append('\u0000').append(TextNormalizer.forExactDedup(s.text().joined()));
    return Ids.sha256Hex(sb.toString());
  }

  /** Source priority of the representative rules: lower is kept first (RP3D 0, MPx 1, DICOM 2, ...). */
  public static int sourcePriority(SourceDataset d) {
    return switch (d) {
      case RP3D -> 0;
      case MPX -> 1;
      case DICOM -> 2;
      case PMC_CASE_REPORT -> 3;
      case PMC_INLINE -> 4;
      case ROCO -> 5;
      case MEDICAT -> 6;
      case COVID19_CT_CXR -> 7;
    };
  }

  static final class KeepRepresentativeFn extends DoFn<KV<String, Iterable<Sample>>, Sample> {
    private static final long serialVersionUID = 1L;
    private final Counter duplicates = Metrics.counter("dedup", "exact_duplicates");

    @ProcessElement
    public void process(@Element KV<String, Iterable<Sample>> group, MultiOutputReceiver out) {
      List<Sample> members = new ArrayList<>();
      group.getValue().forEach(members::add);
      members.sort(REPRESENTATIVE);
      Sample keep = members.get(0);
      out.get(Tags.SAMPLES).output(keep.withAttribute("exact_hash", group.getKey()));
      for (Sample dup : members.subList(1, members.size())) {
        duplicates.inc();
        out.get(Tags.REJECTS).output(Reject.of(dup, Stage.DEDUP, "duplicate-exact", "duplicate_of=" + keep.id()
            + ": same pixels and normalized text; case=" + dup.caseId()));
      }
    }
  }
}
