package org.radmd.scrapers.covid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radmd.core.Json;

/**
 * COVID-19-CT-CXR's released image labels ({@code <MMDDYYYY>.litcovid.released.image.json}): a JSON array of
 * figure records {@code {pmcid, url, insert_time, label}} (whole figure labelled {@code ct} or {@code cxr}) or
 * {@code {pmcid, url, insert_time, box: [{xtl, ytl, xbr, ybr, label}, ...]}} (sub-figures with bounding boxes,
 * pixels). Immutable and thread-safe once loaded.
 */
public final class LitCovidImages {
  /**
   * One figure record.
   *
   * @param pmcid the article's PMC id
   * @param url the figure's address on PMC
   * @param label the whole-figure label, or null when the record has sub-figure boxes instead
   * @param boxLabels the label of each sub-figure box, in file order; empty for a whole-figure label
   */
  public record Image(String pmcid, String url, String label, List<String> boxLabels) {
    public Image {
      boxLabels = boxLabels == null ? List.of() : List.copyOf(boxLabels);
    }

    /** {@code "ct"} / {@code "cxr"} for a whole figure, else {@code "subfigure:"} + the distinct box labels. */
    public String summary() {
      if (label != null) {
        return label;
      }
      return "subfigure:" + String.join(",", boxLabels.stream().distinct().toList());
    }
  }

  private final List<Image> images;
  private final Map<String, Image> byUrl;

  private LitCovidImages(List<Image> images) {
    this.images = List.copyOf(images);
    Map<String, Image> m = new LinkedHashMap<>();
    images.forEach(i -> m.putIfAbsent(i.url(), i));
    this.byUrl = m;
  }

  /** No records. */
  public static LitCovidImages empty() {
    return new LitCovidImages(List.of());
  }

  /**
   * Loads a released image file. Records without {@code url} are skipped.
   *
   * @throws IOException when the file cannot be read or is not a JSON array
   */
  public static LitCovidImages load(Path file) throws IOException {
    JsonNode arr;
    try (InputStream in = Files.newInputStream(file)) {
      arr = Json.mapper().readTree(in);
    }
    if (arr == null || !arr.isArray()) {
      throw new IOException(file + " is not a JSON array");
    }
    List<Image> out = new ArrayList<>();
    for (JsonNode r : arr) {
      if (!r.hasNonNull("url")) {
        continue;
      }
      List<String> boxes = new ArrayList<>();
      r.path("box").forEach(b -> {
        if (b.hasNonNull("label")) {
          boxes.add(b.get("label").asText());
        }
      });
      out.add(new Image(r.path("pmcid").asText(null), r.get("url").asText(),
          r.hasNonNull("label") ? r.get("label").asText() : null, boxes));
    }
    return new LitCovidImages(out);
  }

  /** Every record, file order. */
  public List<Image> images() {
    return images;
  }

  /** The (first) record for a figure address. */
  public Optional<Image> byUrl(String url) {
    return Optional.ofNullable(byUrl.get(url));
  }
}
