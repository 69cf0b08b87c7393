package org.radmd.pipelines.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radmd.core.Ids;
import org.radmd.core.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instruction prompts of the export and the deterministic choice among them.
 *
 * <p>Where RadFM has a prompt file the list is read at run time from the folder holding RadFM's prompt JSONs
 * (radfm-spec §1.5-1.6; radmd's default is {@code ../shared/radfm/prompts} beside the checkout): {@code modality}
 * = {@code modality_prompt.json} "caption_prompt" (the open "what modality" questions RadFM's
 * {@code Radio_Modality_Dataset} asks), {@code report} = {@code report_prompt.json}, {@code caption} =
 * {@code caption_prompt.json} (finding and impression, as RadFM's {@code RadioCaption_Dataset}), {@code rationale} =
 * {@code radiology_feature_prompt.json} (RadFM's {@code Radiofeatures_Dataset}). When the folder or a file is
 * missing or unreadable, that list is one fixed radmd prompt (logged once), so an export never fails for want
 * of prompts. {@code plane}, {@code diagnosis} and {@code findings} have no RadFM prompt file (RadFM hard-codes
 * MedPix's templates in Python); radmd uses one fixed prompt of its own for each.
 *
 * <p>Choice: prompt {@code floorMod(h, n)} of a list of n, where {@code h} is the first 8 bytes of
 * SHA-256({@code seed + "\n" + instruction id}) as a signed long. So a rerun chooses the same prompts, and the
 * choice does not depend on the order lines are made in. Immutable and thread-safe once loaded.
 */
public final class Prompts {
  private static final Logger LOG = LoggerFactory.getLogger(Prompts.class);
  /** Fixed radmd prompts: the whole list where RadFM has no file, the fallback where the file is missing. */
  static final Map<String, String> FIXED = Map.of(
      "modality", "What imaging modality was used?",
      "report", "Please write a radiology report for this image.",
      "caption", "Describe the finding and impression of this medical image.",
      "rationale", "Which disease do these images show, and which radiological features support it?",
      "plane", "In which plane was this image acquired?",
      "diagnosis", "What is the most likely diagnosis?",
      "findings", "What are the imaging findings?");
  private static final Map<String, String> FILES = Map.of(
      "modality", "modality_prompt.json",
      "report", "report_prompt.json",
      "caption", "caption_prompt.json",
      "rationale", "radiology_feature_prompt.json");

  private final Map<String, List<String>> lists;
  private final String seed;
  private final Path folder;

  private Prompts(Map<String, List<String>> lists, String seed, Path folder) {
    this.lists = lists;
    this.seed = seed;
    this.folder = folder;
  }

  /**
   * Loads the prompt lists.
   *
   * @param folder RadFM's prompt folder, or null to use the fixed prompts only
   * @param seed the choice seed
   */
  public static Prompts load(Path folder, String seed) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (String name : List.of("modality", "report", "caption", "rationale", "plane", "diagnosis", "findings")) {
      List<String> l = FILES.containsKey(name) && folder != null ? read(folder.resolve(FILES.get(name))) : null;
      lists.put(name, l == null || l.isEmpty() ? List.of(FIXED.get(name)) : List.copyOf(l));
    }
    return new Prompts(lists, seed == null ? "" : seed, folder);
  }

  private static List<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      LOG.warn("RadFM prompt file {} not found; using radmd's fixed prompt", file);
      return null;
    }
    try {
      JsonNode n = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8)).path("caption_prompt");
      List<String> out = new ArrayList<>();
      n.forEach(p -> {
        if (p.isTextual() && !p.asText().isBlank()) {
          out.add(p.asText().strip());
        }
      });
      return out;
    } catch (IOException | RuntimeException e) {
      LOG.warn("RadFM prompt file {} unreadable ({}); using radmd's fixed prompt", file, e.getMessage());
      return null;
    }
  }

  /** The folder the lists came from, or null. */
  public Path folder() {
    return folder;
  }

  /** The list of one kind ({@code modality, report, caption, rationale, plane, diagnosis, findings}). */
  public List<String> list(String kind) {
    List<String> l = lists.get(kind);
    if (l == null) {
      throw new IllegalArgumentException("no prompt list " + kind);
    }
    return l;
  }

  /** The prompt of {@code kind} for the instruction {@code id} (see the class comment). */
  public String pick(String kind, String id) {
    List<String> l = list(kind);
    byte[] h = Ids.sha256().digest((seed + "\n" + id).getBytes(StandardCharsets.UTF_8));
    return l.get((int) Math.floorMod(ByteBuffer.wrap(h, 0, 8).getLong(), (long) l.size()));
  }
}
