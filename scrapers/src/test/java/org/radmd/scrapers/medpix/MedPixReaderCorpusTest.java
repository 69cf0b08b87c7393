package org.radmd.scrapers.medpix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

/** {@link MedPixReader} on the 7 real MedPix 2.0 cases, asserted against medpix/expected.json. */
class MedPixReaderCorpusTest {
  private static final Path DATA = SharedCorpus.corpus("medpix/data_dev.subset.jsonl");
  private static final MedPixReader READER = new MedPixReader();
  private static final ReadResult RESULT = READER.read(DATA, Expected.root());

  private static Map<String, Sample> byCase() {
    Map<String, Sample> m = new LinkedHashMap<>();
    RESULT.samples().forEach(s -> m.put(s.caseId(), s));
    return m;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    Expected.of("medpix").get("cases").forEach(c -> out.add(Arguments.of(c.get("U_id").asText(), c)));
    return out.stream();
  }

  @Test
  void sevenCasesNoRejects() {
    JsonNode x = Expected.of("medpix");
    assertEquals(List.of(), RESULT.rejects());
    assertEquals(x.get("n_cases").asInt(), RESULT.samples().size());
    assertEquals(x.get("n_images").asInt(), RESULT.samples().stream().mapToInt(s -> s.images().size()).sum());
    assertEquals(List.of("MPX2483", "MPX2066", "MPX1009", "MPX2040", "MPX1322", "MPX2497", "MPX1884"),
        RESULT.samples().stream().map(Sample::caseId).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseTextMatchesExpected(String uid, JsonNode c) {
    Sample s = byCase().get(uid);
    assertEquals("mpx-" + uid, s.id());
    assertEquals(SourceDataset.MPX, s.source());
    assertEquals(c.get("Case Title").asText(), s.text().title());
    assertEquals(c.get("History").asText(), s.text().history());
    assertEquals(List.of(c.get("Case Diagnosis").asText()), s.diagnoses());
    assertEquals(c.get("Case Diagnosis").asText(), s.text().impression());
    assertEquals(c.get("Topic Title").asText(), s.attributes().get("topic-title"));
    assertEquals(c.get("ACR Code").asText(), s.attributes().get("acr-code"));
    assertEquals(c.get("Category").asText(), s.attributes().get("category"));
    assertEquals(Expected.text(c, "Diagnosis By"), s.attributes().get("diagnosis-by"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void imagesMatchExpectedInOrder(String uid, JsonNode c) {
    Sample s = byCase().get(uid);
    List<String> expectedIds = new ArrayList<>(Expected.strings(c.get("CT images (TAC)")));
    expectedIds.addAll(Expected.strings(c.get("MR images (MRI)")));
    assertEquals(expectedIds, s.images().stream().map(ImageRef::id).toList());
    JsonNode images = c.get("images");
    assertEquals(images.size(), s.images().size());
    List<Modality> modalities = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      JsonNode e = images.get(i);
      ImageRef img = s.images().get(i);
      assertEquals(e.get("image").asText(), img.id());
      assertEquals(e.get("Modality").asText(), img.modalityLabel());
      assertEquals(e.get("Plane").asText(), img.plane());
      assertEquals(e.get("Caption").asText(), img.caption());
      assertEquals(Modality.valueOf(e.get("Type").asText()), img.modality());
      assertEquals(ImageKind.IMAGE_2D, img.kind());
      assertEquals(TextField.FINDINGS, img.textField());
      assertEquals(0, img.position());
      assertEquals(List.of("medpix/" + e.get("file").asText()), img.sourceFiles());
      assertEquals(SharedCorpus.corpus("medpix").resolve(e.get("file").asText()).toAbsolutePath().normalize()
          .toString(), img.path());
      if (!modalities.contains(img.modality())) {
        modalities.add(img.modality());
      }
    }
    assertEquals(modalities, s.modalities());
    assertEquals(images.get(0).get("Location Category").asText(), s.anatomy());
  }

  @Test
  void mixedCaseHasCtThenMr() {
    Sample s = byCase().get("MPX2483");
    assertEquals(List.of(Modality.CT, Modality.MR), s.modalities());
    assertEquals("Please see factoid.", s.text().discussion());
    assertTrue(s.text().findings().startsWith("Axial T2 MRI from 3 months prior"));
    assertEquals("Head", s.anatomy());
  }

  @Test
  void licenceAndProvenance() {
    Sample s = byCase().get("MPX1884");
    assertEquals("MedPix-NLM", s.licence().id());
    assertEquals("MedPix 2.0 (Siragusa et al., 2025), from NLM MedPix", s.licence().attribution());
    assertTrue(s.licence().statement().contains("public domain"));
    assertTrue(s.licence().statement().contains("contributors' copyright"));
    assertEquals("medpix/data_dev.subset.jsonl", s.provenance().origin());
    assertEquals("MPX1884", s.provenance().originId());
    assertEquals("MedPixReader", s.provenance().parser());
    assertNull(s.provenance().doi());
  }

  @Test
  void ageAndSexFromDescriptionsAreNotCopied() {
    for (Sample s : RESULT.samples()) {
      String json = Json.write(s.withImages(List.of()));
      assertFalse(s.attributes().keySet().stream().anyMatch(k -> k.matches("(?i).*(age|sex).*")),
          s.attributes().toString());
      // only History (as the source wrote it) may mention the patient's age
      String withoutHistory = json.replace(Json.write(s.text().history()).replaceAll("^\"|\"$", ""), "");
      assertFalse(withoutHistory.matches("(?s).*\"(Age|Sex)\".*"), withoutHistory);
    }
  }

  @Test
  void acceptsDataFilesWithDescriptionsSibling() {
    assertTrue(READER.accepts(DATA));
    assertFalse(READER.accepts(SharedCorpus.corpus("medpix/descriptions_dev.subset.jsonl")));
    assertFalse(READER.accepts(SharedCorpus.corpus("medpix/expected.json")));
  }

  @Test
  void deterministic() {
    assertEquals(RESULT, READER.read(DATA, Expected.root()));
  }
}
