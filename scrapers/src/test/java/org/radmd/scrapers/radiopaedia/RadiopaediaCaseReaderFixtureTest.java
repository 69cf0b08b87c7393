package org.radmd.scrapers.radiopaedia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.scrapers.ReadResult;

/** Hand-made Radiopaedia case folders for slice order, 2D series, missing studies and bad JSON. */
class RadiopaediaCaseReaderFixtureTest {
  @TempDir
  Path root;

  private final RadiopaediaCaseReader reader = new RadiopaediaCaseReader();

  private Path caseJson(String age, String containers) throws Exception {
    Path dir = Files.createDirectories(root.resolve("rID-123_x"));
    return Files.writeString(dir.resolve("case.json"), "{\"citation\":{\"citation:\":\"Smith, J. B. Acute "
        + "appendicitis. Case study, Radiopaedia.org. https://doi.org/10.53347/rID-123\",\"rid:\":\"123\","
        + "\"doi:\":\"https://doi.org/10.53347/rID-123\",\"permalink:\":\"https://radiopaedia.org/cases/123\","
        + "\"institution:\":\"Secret Clinic\",\"systems:\":\"Gastrointestinal\",\"published:\":\"1st Jan 2020\"},"
        + "\"case_data\":{\"presentation\":\"RIF pain.\",\"patient_data\":{\"Age\":\"" + age + "\",\"Gender\":"
        + "\"Female\"}},\"containers\":{" + containers + "}}");
  }

  private void slices(String series, String... names) throws Exception {
    Path dir = Files.createDirectories(root.resolve("rID-123_x").resolve(series));
    for (String n : names) {
      Files.createFile(dir.resolve(n));
    }
  }

  @Test
  void slicesFollowTheNumberInTheirName() throws Exception {
    Path c = caseJson("30 years", "\"x-0\":{\"findings\":\"F0\"}");
    slices("0/coronal-t2-fat-sat", "image-9.jpg", "image-10.jpg", "image-1.jpg", "image-100.jpg", "notes.txt");
    ImageRef img = reader.read(c, root).samples().get(0).images().get(0);
    assertEquals(List.of("rID-123_x/0/coronal-t2-fat-sat/image-1.jpg", "rID-123_x/0/coronal-t2-fat-sat/image-9.jpg",
        "rID-123_x/0/coronal-t2-fat-sat/image-10.jpg", "rID-123_x/0/coronal-t2-fat-sat/image-100.jpg"),
        img.sourceFiles());
    assertEquals(ImageKind.VOLUME_3D, img.kind());
    assertEquals("Coronal", img.plane());
  }

  @Test
  void singleSliceSeriesIsA2dImageAtTheFile() throws Exception {
    Path c = caseJson("30 years", "\"x-0\":{\"findings\":\"F0\"}");
    slices("0/frontal", "image-000.png");
    Sample s = reader.read(c, root).samples().get(0);
    ImageRef img = s.images().get(0);
    assertEquals(ImageKind.IMAGE_2D, img.kind());
    assertEquals(root.resolve("rID-123_x/0/frontal/image-000.png").toAbsolutePath().normalize().toString(),
        img.path());
    assertNull(img.modality());
    assertEquals("Acute appendicitis", s.text().title());
    assertEquals("Case courtesy of J. B. Smith, Radiopaedia.org, rID 123", s.licence().attribution());
    assertEquals("RIF pain. Age: 30 years Gender: Female", s.text().history());
    assertFalse(s.attributes().containsValue("Secret Clinic"));
  }

  @Test
  void missingStudyFolderAndEmptySeriesAreRejected() throws Exception {
    Path c = caseJson("30 years", "\"x-0\":{\"findings\":\"F0\"},\"x-1\":{\"findings\":\"F1\"},"
        + "\"x-2\":{\"findings\":\"F2\"}");
    slices("0/axial-dwi", "image-000.jpg", "image-001.jpg");
    slices("0/axial-empty");
    slices("2/axial-empty");
    ReadResult r = reader.read(c, root);
    assertEquals(List.of("rp3d-123-0"), r.samples().stream().map(Sample::id).toList());
    assertEquals(List.of("image-missing", "image-missing", "image-missing", "no-images"),
        r.rejects().stream().map(Reject::reason).toList());
    assertEquals(List.of("rp3d-123-0", "rp3d-123-1", "rp3d-123-2", "rp3d-123-2"),
        r.rejects().stream().map(Reject::itemId).toList());
    assertTrue(r.rejects().get(1).message().contains("study folder 1/"), r.rejects().get(1).message());
  }

  @Test
  void veryOldAgesAreAggregatedForSafeHarbor() throws Exception {
    Path c = caseJson("93 years", "\"x-0\":{}");
    slices("0/axial-t1", "a-1.jpg", "a-2.jpg");
    assertEquals("RIF pain. Age: 90+ years Gender: Female", reader.read(c, root).samples().get(0).text().history());
    assertEquals("89 years", CaseRecord.safeHarborAge("89 years"));
    assertEquals("6 months", CaseRecord.safeHarborAge("6 months"));
  }

  @Test
  void malformedJsonIsRejectedWithItsPosition() throws Exception {
    Path dir = Files.createDirectories(root.resolve("bad"));
    Path c = Files.writeString(dir.resolve("case.json"), "{\"citation\": {}, \"containers\": {\n  \"x\": [");
    ReadResult r = reader.read(c, root);
    assertEquals(List.of(), r.samples());
    assertEquals("json-malformed", r.rejects().get(0).reason());
    assertEquals("bad/case.json", r.rejects().get(0).origin());
    assertTrue(r.rejects().get(0).message().contains("line 2"), r.rejects().get(0).message());
  }

  @Test
  void acceptsOnlyCaseJsonWithBothKeys() throws Exception {
    Path dir = Files.createDirectories(root.resolve("acc"));
    assertFalse(reader.accepts(Files.writeString(dir.resolve("case.json"), "{\"citation\":{}}")));
    Path other = Files.createDirectories(root.resolve("acc2")).resolve("case.json");
    assertTrue(reader.accepts(Files.writeString(other, "{\"x\":[1,{\"citation\":1}],\"containers\":{},"
        + "\"citation\":{}}")));
    Path nested = Files.createDirectories(root.resolve("acc3")).resolve("case.json");
    assertFalse(reader.accepts(Files.writeString(nested, "{\"x\":{\"citation\":{},\"containers\":{}}}")));
    Path notJson = Files.createDirectories(root.resolve("acc4")).resolve("case.json");
    assertFalse(reader.accepts(Files.writeString(notJson, "citation containers")));
  }

  @Test
  void citationParsing() {
    RadiopaediaCitation c = RadiopaediaCitation.parse("Neto, A. Medulloblastoma. Case study, Radiopaedia.org. "
        + "(accessed on 11 Jul 2022) https://doi.org/10.53347/rID-70432");
    assertEquals("Neto, A.", c.author());
    assertEquals("Medulloblastoma", c.title());
    assertEquals("A. Neto", c.authorForAttribution());
    RadiopaediaCitation two = RadiopaediaCitation.parse("Gaillard F, Jones J. Pilocytic astrocytoma. Case study, "
        + "Radiopaedia.org");
    assertEquals("Gaillard F, Jones J.", two.author());
    assertEquals("Pilocytic astrocytoma", two.title());
    assertNull(RadiopaediaCitation.parse("no case study marker").title());
  }
}
