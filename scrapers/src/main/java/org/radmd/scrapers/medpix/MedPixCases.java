package org.radmd.scrapers.medpix;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.support.JsonLines;
import org.radmd.scrapers.support.Origins;

/**
 * Turns one MedPix 2.0 case record into an MPx sample. Text values are kept exactly as the source has them
 * (MedPix fillers such as "N/A" or "Please see factoid." included); null or blank values are left out.
 * Thread-safe (stateless).
 */
final class MedPixCases {
  static final String PARSER = "MedPixReader";
  private static final SourceDataset SOURCE = SourceDataset.MPX;
  private static final Map<String, String> CASE_ATTRIBUTES = orderedMap(
      "Diagnosis By", "diagnosis-by",
      "Differential Diagnosis", "differential-diagnosis",
      "Treatment & Follow Up", "treatment-follow-up",
      "Exam", "exam");
  private static final Map<String, String> TOPIC_ATTRIBUTES = orderedMap(
      "ACR Code", "acr-code",
      "Category", "category",
      "Title", "topic-title");

  private MedPixCases() {}

  /**
   * The sample of {@code record} (or none when no image exists), adding rejects for missing images.
   *
   * @param uid the record's {@code U_id} (non-blank)
   * @param folder the folder of the data file (images are in {@code folder/images/})
   */
  static Sample toSample(JsonNode record, String uid, MedPixDescriptions descriptions, Path folder,
      Path inputRoot, String origin, List<Reject> rejects) {
    String id = Ids.sampleId(SOURCE, uid);
    JsonNode kase = record.get("Case");
    JsonNode topic = record.get("Topic");
    List<ImageRef> images = new ArrayList<>();
    List<Modality> modalities = new ArrayList<>();
    String anatomy = null;
    LinkedHashMap<String, Modality> names = new LinkedHashMap<>();
    addNames(record.get("TAC"), Modality.CT, names);
    addNames(record.get("MRI"), Modality.MR, names);
    for (Map.Entry<String, Modality> e : names.entrySet()) {
      String name = e.getKey();
      Path png = imageFile(folder, name);
      if (png == null) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "image-missing",
            "case " + uid + " (" + origin + "): image " + name + " has no file images/" + name + ".png",
            origin, id));
        continue;
      }
      JsonNode desc = descriptions.get(name);
      JsonNode d = desc == null ? null : desc.get("Description");
      Modality modality = Modality.fromCode(JsonLines.text(desc, "Type")).orElse(e.getValue());
      images.add(ImageRef.unresolved(name, ImageKind.IMAGE_2D, png.toString(),
          List.of(Origins.relative(png, inputRoot)), TextField.FINDINGS, 0, modality,
          JsonLines.text(d, "Modality"), JsonLines.text(d, "Plane"), JsonLines.text(d, "Caption")));
      modalities.add(modality);
      if (anatomy == null) {
        anatomy = JsonLines.text(desc, "Location Category");
      }
    }
    if (images.isEmpty()) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "no-images",
          "case " + uid + " (" + origin + ") has no image file left (TAC/MRI lists: " + names.keySet() + ")",
          origin, id));
      return null;
    }
    String diagnosis = JsonLines.text(kase, "Case Diagnosis");
    SampleText text = SampleText.builder()
        .title(JsonLines.text(kase, "Title"))
        .history(JsonLines.text(kase, "History"))
        .findings(JsonLines.text(kase, "Findings"))
        .impression(diagnosis)
        .discussion(JsonLines.text(kase, "Discussion"))
        .build();
    Map<String, String> attrs = new LinkedHashMap<>();
    CASE_ATTRIBUTES.forEach((field, key) -> put(attrs, key, JsonLines.text(kase, field)));
    TOPIC_ATTRIBUTES.forEach((field, key) -> put(attrs, key, JsonLines.text(topic, field)));
    Provenance prov = new Provenance(origin, uid, null, null, null, PARSER);
    return new Sample(id, SOURCE, uid, text, images, modalities, anatomy,
        diagnosis == null ? List.of() : List.of(diagnosis), MedPixLicence.LICENCE, prov, attrs, Map.of());
  }

  private static void addNames(JsonNode list, Modality modality, Map<String, Modality> names) {
    if (list == null || !list.isArray()) {
      return;
    }
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (JsonNode n : list) {
      if (n.isTextual() && !n.asText().isBlank()) {
        seen.add(n.asText().strip());
      }
    }
    for (String s : seen) {
      names.putIfAbsent(s, modality);
    }
  }

  /** {@code folder/images/<name>.png} when it is an existing regular file and the name is a plain name. */
  private static Path imageFile(Path folder, String name) {
    if (name.contains("/") || name.contains("\\") || name.contains("..")) {
      return null;
    }
    Path png = folder.resolve("images").resolve(name + ".png");
    return Files.isRegularFile(png) ? png : null;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
