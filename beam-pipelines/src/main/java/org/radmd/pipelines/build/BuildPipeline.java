package org.radmd.pipelines.build;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.filters.FilterConfig;
import org.radmd.filters.RadmdFilters;
import org.radmd.pipelines.coders.JsonRecordCoder;
import org.radmd.pipelines.dedup.NearDuplicateDedup;

/**
 * The build pipeline, step by step:
 *
 * <pre>
 * Discover -> Parse (per source) -> NormalizeImages -> ExactDedup -> NearDuplicateDedup -> TagModalities -> medmd/
 *                                                                         \-> RadMdFilter -> radmd/
 * every step's rejects -> rejects/
 * </pre>
 *
 * The graph only; {@link BuildJob} runs it and then writes stats and the index.
 */
public final class BuildPipeline {
  private BuildPipeline() {}

  /** Adds the build steps to {@code p}, reading and writing the folders named in {@code options}. */
  public static void expand(Pipeline p, BuildOptions options) {
    String input = options.getInputDir();
    OutputLayout layout = new OutputLayout(options.getOutputDir());
    RadmdFilters filter = RadmdFilters.of(filterConfig(options));
    byte[] secret = java.util.HexFormat.of().parseHex(options.getDeidSecret());

    PCollection<String> files = p
        .apply("InputRoot", Create.of(input).withCoder(StringUtf8Coder.of()))
        .apply("Discover", ParDo.of(new DiscoverInputsFn()))
        .apply("SpreadFiles", Reshuffle.viaRandomKey());

    PCollectionTuple parsed = files.apply("Parse",
        ParDo.of(new ParseSourcesFn(input, secret)).withOutputTags(Tags.SAMPLES, TupleTagList.of(Tags.REJECTS)));
    PCollectionTuple normalized = withCoders(parsed).get(Tags.SAMPLES).apply("NormalizeImages",
        ParDo.of(new NormalizeImagesFn(input, layout, options.getMaxImageSide(), options.getVolumeSize(), secret))
            .withOutputTags(Tags.SAMPLES, TupleTagList.of(Tags.REJECTS)));
    PCollectionTuple deduped = withCoders(withCoders(normalized).get(Tags.SAMPLES)
        .apply("ExactDedup", new ExactDedup()));
    PCollectionTuple nearDeduped = withCoders(deduped.get(Tags.SAMPLES)
        .apply("NearDuplicateDedup", new NearDuplicateDedup(layout.root(), Tags.SAMPLES, Tags.REJECTS)));
    PCollection<Sample> medmd = nearDeduped.get(Tags.SAMPLES)
        .apply("TagModalities", MapElements.into(TypeDescriptor.of(Sample.class))
            .via((Sample s) -> s.withModalities(filter.tagModalities(s))))
        .setCoder(JsonRecordCoder.samples());
    PCollectionTuple filtered = withCoders(medmd.apply("RadMdFilter",
        ParDo.of(new RadMdFilterFn(filter, layout.root().toString()))
            .withOutputTags(Tags.SAMPLES, TupleTagList.of(Tags.REJECTS))));

    int shards = options.getShards();
    medmd.apply("WriteMedMD", new WriteSortedJsonl<>(
        layout.resolve(OutputLayout.MEDMD).toString(), "samples", shards, Sample::id));
    filtered.get(Tags.SAMPLES).apply("WriteRadMD", new WriteSortedJsonl<>(
        layout.resolve(OutputLayout.RADMD).toString(), "samples", shards, Sample::id));
    PCollectionList.of(parsed.get(Tags.REJECTS))
        .and(normalized.get(Tags.REJECTS))
        .and(deduped.get(Tags.REJECTS))
        .and(nearDeduped.get(Tags.REJECTS))
        .and(filtered.get(Tags.REJECTS))
        .apply("AllRejects", Flatten.pCollections())
        .setCoder(JsonRecordCoder.rejects())
        .apply("WriteRejects", new WriteSortedJsonl<>(
            layout.resolve(OutputLayout.REJECTS).toString(), "rejects", shards, BuildPipeline::rejectKey));
  }

  /**
   * The RadMD filter configuration: {@link BuildOptions#getFiltersConfig()} when set, else the default; a
   * non-negative {@link BuildOptions#getMinTextChars()} overrides the {@code min-text-length} rule's minimum.
   *
   * @throws IllegalArgumentException if the file cannot be read or is not a valid configuration
   */
  static FilterConfig filterConfig(BuildOptions options) {
    FilterConfig config;
    String file = options.getFiltersConfig();
    if (file == null || file.isBlank()) {
      config = FilterConfig.defaults();
    } else {
      try {
        config = FilterConfig.load(java.nio.file.Path.of(file));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read filter configuration " + file + ": " + e.getMessage(), e);
      }
    }
    return options.getMinTextChars() >= 0 ? config.withMinTextChars(options.getMinTextChars()) : config;
  }

  /** Rejects sort by stage, origin, item and reason. */
  static String rejectKey(Reject r) {
    return r.stage().ordinal() + "\u0000" + r.origin() + "\u0000" + (r.itemId() == null ? "" : r.itemId())
        + "\u0000" + r.reason();
  }

  private static PCollectionTuple withCoders(PCollectionTuple t) {
    t.get(Tags.SAMPLES).setCoder(JsonRecordCoder.samples());
    t.get(Tags.REJECTS).setCoder(JsonRecordCoder.rejects());
    return t;
  }
}
