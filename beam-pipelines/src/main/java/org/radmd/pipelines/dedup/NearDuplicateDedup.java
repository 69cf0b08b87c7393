package org.radmd.pipelines.dedup;

import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.pipelines.coders.JsonRecordCoder;

/**
 * Near-duplicate deduplication of normalized samples (issue 5), after exact dedup:
 *
 * <pre>
 * samples -> Signatures --image band entries--> GroupByKey(band) -> candidate image pairs -> Distinct
 *                |                                   -> join image payloads -> confirm (pHash + correlation;
 *                |                                      volumes: slice pHash) -> per sample pair: covering rule
 *                |-----text band entries--> GroupByKey(band) -> candidate unit pairs -> Distinct
 *                                                    -> join normalized texts -> exact Jaccard
 *   image and text edges -> strongest per sample pair -> ConnectedComponents (large/small-star)
 *   samples + labels + strongest edge per sample -> CoGroupByKey(id) -> unclustered samples pass through
 *                                                -> GroupByKey(cluster) -> representative kept, others rejected
 * </pre>
 *
 * <p><b>What links two samples</b> (never two of the same source and case, which are distinct parts of one
 * case; the build's splits keep a case together anyway):
 * <ul>
 *   <li><b>image</b>: every image of one sample has a near-duplicate among the other's images (pictures by
 *       {@link org.radmd.filters.dedup.ImageMatcher}, volumes by {@link org.radmd.filters.dedup.VolumeHash}),
 *       see {@link CoveringFn};
 *   <li><b>text</b>: the joined texts, or the captions, are near-duplicates by
 *       {@link org.radmd.filters.dedup.NearDuplicateText} (texts under 60 characters take no part).
 * </ul>
 * Stored images are read from the build output root ({@code ImageRef#path} is relative to it), or their
 * signatures come from another {@link ImageSignatureSource} ({@link #withImageSignatures}); an image that
 * cannot be read takes no part (counter {@code dedup.images_unreadable}).
 *
 * <p><b>Output</b>: the samples tag holds every sample not in a cluster unchanged, and one representative per
 * cluster ({@link RepresentativeRule}) with attribute {@code duplicates} = the others' ids; the rejects tag
 * holds a {@code DEDUP} reject per other member, reason {@code duplicate-near-image} or
 * {@code duplicate-near-text}, message {@code "duplicate_of=<representative>: <evidence>; case=<duplicate's case>; cluster of <n>"}.
 * Both collections get their coders set. Deterministic: reruns give the same output.
 */
public final class NearDuplicateDedup extends PTransform<PCollection<Sample>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  static final TupleTag<KV<Long, ImageEntry>> IMAGE_ENTRIES = new TupleTag<>("imageEntries") {};
  private final ImageSignatureSource signatures;
  private final TupleTag<Sample> samplesTag;
  private final TupleTag<Reject> rejectsTag;
  private final DedupSettings settings;

  /**
   * @param outputRoot the build output root the samples' image paths are relative to
   * @param samplesTag tag of the kept samples in the output
   * @param rejectsTag tag of the rejects in the output
   * @param settings the rules and their parameters
   */
  public NearDuplicateDedup(String outputRoot, TupleTag<Sample> samplesTag, TupleTag<Reject> rejectsTag,
      DedupSettings settings) {
    this(ImageSignatureSource.stored(Objects.requireNonNull(outputRoot, "outputRoot")), samplesTag, rejectsTag,
        settings);
  }

  private NearDuplicateDedup(ImageSignatureSource signatures, TupleTag<Sample> samplesTag,
      TupleTag<Reject> rejectsTag, DedupSettings settings) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.samplesTag = Objects.requireNonNull(samplesTag, "samplesTag");
    this.rejectsTag = Objects.requireNonNull(rejectsTag, "rejectsTag");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** With {@link DedupSettings#DEFAULT}. */
  public NearDuplicateDedup(String outputRoot, TupleTag<Sample> samplesTag, TupleTag<Reject> rejectsTag) {
    this(outputRoot, samplesTag, rejectsTag, DedupSettings.DEFAULT);
  }

  /**
   * The same transform with image signatures taken from {@code source} instead of the stored pixels (for
   * signatures computed elsewhere, e.g. the corpus-scale benchmark's generated ones).
   */
  public NearDuplicateDedup withImageSignatures(ImageSignatureSource source) {
    return new NearDuplicateDedup(source, samplesTag, rejectsTag, settings);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    KvCoder<String, String> pairCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    TupleTag<KV<String, ImagePayload>> imagePayloadsTag = new TupleTag<>("imagePayloads") {};
    TupleTag<KV<Long, TextEntry>> textEntriesTag = new TupleTag<>("textEntries") {};
    TupleTag<KV<String, TextPayload>> textPayloadsTag = new TupleTag<>("textPayloads") {};
    PCollectionTuple sig = samples.apply("Signatures", ParDo.of(new SignatureFn(signatures,
        settings.imageBands(), settings.text(), imagePayloadsTag, textEntriesTag, textPayloadsTag))
        .withOutputTags(IMAGE_ENTRIES, TupleTagList.of(imagePayloadsTag).and(textEntriesTag).and(textPayloadsTag)));
    PCollection<KV<String, ImagePayload>> imagePayloads = sig.get(imagePayloadsTag)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.imagePayloads()));
    PCollection<KV<String, TextPayload>> textPayloads = sig.get(textPayloadsTag)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.textPayloads()));

    PCollection<KV<String, String>> imagePairs = sig.get(IMAGE_ENTRIES)
        .setCoder(KvCoder.of(VarLongCoder.of(), DedupCoders.imageEntries()))
        .apply("GroupImageBands", GroupByKey.create())
        .apply("ImageCandidates", ParDo.of(new ImageCandidatesFn(settings.images().maxHamming(), 64)))
        .setCoder(pairCoder)
        .apply("DistinctImagePairs", Distinct.create());
    PCollection<Edge> imageEdges = PairJoin.join("ImagePayloads", imagePairs, imagePayloads,
            DedupCoders.imagePayloads())
        .apply("ConfirmImages", ParDo.of(new ImageConfirmFn(settings.images(), settings.volumeMaxMeanHamming())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.imageMatches()))
        .apply("GroupImageMatches", GroupByKey.create())
        .apply("CoveringRule", ParDo.of(new CoveringFn())).setCoder(DedupCoders.edges());

    PCollection<KV<String, String>> textPairs = sig.get(textEntriesTag)
        .setCoder(KvCoder.of(VarLongCoder.of(), DedupCoders.textEntries()))
        .apply("GroupTextBands", GroupByKey.create())
        .apply("TextCandidates", ParDo.of(new TextCandidatesFn())).setCoder(pairCoder)
        .apply("DistinctTextPairs", Distinct.create());
    PCollection<Edge> textEdges = PairJoin.join("TextPayloads", textPairs, textPayloads,
            DedupCoders.textPayloads())
        .apply("ConfirmTexts", ParDo.of(new TextConfirmFn(settings.text()))).setCoder(DedupCoders.edges());

    PCollection<Edge> edges = PCollectionList.of(imageEdges).and(textEdges)
        .apply("AllEdges", Flatten.pCollections())
        .apply("KeyByPair", WithKeys.of(Edge::pairKey).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.edges()))
        .apply("StrongestPerPair", Combine.perKey(NearDuplicateDedup::strongest))
        .apply("Edges", Values.create()).setCoder(DedupCoders.edges());

    PCollection<KV<String, String>> labels = edges
        .apply("EdgeEnds", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.strings())).via((Edge e) -> KV.of(e.a(), e.b())))
        .setCoder(pairCoder)
        .apply("ConnectedComponents", new ConnectedComponents(settings.componentRounds()));
    PCollection<KV<String, Edge>> bestEdge = edges
        .apply("EdgeByEnd", ParDo.of(new DoFn<Edge, KV<String, Edge>>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element Edge e, OutputReceiver<KV<String, Edge>> out) {
            out.output(KV.of(e.a(), e));
            out.output(KV.of(e.b(), e));
          }
        })).setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.edges()))
        .apply("StrongestPerSample", Combine.perKey(NearDuplicateDedup::strongest));

    return resolve(samples, labels, bestEdge);
  }

  private PCollectionTuple resolve(PCollection<Sample> samples, PCollection<KV<String, String>> labels,
      PCollection<KV<String, Edge>> bestEdge) {
    TupleTag<Sample> sampleTag = new TupleTag<>("sample");
    TupleTag<String> labelTag = new TupleTag<>("label");
    TupleTag<Edge> edgeTag = new TupleTag<>("edge");
    TupleTag<KV<String, Member>> membersTag = new TupleTag<>("members") {};
    PCollection<KV<String, Sample>> byId = samples
        .apply("KeyById", WithKeys.of(Sample::id).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), JsonRecordCoder.samples()));
    PCollectionTuple split = KeyedPCollectionTuple.of(sampleTag, byId).and(labelTag, labels).and(edgeTag, bestEdge)
        .apply("JoinClusters", CoGroupByKey.create())
        .apply("SplitClustered", ParDo.of(new SplitFn(sampleTag, labelTag, edgeTag, samplesTag, membersTag))
            .withOutputTags(samplesTag, TupleTagList.of(membersTag)));
    PCollection<Sample> unclustered = split.get(samplesTag).setCoder(JsonRecordCoder.samples());
    PCollectionTuple resolved = split.get(membersTag)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), DedupCoders.members()))
        .apply("GroupClusters", GroupByKey.create())
        .apply("KeepRepresentative", ParDo.of(new ResolveClusterFn(samplesTag, rejectsTag))
            .withOutputTags(samplesTag, TupleTagList.of(rejectsTag)));
    PCollection<Sample> kept = PCollectionList.of(unclustered)
        .and(resolved.get(samplesTag).setCoder(JsonRecordCoder.samples()))
        .apply("AllKept", Flatten.pCollections())
        .setCoder(JsonRecordCoder.samples());
    PCollection<Reject> rejects = resolved.get(rejectsTag).setCoder(JsonRecordCoder.rejects());
    return PCollectionTuple.of(samplesTag, kept).and(rejectsTag, rejects);
  }

  private static Edge strongest(Iterable<Edge> edges) {
    Edge best = null;
    for (Edge e : edges) {
      if (best == null || Edge.STRONGEST_FIRST.compare(e, best) < 0) {
        best = e;
      }
    }
    return best;
  }

  /** Samples without a cluster label pass through; the others become cluster members. */
  private static final class SplitFn extends DoFn<KV<String, CoGbkResult>, Sample> {
    private static final long serialVersionUID = 1L;
    private final TupleTag<Sample> sampleTag;
    private final TupleTag<String> labelTag;
    private final TupleTag<Edge> edgeTag;
    private final TupleTag<Sample> passTag;
    private final TupleTag<KV<String, Member>> membersTag;

    SplitFn(TupleTag<Sample> sampleTag, TupleTag<String> labelTag, TupleTag<Edge> edgeTag,
        TupleTag<Sample> passTag, TupleTag<KV<String, Member>> membersTag) {
      this.sampleTag = sampleTag;
      this.labelTag = labelTag;
      this.edgeTag = edgeTag;
      this.passTag = passTag;
      this.membersTag = membersTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, MultiOutputReceiver out) {
      Sample s = e.getValue().getOnly(sampleTag, null);
      if (s == null) {
        return;
      }
      String label = e.getValue().getOnly(labelTag, null);
      Edge edge = e.getValue().getOnly(edgeTag, null);
      if (label == null || edge == null) {
        out.get(passTag).output(s);
        return;
      }
      out.get(membersTag).output(KV.of(label, new Member(s, edge)));
    }
  }
}
