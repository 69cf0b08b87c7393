package org.radmd.scrapers.radiopaedia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/** {@link RadiopaediaCaseReader} on the real rID 70432 case, asserted against its expected.json. */
class RadiopaediaCaseReaderCorpusTest {
  private static final String FOLDER = "radiopaedia/rID-70432_medulloblastoma";
  private static final Path CASE = SharedCorpus.corpus(FOLDER + "/case.json");
  private static final RadiopaediaCaseReader READER = new RadiopaediaCaseReader();
  private static final ReadResult RESULT = READER.read(CASE, Expected.root());
  private static final JsonNode X = Expected.of(FOLDER);

  @Test
  void oneSamplePerStudy() {
    assertEquals(List.of(), RESULT.rejects());
    assertEquals(List.of("rp3d-70432-0", "rp3d-70432-1", "rp3d-70432-2"),
        RESULT.samples().stream().map(Sample::id).toList());
    for (Sample s : RESULT.samples()) {
      assertEquals(SourceDataset.RP3D, s.source());
      assertEquals("rID-" + X.get("rid").asText(), s.caseId());
    }
  }

  @Test
  void textMatchesExpected() {
    String title = X.get("title_from_citation").asText();
    String history = X.get("presentation").asText() + " Age: " + X.get("patient_data").get("Age").asText()
        + " Gender: " + X.get("patient_data").get("Gender").asText();
    for (int n = 0; n < 3; n++) {
      Sample s = RESULT.samples().get(n);
      assertEquals(title, s.text().title());
      assertEquals(List.of(title), s.diagnoses());
      assertEquals(history, s.text().history());
      assertEquals(X.get("containers").get("medulloblastoma-" + n).get("findings").asText(), s.text().findings());
    }
    assertEquals("The patient came from another service for a neurosurgical procedure at this hospital. "
        + "Age: 10 years Gender: Male", RESULT.samples().get(0).text().history());
  }

  @Test
  void seriesAndSliceCountsMatchExpected() {
    List<ImageRef> all = new ArrayList<>();
    RESULT.samples().forEach(s -> all.addAll(s.images()));
    JsonNode series = X.get("image_series_on_disk");
    assertEquals(series.size(), all.size());
    for (int i = 0; i < series.size(); i++) {
      JsonNode e = series.get(i);
      ImageRef img = all.get(i);
      String folder = e.get("folder").asText();
      assertEquals(folder, img.id());
      assertEquals(e.get("n_images").asInt(), img.sourceFiles().size());
      assertEquals(FOLDER + "/" + folder + "/" + e.get("first").asText(), img.sourceFiles().get(0));
      assertEquals(FOLDER + "/" + folder + "/" + e.get("last").asText(),
          img.sourceFiles().get(img.sourceFiles().size() - 1));
      assertEquals(ImageKind.VOLUME_3D, img.kind());
      assertEquals(SharedCorpus.corpus(FOLDER).resolve(folder).toAbsolutePath().normalize().toString(), img.path());
      assertEquals(folder.substring(2), img.modalityLabel());
      assertEquals(TextField.FINDINGS, img.textField());
      assertEquals(0, img.position());
    }
    assertEquals(List.of(32, 24, 24, 21, 21, 21, 19, 19, 4), all.stream().map(i -> i.sourceFiles().size()).toList());
  }

  @Test
  void slicesAreInNumericOrder() {
    ImageRef ct = RESULT.samples().get(0).images().get(0);
    for (int k = 0; k < ct.sourceFiles().size(); k++) {
      assertTrue(ct.sourceFiles().get(k).endsWith(String.format("/image-%03d.jpg", k)), ct.sourceFiles().get(k));
    }
  }

  @Test
  void modalityAndPlaneFromSeriesNames() {
    Sample ct = RESULT.samples().get(0);
    assertNull(ct.images().get(0).modality());
    assertEquals("Axial", ct.images().get(0).plane());
    assertEquals(List.of(), ct.modalities());
    Sample mr = RESULT.samples().get(1);
    assertTrue(mr.images().stream().allMatch(i -> i.modality() == Modality.MR));
    assertEquals(List.of(Modality.MR), mr.modalities());
    assertEquals(List.of("Axial", "Axial", "Axial", "Axial", "Axial", "Sagittal", "Sagittal"),
        mr.images().stream().map(ImageRef::plane).toList());
    assertEquals("1/axial-t1-c+", mr.images().get(3).id());
    ImageRef histology = RESULT.samples().get(2).images().get(0);
    assertEquals("2/400x-h&e", histology.id());
    assertNull(histology.modality());
    assertNull(histology.plane());
  }

  @Test
  void licenceProvenanceAndAttributes() {
    Sample s = RESULT.samples().get(1);
    assertEquals("Radiopaedia-CC-BY-NC-SA-3.0-modified", s.licence().id());
    assertEquals("https://radiopaedia.org/licence", s.licence().url());
    assertEquals("Case courtesy of A. Neto, Radiopaedia.org, rID 70432", s.licence().attribution());
    assertTrue(s.licence().statement().contains("AI"), s.licence().statement());
    assertEquals("radiopaedia/rID-70432_medulloblastoma/case.json", s.provenance().origin());
    assertEquals("70432", s.provenance().originId());
    assertEquals("10.53347/rID-70432", s.provenance().doi());
    assertEquals(X.get("permalink").asText(), s.provenance().url());
    assertEquals("RadiopaediaCaseReader", s.provenance().parser());
    assertEquals(X.get("systems").asText(), s.attributes().get("systems"));
    assertEquals("18th Aug 2019", s.attributes().get("published"));
    assertEquals(2, s.attributes().size());
    String json = Json.write(s);
    assertFalse(json.contains("Pernambuco") || json.contains("Hospital Portugu"), "institution leaked");
  }

  @Test
  void acceptsOnlyCaseJson() {
    assertTrue(READER.accepts(CASE));
    assertFalse(READER.accepts(SharedCorpus.corpus(FOLDER + "/expected.json")));
    assertFalse(READER.accepts(SharedCorpus.corpus(FOLDER + "/0/axial-non-contrast/image-000.jpg")));
  }

  @Test
  void deterministic() {
    assertEquals(RESULT, READER.read(CASE, Expected.root()));
  }
}
