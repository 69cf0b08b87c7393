package org.radmd.pipelines.export;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;

/**
 * Which part of RadMD an export holds ({@code radmd export --task --modality --source --max-per-case}). A
 * sample is selected when its source is among {@code sources} (all when empty) and it has a modality among
 * {@code modalities} (all when empty; a sample without modality matches only an empty set). Of each case only the
 * first {@code maxPerCase} selected samples in id order are kept (0 = all). Only lines and RadFM rows of the
 * selected {@code tasks} are written. Immutable.
 *
 * @param tasks selected tasks, a subset of {@link Instruction#TASKS}
 * @param modalities selected modalities, empty for all
 * @param sources selected sources, empty for all
 * @param maxPerCase samples kept per case, 0 for all
 */
public record Selector(Set<String> tasks, Set<Modality> modalities, Set<SourceDataset> sources, int maxPerCase) {
  /** Everything. */
  public static final Selector ALL = new Selector(Set.copyOf(Instruction.TASKS), Set.of(), Set.of(), 0);

  public Selector {
    tasks = Set.copyOf(tasks == null || tasks.isEmpty() ? Instruction.TASKS : tasks);
    for (String t : tasks) {
      if (!Instruction.TASKS.contains(t)) {
        throw new IllegalArgumentException("unknown task " + t + "; tasks are " + Instruction.TASKS);
      }
    }
    modalities = modalities == null ? Set.of() : Set.copyOf(modalities);
    sources = sources == null ? Set.of() : Set.copyOf(sources);
    if (maxPerCase < 0) {
      throw new IllegalArgumentException("max per case must be >= 0: " + maxPerCase);
    }
  }

  /**
   * Parses the comma-separated option values (null or blank = all).
   *
   * @throws IllegalArgumentException on an unknown task, modality or source
   */
  public static Selector parse(String tasks, String modalities, String sources, int maxPerCase) {
    Set<String> t = new LinkedHashSet<>(items(tasks));
    Set<Modality> m = new LinkedHashSet<>();
    for (String s : items(modalities)) {
      m.add(Modality.fromCode(s).orElseThrow(() -> new IllegalArgumentException("unknown modality " + s
          + "; use one of " + Arrays.toString(Modality.values()))));
    }
    Set<SourceDataset> src = new LinkedHashSet<>();
    for (String s : items(sources)) {
      src.add(SourceDataset.parse(s));
    }
    return new Selector(t, m, src, maxPerCase);
  }

  private static List<String> items(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** True when {@code s} passes the source and modality filters. */
  public boolean matches(Sample s) {
    if (!sources.isEmpty() && !sources.contains(s.source())) {
      return false;
    }
    return modalities.isEmpty() || s.modalities().stream().anyMatch(modalities::contains);
  }

  /** True when this selects everything. */
  public boolean isAll() {
    return tasks.size() == Instruction.TASKS.size() && modalities.isEmpty() && sources.isEmpty() && maxPerCase == 0;
  }

  /** A short description for the dataset card, e.g. {@code "tasks=all; modality=CT,MR; source=all"}. */
  public String describe() {
    return "tasks=" + (tasks.size() == Instruction.TASKS.size() ? "all" : String.join(",", new TreeSet<>(tasks)))
        + "; modality=" + (modalities.isEmpty() ? "all" : String.join(",", modalities.stream().map(Enum::name)
            .sorted().toList()))
        + "; source=" + (sources.isEmpty() ? "all" : String.join(",", sources.stream()
            .map(SourceDataset::displayName).sorted().toList()))
        + "; max-per-case=" + (maxPerCase == 0 ? "all" : String.valueOf(maxPerCase));
  }
}
