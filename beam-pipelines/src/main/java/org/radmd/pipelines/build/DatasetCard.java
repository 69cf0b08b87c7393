package org.radmd.pipelines.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.radmd.core.Sample;

/** Writes {@code radmd/README.md}: what the set is, its counts and the licences its samples carry. */
final class DatasetCard {
  private DatasetCard() {}

  static void write(Path file, List<Sample> radmd, int medmdCount) throws IOException {
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byLicence = new TreeMap<>();
    for (Sample s : radmd) {
      bySource.merge(s.source().displayName(), 1, Integer::sum);
      byLicence.merge(s.licence().id(), 1, Integer::sum);
    }
    StringBuilder md = new StringBuilder();
    md.append("# RadMD (built by radmd)\n\n")
        .append("Research data, not for clinical use. Radiology image-text samples filtered from MedMD ")
        .append("(").append(medmdCount).append(" samples) down to ").append(radmd.size())
        .append(" by radmd's RadMD filter; each sample's rule and reason are in its `radmd_rule` and ")
        .append("`radmd_reason` attributes, and each dropped sample is in `../rejects/` with stage FILTER.\n\n")
        .append("## Samples by source\n\n| source | samples |\n|---|---|\n");
    bySource.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\n## Licences\n\nEvery sample carries its own `licence` (id, url, statement, attribution). ")
        .append("Respect each one: several are non-commercial or no-derivatives.\n\n")
        .append("| licence | samples |\n|---|---|\n");
    byLicence.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }
}
