package org.radmd.pipelines.build;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;

/**
 * The counts of {@code stats.json}, computed from the written outputs (so they always agree with them):
 * per output set, samples by source, modality and licence, 2D images and 3D volumes; rejects by stage, reason
 * and source. Not thread-safe.
 */
public final class BuildStats {
  private BuildStats() {}

  /** Counts of one sample set (medmd or radmd). */
  public static ObjectNode ofSamples(List<Sample> samples) {
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byModality = new TreeMap<>();
    Map<String, Integer> byLicence = new TreeMap<>();
    int images2d = 0;
    int volumes = 0;
    long slices = 0;
    for (Sample s : samples) {
      bySource.merge(s.source().displayName(), 1, Integer::sum);
      byLicence.merge(s.licence().id(), 1, Integer::sum);
      if (s.modalities().isEmpty()) {
        byModality.merge("unknown", 1, Integer::sum);
      }
      for (Modality m : s.modalities()) {
        byModality.merge(m.name(), 1, Integer::sum);
      }
      for (ImageRef i : s.images()) {
        if (i.kind() == ImageKind.VOLUME_3D) {
          volumes++;
          slices += i.depth();
        } else {
          images2d++;
        }
      }
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("samples", samples.size());
    n.put("images_2d", images2d);
    n.put("volumes_3d", volumes);
    n.put("volume_slices", slices);
    n.set("by_source", toNode(bySource));
    n.set("by_modality", toNode(byModality));
    n.set("by_licence", toNode(byLicence));
    return n;
  }

  /** Counts of the rejects. */
  public static ObjectNode ofRejects(List<Reject> rejects) {
    Map<String, Integer> byStage = new TreeMap<>();
    Map<String, Integer> byReason = new TreeMap<>();
    Map<String, Integer> bySource = new TreeMap<>();
    for (Reject r : rejects) {
      byStage.merge(r.stage().name(), 1, Integer::sum);
      byReason.merge(r.stage().name() + "/" + r.reason(), 1, Integer::sum);
      bySource.merge(r.source(), 1, Integer::sum);
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("total", rejects.size());
    n.set("by_stage", toNode(byStage));
    n.set("by_reason", toNode(byReason));
    n.set("by_source", toNode(bySource));
    return n;
  }

  static ObjectNode toNode(Map<String, ? extends Number> counts) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    counts.forEach((k, v) -> n.put(k, v.longValue()));
    return n;
  }
}
