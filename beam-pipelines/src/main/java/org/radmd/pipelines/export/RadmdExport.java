package org.radmd.pipelines.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.pipelines.build.OutputFiles;
import org.radmd.pipelines.build.OutputLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RadMD export: from a build output {@code FROM} (its {@code medmd/}, {@code radmd/} and {@code rejects/}) to an
 * export root {@code TO} (the same folder for {@code radmd build}; another for {@code radmd export}):
 *
 * <pre>
 * TO/radmd/instructions/{train,test}.jsonl   unified instruction lines (the export contract), sorted by id
 * TO/radmd/radfm/...                         RadFM's own training files ({@link RadfmFiles})
 * TO/radmd/README.md                         dataset card ({@link DatasetCard})
 * TO/radmd/report.html                       self-contained HTML report ({@link HtmlReport})
 * TO/medmd/images/..., TO/medmd/volumes/...  links to the images the lines name (only when TO is not FROM)
 * TO/stats.json                              "dedup" and "export" counts (only when TO is not FROM; a build
 *                                            puts them into its own stats.json)
 * </pre>
 *
 * <p>Streaming: records are read one at a time from the sorted JSONL shards ({@link SampleStream}); memory holds
 * the split graph's ids, the dedup links, the per-case counters of {@code --max-per-case}, a window of
 * instruction lines ({@link SortedLines}), the citing sentences of figure samples until their paper file is
 * written, and the RP3D JSON entries. The splits are computed over all of MedMD ({@link SplitAssigner}), so a
 * selection gets the same split per sample as the full export with the same seed and fraction. Two runs on the
 * same input write byte-identical files. Not thread-safe: one export per root at a time.
 */
public final class RadmdExport {
  private static final Logger LOG = LoggerFactory.getLogger(RadmdExport.class);
  /** Instruction folder under the export root. */
  public static final String INSTRUCTIONS = "radmd/instructions";
  private static final int EXAMPLES_PER_SOURCE = 2;

  private RadmdExport() {}

  /**
   * What an export wrote.
   *
   * @param dedup {@code stats.json}'s "dedup" object
   * @param export {@code stats.json}'s "export" object (settings, funnel, splits, RadFM file rows)
   * @param lines instruction lines written, all splits
   */
  public record Result(ObjectNode dedup, ObjectNode export, long lines) {}

  /**
   * Runs the export.
   *
   * @param from a build output folder
   * @param to the export root (may equal {@code from})
   * @throws IllegalArgumentException if {@code from} holds no MedMD output
   * @throws IOException if reading or writing fails (a missing stored image included)
   */
  public static Result run(Path from, Path to, ExportSettings settings) throws IOException {
    from = from.toAbsolutePath().normalize();
    to = to.toAbsolutePath().normalize();
    if (!Files.isDirectory(from.resolve(OutputLayout.MEDMD))) {
      throw new IllegalArgumentException("not a radmd build output (no medmd/): " + from);
    }
    boolean separate = !from.equals(to);
    OutputFiles.deleteTree(to.resolve(INSTRUCTIONS));
    OutputFiles.deleteTree(to.resolve(RadfmFiles.DIR));
    ExportStats st = new ExportStats();

    // 1. Dedup links and the filter funnel, from the rejects.
    List<DedupLink> links = new ArrayList<>();
    try (SampleStream<Reject> rejects = SampleStream.open(from.resolve(OutputLayout.REJECTS), "rejects",
        Reject.class, r -> r.itemId() == null ? "" : r.itemId())) {
      while (rejects.hasNext()) {
        Reject r = rejects.next();
        st.filter(r);
        DedupLink l = DedupLink.of(r);
        if (l != null) {
          links.add(l);
        }
      }
    }
    links.sort(Comparator.comparing(DedupLink::duplicateId).thenComparing(DedupLink::representativeId));
    Map<String, String> sourceOf = new HashMap<>();
    Set<String> representatives = new HashSet<>();
    for (DedupLink l : links) {
      representatives.add(l.representativeId());
      sourceOf.put(l.duplicateId(), l.duplicateSource());
    }

    // 2. The split graph over MedMD.
    SplitAssigner splits = new SplitAssigner(settings.testFraction(), settings.splitSeed());
    try (SampleStream<Sample> medmd = samples(from, OutputLayout.MEDMD)) {
      while (medmd.hasNext()) {
        Sample s = medmd.next();
        st.medmdSamples++;
        splits.addSample(s.id(), s.caseId(), s.attributes().get("duplicates"));
        if (representatives.contains(s.id())) {
          sourceOf.put(s.id(), s.source().displayName());
        }
      }
    }
    for (DedupLink l : links) {
      splits.addLink(l);
      st.dedup(l, sourceOf.get(l.representativeId()));
    }

    // 3. RadMD, streamed: instruction lines, RadFM files, counts, examples.
    Prompts prompts = Prompts.load(settings.promptsDir(), settings.splitSeed());
    InstructionBuilder builder = new InstructionBuilder(prompts);
    Selector sel = settings.selector();
    Map<String, Integer> perCase = new HashMap<>();
    Map<String, Integer> examplesPerSource = new HashMap<>();
    List<HtmlReport.Example> examples = new ArrayList<>();
    Map<String, SortedLines> out = new LinkedHashMap<>();
    RadfmFiles radfm = null;
    try (SampleStream<Sample> radmd = samples(from, OutputLayout.RADMD)) {
      for (String split : SplitAssigner.SPLITS) {
        out.put(split, new SortedLines(to.resolve(INSTRUCTIONS).resolve(split + ".jsonl")));
      }
      radfm = new RadfmFiles(to, separate ? to : from, sel.tasks());
      while (radmd.hasNext()) {
        Sample s = radmd.next();
        st.radmdSamples++;
        for (SortedLines w : out.values()) {
          w.advance(s.id());
        }
        if (!sel.matches(s)) {
          continue;
        }
        if (sel.maxPerCase() > 0 && perCase.merge(s.caseId(), 1, Integer::sum) > sel.maxPerCase()) {
          continue;
        }
        st.selectedSamples++;
        String split;
        try {
          split = splits.split(s.id());
        } catch (IllegalArgumentException e) {
          LOG.warn("RadMD sample {} is not in MedMD; split by its own case", s.id());
          splits.addSample(s.id(), s.caseId(), s.attributes().get("duplicates"));
          split = splits.split(s.id());
        }
        if (separate) {
          materializeImages(s, from, to);
        }
        List<Instruction> lines = builder.build(s, split).stream()
            .filter(l -> sel.tasks().contains(l.task())).toList();
        for (Instruction l : lines) {
          out.get(split).add(l.id(), l.toJson());
          st.line(l);
        }
        radfm.accept(s, split);
        st.sample(s, split);
        String src = s.source().displayName();
        if (!lines.isEmpty() && examplesPerSource.merge(src, 1, Integer::sum) <= EXAMPLES_PER_SOURCE) {
          Instruction l = lines.get(0);
          examples.add(new HtmlReport.Example(s.id(), src, split, thumbnail(s), l.question(), l.answer()));
        }
      }
    } finally {
      for (SortedLines w : out.values()) {
        w.close();
      }
      if (radfm != null) {
        radfm.close();
      }
    }

    long lines = out.values().stream().mapToLong(SortedLines::lines).sum();
    ObjectNode export = JsonNodeFactory.instance.objectNode();
    ObjectNode set = export.putObject("settings");
    set.put("test_fraction", settings.testFraction());
    set.put("split_seed", settings.splitSeed());
    set.put("prompts", prompts.folder() == null ? "fixed" : prompts.folder().getFileName().toString());
    set.put("selection", sel.describe());
    export.setAll(st.exportNode());
    ObjectNode rows = export.putObject("radfm_files");
    radfm.rows().forEach(rows::put);
    ObjectNode dedup = st.dedupNode();

    DatasetCard.write(to.resolve(OutputLayout.RADMD).resolve("README.md"), st, settings, radfm.rows());
    HtmlReport.write(to.resolve(OutputLayout.RADMD).resolve("report.html"), st, settings, examples);
    if (separate) {
      ObjectNode stats = JsonNodeFactory.instance.objectNode();
      stats.put("from", from.toString());
      stats.set("dedup", dedup);
      stats.set("export", export);
      Files.writeString(to.resolve(OutputLayout.STATS),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats) + "\n", StandardCharsets.UTF_8);
    }
    LOG.info("export: {} samples, {} instruction lines -> {}", st.selectedSamples, lines, to);
    return new Result(dedup, export, lines);
  }

  private static SampleStream<Sample> samples(Path from, String set) throws IOException {
    return SampleStream.open(from.resolve(set), "samples", Sample.class, Sample::id);
  }

  /** The thumbnail of a sample's first image, relative to the export root: the PNG, or a volume's key slice. */
  static String thumbnail(Sample s) {
    if (s.images().isEmpty()) {
      return null;
    }
    ImageRef i = s.images().get(0);
    if (i.kind() == ImageKind.VOLUME_3D) {
      return i.pixelHash() == null ? null : OutputLayout.volumeThumbnailPath(i.pixelHash());
    }
    return i.path();
  }

  private static void materializeImages(Sample s, Path from, Path to) throws IOException {
    for (ImageRef i : s.images()) {
      Links.materialize(from.resolve(i.path()), to.resolve(i.path()));
      if (i.kind() == ImageKind.VOLUME_3D && i.pixelHash() != null) {
        Path thumb = from.resolve(OutputLayout.volumeThumbnailPath(i.pixelHash()));
        if (Files.isRegularFile(thumb)) {
          Links.materialize(thumb, to.resolve(OutputLayout.volumeThumbnailPath(i.pixelHash())));
        }
      }
    }
  }
}
