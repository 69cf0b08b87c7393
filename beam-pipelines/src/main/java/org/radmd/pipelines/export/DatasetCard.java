package org.radmd.pipelines.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes {@code radmd/README.md}, the RadMD dataset card: what the set is, the split rule, the tasks, counts per
 * split by task, source, modality, 2D/3D and licence, duplicates removed by kind and source pair, the filter
 * funnel, and RadFM's files with their row counts. Everything comes from {@link ExportStats}, so the card always
 * agrees with {@code stats.json}. Stateless.
 */
final class DatasetCard {
  private DatasetCard() {}

  static void write(Path file, ExportStats st, ExportSettings settings, Map<String, Long> radfmRows)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# RadMD (built by radmd)\n\n")
        .append("Research data, not for clinical use. Radiology image-text samples filtered from MedMD (")
        .append(st.medmdSamples).append(" samples) down to ").append(st.radmdSamples)
        .append(" by radmd's RadMD filter; each kept sample's rule and reason are in its `radmd_rule` and ")
        .append("`radmd_reason` attributes, and each dropped sample is in `../rejects/` with stage FILTER. ")
        .append("This export holds ").append(st.selectedSamples).append(" of them (selection: ")
        .append(settings.selector().describe()).append(").\n\n");
    md.append("## Files\n\n")
        .append("* `instructions/train.jsonl`, `instructions/test.jsonl`: the unified instruction lines (one JSON ")
        .append("object per line, sorted by id; tasks modality, diagnosis, vqa, report, rationale; one `<image>` ")
        .append("marker per image; image paths relative to the folder above `radmd/`).\n")
        .append("* `radfm/`: RadFM's own training files, as its dataset classes read them (paths inside are ")
        .append("relative to `radfm/`).\n* `report.html`: charts and example samples.\n\n");
    md.append("## Splits\n\n")
        .append("Case-level and deterministic, made after deduplication. Samples are grouped by the connected ")
        .append("components of sample <-> case and sample <-> every sample named in its dedup links (a ")
        .append("representative's `duplicates`, a DEDUP reject's `duplicate_of=`); a group is `test` when ")
        .append("SHA-256(seed + \"\\n\" + its smallest case id) falls below the test fraction. Seed `")
        .append(settings.splitSeed()).append("`, test fraction ")
        .append(String.format(Locale.ROOT, "%.3f", settings.testFraction())).append(".\n\n");
    md.append("| split | samples | cases | instruction lines | 2D images | 3D volumes |\n|---|---|---|---|---|---|\n");
    st.splits.forEach((k, x) -> md.append("| ").append(k).append(" | ").append(x.samples).append(" | ")
        .append(x.cases.size()).append(" | ").append(x.lines).append(" | ").append(x.images2d).append(" | ")
        .append(x.volumes3d).append(" |\n"));
    table(md, "Instruction lines by task", "task", st, x -> x.byTask);
    table(md, "Samples by source", "source", st, x -> x.bySource);
    table(md, "Samples by modality", "modality", st, x -> x.byModality);
    table(md, "Samples by dimension", "2D / 3D", st, x -> x.byDimension);
    table(md, "Samples by licence", "licence", st, x -> x.byLicence);
    md.append("\nEvery sample carries its own `licence` (id, url, statement, attribution). Respect each one: ")
        .append("several are non-commercial or no-derivatives.\n");
    md.append("\n## Duplicates removed\n\n| kind | removed |\n|---|---|\n");
    for (String k : new String[] {DedupLink.EXACT, DedupLink.NEAR_IMAGE, DedupLink.NEAR_VOLUME, DedupLink.NEAR_TEXT}) {
      md.append("| ").append(k).append(" | ").append(st.dedupByKind.getOrDefault(k, 0L)).append(" |\n");
    }
    md.append("\n| representative source \\| duplicate source | removed |\n|---|---|\n");
    if (st.dedupBySourcePair.isEmpty()) {
      md.append("| (none) | 0 |\n");
    }
    st.dedupBySourcePair.forEach((k, v) -> md.append("| ").append(k.replace("|", " \\| ")).append(" | ")
        .append(v).append(" |\n"));
    md.append("\n## Filter funnel\n\n| step | samples |\n|---|---|\n")
        .append("| MedMD | ").append(st.medmdSamples).append(" |\n");
    st.filterByReason.forEach((k, v) -> md.append("| dropped: ").append(k).append(" | -").append(v).append(" |\n"));
    md.append("| RadMD | ").append(st.radmdSamples).append(" |\n")
        .append("| this export | ").append(st.selectedSamples).append(" |\n");
    md.append("\n## RadFM files (`radfm/`)\n\n| file | rows |\n|---|---|\n");
    radfmRows.forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    md.append("\n`MedPix_questions_*.csv` and `radiology_vqa_*.csv` have their header only: radmd's sources carry ")
        .append("no MedPix question bank and no Radiopaedia question list. RP3D arrays (`radfm/rp3d/npy/`) are ")
        .append("uint8 `(S, 3, 512, 512, z)`; RadFM's loaders min-max scale them as they do float arrays.\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }

  private static void table(StringBuilder md, String title, String key, ExportStats st,
      Function<ExportStats.Split, Map<String, Long>> f) {
    TreeSet<String> keys = new TreeSet<>();
    st.splits.values().forEach(x -> keys.addAll(f.apply(x).keySet()));
    md.append("\n## ").append(title).append("\n\n| ").append(key);
    st.splits.keySet().forEach(s -> md.append(" | ").append(s));
    md.append(" | total |\n|---");
    st.splits.keySet().forEach(s -> md.append("|---"));
    md.append("|---|\n");
    for (String k : keys) {
      md.append("| ").append(k);
      long total = 0;
      for (ExportStats.Split x : st.splits.values()) {
        long v = f.apply(x).getOrDefault(k, 0L);
        total += v;
        md.append(" | ").append(v);
      }
      md.append(" | ").append(total).append(" |\n");
    }
    if (keys.isEmpty()) {
      md.append("| (none)").append(" | 0".repeat(st.splits.size())).append(" | 0 |\n");
    }
  }

  /** Sum of a per-split map over splits (for the HTML report). */
  static Map<String, Long> total(ExportStats st, Function<ExportStats.Split, Map<String, Long>> f) {
    Map<String, Long> out = new TreeMap<>();
    st.splits.values().forEach(x -> f.apply(x).forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }
}
