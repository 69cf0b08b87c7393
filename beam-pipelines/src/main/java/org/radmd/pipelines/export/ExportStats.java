package org.radmd.pipelines.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;

/**
 * Counts of an export, gathered while it streams: the dedup removals by kind and by source pair, the RadMD
 * filter funnel, and per split the samples, cases and lines by task, source, modality, 2D/3D and licence. Every
 * map is sorted by key, so the JSON is byte-stable. Not thread-safe.
 */
public final class ExportStats {
  final Map<String, Long> dedupByKind = new TreeMap<>();
  final Map<String, Long> dedupBySourcePair = new TreeMap<>();
  long dedupLinksWithCase;
  final Map<String, Long> filterByReason = new TreeMap<>();
  final Map<String, Long> filterBySource = new TreeMap<>();
  long medmdSamples;
  long radmdSamples;
  long selectedSamples;
  final Map<String, Split> splits = new java.util.LinkedHashMap<>();

  /** The counts of one split. */
  static final class Split {
    long samples;
    long lines;
    long images2d;
    long volumes3d;
    final java.util.Set<String> cases = new java.util.HashSet<>();
    final Map<String, Long> byTask = new TreeMap<>();
    final Map<String, Long> bySource = new TreeMap<>();
    final Map<String, Long> byModality = new TreeMap<>();
    final Map<String, Long> byDimension = new TreeMap<>();
    final Map<String, Long> byLicence = new TreeMap<>();
  }

  ExportStats() {
    for (String s : SplitAssigner.SPLITS) {
      splits.put(s, new Split());
    }
  }

  void dedup(DedupLink link, String representativeSource) {
    inc(dedupByKind, link.kind());
    inc(dedupBySourcePair, (representativeSource == null ? "unknown" : representativeSource) + "|"
        + link.duplicateSource());
    if (link.duplicateCase() != null) {
      dedupLinksWithCase++;
    }
  }

  void filter(Reject r) {
    if (r.stage() == Stage.FILTER) {
      inc(filterByReason, r.reason());
      inc(filterBySource, r.source());
    }
  }

  void sample(Sample s, String split) {
    Split x = splits.get(split);
    x.samples++;
    x.cases.add(s.caseId());
    inc(x.bySource, s.source().displayName());
    inc(x.byLicence, s.licence().id());
    if (s.modalities().isEmpty()) {
      inc(x.byModality, "unknown");
    }
    for (Modality m : s.modalities()) {
      inc(x.byModality, m.name());
    }
    inc(x.byDimension, s.hasVolume() ? "3D" : "2D");
    for (ImageRef i : s.images()) {
      if (i.kind() == ImageKind.VOLUME_3D) {
        x.volumes3d++;
      } else {
        x.images2d++;
      }
    }
  }

  void line(Instruction l) {
    Split x = splits.get(l.split());
    x.lines++;
    inc(x.byTask, l.task());
  }

  /** {@code stats.json}'s "dedup" object. */
  public ObjectNode dedupNode() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("removed", dedupByKind.values().stream().mapToLong(Long::longValue).sum());
    ObjectNode kinds = n.putObject("by_kind");
    for (String k : new String[] {DedupLink.EXACT, DedupLink.NEAR_IMAGE, DedupLink.NEAR_VOLUME, DedupLink.NEAR_TEXT}) {
      kinds.put(k, dedupByKind.getOrDefault(k, 0L));
    }
    n.set("by_source_pair", node(dedupBySourcePair));
    n.put("source_pair_order", "representative|duplicate");
    n.put("links_naming_case", dedupLinksWithCase);
    return n;
  }

  /** {@code stats.json}'s "export" object (settings are added by the caller). */
  public ObjectNode exportNode() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    ObjectNode funnel = n.putObject("funnel");
    funnel.put("medmd_samples", medmdSamples);
    funnel.set("filter_rejects_by_reason", node(filterByReason));
    funnel.set("filter_rejects_by_source", node(filterBySource));
    funnel.put("radmd_samples", radmdSamples);
    funnel.put("selected_samples", selectedSamples);
    ObjectNode sp = n.putObject("splits");
    for (Map.Entry<String, Split> e : splits.entrySet()) {
      Split x = e.getValue();
      ObjectNode o = sp.putObject(e.getKey());
      o.put("samples", x.samples);
      o.put("cases", x.cases.size());
      o.put("lines", x.lines);
      o.put("images_2d", x.images2d);
      o.put("volumes_3d", x.volumes3d);
      o.set("lines_by_task", node(x.byTask));
      o.set("by_source", node(x.bySource));
      o.set("by_modality", node(x.byModality));
      o.set("by_dimension", node(x.byDimension));
      o.set("by_licence", node(x.byLicence));
    }
    return n;
  }

  static ObjectNode node(Map<String, Long> m) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    m.forEach(n::put);
    return n;
  }

  static void inc(Map<String, Long> m, String k) {
    m.merge(k, 1L, Long::sum);
  }
}
