package org.radmd.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.testing.SharedCorpus;

/**
 * Samples built by hand from the real records in {@code shared/corpus}: the seven MedPix 2.0 cases of
 * {@code medpix/expected.json} (findings from {@code data_dev.subset.jsonl}, the dataset's own lines) and the
 * CT and MRI studies of Radiopaedia case rID 70432 "Medulloblastoma". Values are copied, never invented; the only
 * choices made here are the ids, licences and provenance, which the harvesters own.
 */
final class CorpusSamples {
  static final String RP_CASE = "rID-70432";
  static final String RP_CT = "rp3d-70432-0";
  static final String RP_MR = "rp3d-70432-1";

  private CorpusSamples() {}

  /** Every fixture sample: the MedPix cases, then the Radiopaedia studies. */
  static List<Sample> all() throws IOException {
    List<Sample> all = new ArrayList<>(medpix());
    all.addAll(radiopaedia());
    return all;
  }

  /** One MPx sample per MedPix case, id {@code "mpx-" + U_id}, case id the U_id. */
  static List<Sample> medpix() throws IOException {
    Path dir = SharedCorpus.corpus("medpix");
    JsonNode expected = Json.mapper().readTree(dir.resolve("expected.json").toFile());
    Map<String, JsonNode> records = caseRecords(dir.resolve("data_dev.subset.jsonl"));
    List<Sample> samples = new ArrayList<>();
    for (JsonNode c : expected.get("cases")) {
      String uid = c.get("U_id").asText();
      JsonNode record = records.get(uid).get("Case");
      List<ImageRef> images = new ArrayList<>();
      List<Modality> modalities = new ArrayList<>();
      for (JsonNode img : c.get("images")) {
        Modality m = Modality.fromCode(img.get("Type").asText()).orElseThrow();
        modalities.add(m);
        images.add(ImageRef.unresolved(img.get("image").asText(), ImageKind.IMAGE_2D,
            dir.resolve(img.get("file").asText()).toString(), List.of("medpix/" + img.get("file").asText()),
            TextField.FINDINGS, 0, m, img.get("Modality").asText(), img.get("Plane").asText(),
            img.get("Caption").asText()));
      }
      SampleText text = SampleText.builder()
          .title(c.get("Case Title").asText())
          .history(c.get("History").asText())
          .findings(textOrNull(record.get("Findings")))
          .discussion(textOrNull(record.get("Discussion")))
          .build();
      Map<String, String> attributes = new HashMap<>();
      attributes.put("acr_code", c.get("ACR Code").asText());
      attributes.put("category", c.get("Category").asText());
      samples.add(new Sample(Ids.sampleId(SourceDataset.MPX, uid), SourceDataset.MPX, uid, text, images,
          modalities, c.get("images").get(0).get("Location Category").asText(),
          List.of(c.get("Case Diagnosis").asText()),
          Licence.unknown("NLM MedPix: contributed images may be protected by their contributors' copyright"),
          new Provenance("medpix/data_dev.subset.jsonl", uid, null, null, null, "CorpusSamples"),
          attributes, Map.of("text_chars", (double) text.joined().length())));
    }
    return samples;
  }

  /** The CT study (container 0) and the MRI study (container 1) of rID 70432; each series is one volume. */
  static List<Sample> radiopaedia() throws IOException {
    Path dir = SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma");
    JsonNode e = Json.mapper().readTree(dir.resolve("expected.json").toFile());
    String title = e.get("title_from_citation").asText();
    String history = e.get("presentation").asText() + " Age: " + e.get("patient_data").get("Age").asText()
        + ". Gender: " + e.get("patient_data").get("Gender").asText() + ".";
    Licence licence = new Licence("Radiopaedia-CC-BY-NC-SA-3.0-modified", "https://radiopaedia.org/licence",
        null, "Case courtesy of A. Neto, Radiopaedia.org, rID 70432");
    Map<String, Modality> studies = new LinkedHashMap<>();
    studies.put("0", Modality.CT);
    studies.put("1", Modality.MR);
    List<Sample> samples = new ArrayList<>();
    for (Map.Entry<String, Modality> study : studies.entrySet()) {
      String n = study.getKey();
      List<ImageRef> volumes = new ArrayList<>();
      for (JsonNode series : e.get("image_series_on_disk")) {
        String folder = series.get("folder").asText();
        if (folder.startsWith(n + "/")) {
          String name = folder.substring(2);
          String plane = name.substring(0, 1).toUpperCase() + name.substring(1, name.indexOf('-'));
          volumes.add(ImageRef.unresolved(folder, ImageKind.VOLUME_3D, dir.resolve(folder).toString(),
              List.of(), TextField.FINDINGS, 0, study.getValue(), null, plane, null));
        }
      }
      String findings = e.get("containers").get("medulloblastoma-" + n).get("findings").asText();
      samples.add(new Sample(Ids.sampleId(SourceDataset.RP3D, e.get("rid").asText(), n), SourceDataset.RP3D,
          RP_CASE, SampleText.builder().title(title).history(history).findings(findings).build(), volumes,
          List.of(study.getValue()), null, List.of(title), licence,
          new Provenance("radiopaedia/rID-70432_medulloblastoma/case.json", e.get("rid").asText(),
              "10.53347/rID-70432", null, e.get("permalink").asText(), "CorpusSamples"),
          Map.of("systems", e.get("systems").asText()), null));
    }
    return samples;
  }

  private static Map<String, JsonNode> caseRecords(Path jsonl) throws IOException {
    Map<String, JsonNode> byId = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode n = Json.mapper().readTree(line);
        byId.put(n.get("U_id").asText(), n);
      }
    }
    return byId;
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() || n.asText().equals("None") || n.asText().isBlank() ? null : n.asText();
  }
}
