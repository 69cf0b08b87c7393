package org.radmd.pipelines.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.radmd.core.Json;

/**
 * One line of the unified instruction JSONL ({@code OUT/radmd/instructions/{train,test}.jsonl}), in the field
 * order of the export contract: {@code id, sampleId, caseId, source, split, task, question, answer, images,
 * modalities, licence}. Immutable.
 *
 * @param id {@code <sampleId>/<task>/<k>}, k counting that sample's lines of that task from 0
 * @param sampleId the sample the line was made from
 * @param caseId the sample's case
 * @param source the source's display name
 * @param split {@code train} or {@code test}
 * @param task one of {@link #TASKS}
 * @param question the question with one literal {@code <image>} marker per image, in image order
 * @param answer the answer
 * @param images the images, in marker order
 * @param modalities modality codes of the line (the image's for a per-image line, the sample's otherwise)
 * @param licence the sample's licence id
 */
public record Instruction(String id, String sampleId, String caseId, String source, String split, String task,
    String question, String answer, List<Image> images, List<String> modalities, String licence) {
  /** The tasks, as RadBench names them (radfm-spec §2: caption = report, feature = rationale). */
  public static final List<String> TASKS = List.of("modality", "diagnosis", "vqa", "report", "rationale");
  /** The image marker. */
  public static final String MARKER = "<image>";

  /**
   * One image of a line.
   *
   * @param path relative to the export root, e.g. {@code medmd/images/3f/3f...png}
   * @param kind {@code IMAGE_2D} or {@code VOLUME_3D}
   * @param shape {@code [C, H, W, D]}
   * @param position RadFM's character position of the image in the question without markers (radfm-spec §1.7)
   */
  public record Image(String path, String kind, List<Integer> shape, int position) {}

  public Instruction {
    Objects.requireNonNull(id, "id");
    if (!TASKS.contains(task)) {
      throw new IllegalArgumentException("unknown task " + task);
    }
    images = List.copyOf(images);
    modalities = List.copyOf(modalities);
  }

  /** The line as one JSON object, fields in contract order, without line break. */
  public String toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode n = f.objectNode();
    n.put("id", id);
    n.put("sampleId", sampleId);
    n.put("caseId", caseId);
    n.put("source", source);
    n.put("split", split);
    n.put("task", task);
    n.put("question", question);
    n.put("answer", answer);
    ArrayNode imgs = n.putArray("images");
    for (Image i : images) {
      ObjectNode o = imgs.addObject();
      o.put("path", i.path());
      o.put("kind", i.kind());
      ArrayNode shape = o.putArray("shape");
      i.shape().forEach(shape::add);
      o.put("position", i.position());
    }
    ArrayNode mods = n.putArray("modalities");
    modalities.forEach(mods::add);
    n.put("licence", licence);
    return Json.write(n);
  }

  /**
   * The positions of the markers in {@code question}: the k-th is its index once all markers before it are
   * removed (the export contract; radfm-spec §1.7).
   */
  public static int[] markerPositions(String question) {
    int count = 0;
    for (int i = question.indexOf(MARKER); i >= 0; i = question.indexOf(MARKER, i + MARKER.length())) {
      count++;
    }
    int[] out = new int[count];
    int k = 0;
    for (int i = question.indexOf(MARKER); i >= 0; i = question.indexOf(MARKER, i + MARKER.length())) {
      out[k] = i - k * MARKER.length();
      k++;
    }
    return out;
  }
}
