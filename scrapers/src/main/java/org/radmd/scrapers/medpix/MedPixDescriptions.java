package org.radmd.scrapers.medpix;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radmd.core.Reject;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.scrapers.support.JsonLines;

/**
 * The image records of a {@code descriptions_*.jsonl} file, by image name. A malformed line becomes a
 * {@code json-malformed} reject and is skipped; a later record for the same image name is ignored.
 * Immutable once loaded.
 */
final class MedPixDescriptions {
  private final Map<String, JsonNode> byImage;

  private MedPixDescriptions(Map<String, JsonNode> byImage) {
    this.byImage = byImage;
  }

  /**
   * Loads {@code file}; problems are added to {@code rejects}.
   *
   * @throws IOException when the file cannot be read at all
   */
  static MedPixDescriptions load(Path file, String origin, List<Reject> rejects) throws IOException {
    Map<String, JsonNode> map = new HashMap<>();
    JsonLines.forEach(file, line -> {
      if (!line.ok() || !line.value().isObject()) {
        rejects.add(new Reject(SourceDataset.MPX.displayName(), Stage.PARSE, "json-malformed",
            origin + " line " + line.number() + ": " + (line.ok() ? "not a JSON object" : line.error()),
            origin, null));
        return;
      }
      String image = JsonLines.text(line.value(), "image");
      if (image != null) {
        map.putIfAbsent(image, line.value());
      }
    });
    return new MedPixDescriptions(map);
  }

  /** The record of {@code image}, or null. */
  JsonNode get(String image) {
    return byImage.get(image);
  }
}
