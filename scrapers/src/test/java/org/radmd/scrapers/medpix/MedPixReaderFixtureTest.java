package org.radmd.scrapers.medpix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.scrapers.ReadResult;

/** Hand-made MedPix 2.0 fixtures: malformed lines, missing images, missing descriptions. */
class MedPixReaderFixtureTest {
  @TempDir
  Path root;

  private final MedPixReader reader = new MedPixReader();

  private static String kase(String uid, String tac, String mri) {
    return "{\"U_id\":\"" + uid + "\",\"TAC\":[" + tac + "],\"MRI\":[" + mri + "],\"Case\":{\"Title\":\"T " + uid
        + "\",\"History\":\"45 yo woman\",\"Findings\":\"F\",\"Case Diagnosis\":\"D " + uid + "\",\"Discussion\":null,"
        + "\"Exam\":\"N/A\"},\"Topic\":{\"Title\":\"Topic\",\"ACR Code\":\"1.2\",\"Category\":\"Cat\"}}";
  }

  private static String desc(String uid, String image, String type) {
    return "{\"Type\":\"" + type + "\",\"U_id\":\"" + uid + "\",\"image\":\"" + image + "\",\"Description\":"
        + "{\"Caption\":\"cap " + image + "\",\"Modality\":\"" + type + " - x\",\"Plane\":\"Axial\",\"Age\":\"45\","
        + "\"Sex\":\"female\"},\"Location Category\":\"Abdomen\"}";
  }

  private Path setUp(String suffix, List<String> data, List<String> descriptions, String... images)
      throws Exception {
    Path dir = Files.createDirectories(root.resolve("mp/images")).getParent();
    for (String img : images) {
      Files.createFile(dir.resolve("images").resolve(img + ".png"));
    }
    Files.write(dir.resolve("descriptions" + suffix + ".jsonl"), descriptions, StandardCharsets.UTF_8);
    return Files.write(dir.resolve("data" + suffix + ".jsonl"), data, StandardCharsets.UTF_8);
  }

  @Test
  void malformedLineIsRejectedAndOthersAreRead() throws Exception {
    Path data = setUp("_x", List.of(kase("MPX1", "\"a\"", ""), "{\"U_id\": \"MPX2\", \"TAC\": [", "",
        kase("MPX3", "", "\"c\"")), List.of(desc("MPX1", "a", "CT"), desc("MPX3", "c", "MR")), "a", "c");
    ReadResult r = reader.read(data, root);
    assertEquals(List.of("mpx-MPX1", "mpx-MPX3"), r.samples().stream().map(Sample::id).toList());
    assertEquals(1, r.rejects().size());
    Reject j = r.rejects().get(0);
    assertEquals("json-malformed", j.reason());
    assertEquals(Stage.PARSE, j.stage());
    assertEquals("MPx", j.source());
    assertEquals("mp/data_x.jsonl", j.origin());
    assertTrue(j.message().contains("line 2"), j.message());
  }

  @Test
  void missingImagesAreDroppedOneByOne() throws Exception {
    Path data = setUp("", List.of(kase("MPX1", "\"a\",\"b\"", "\"c\""), kase("MPX2", "\"x\"", "")),
        List.of(desc("MPX1", "a", "CT"), desc("MPX1", "b", "CT"), desc("MPX1", "c", "MR")), "b");
    ReadResult r = reader.read(data, root);
    assertEquals(1, r.samples().size());
    Sample s = r.samples().get(0);
    assertEquals(List.of("b"), s.images().stream().map(ImageRef::id).toList());
    assertEquals(List.of(Modality.CT), s.modalities());
    assertEquals(List.of("image-missing", "image-missing", "image-missing", "no-images"),
        r.rejects().stream().map(Reject::reason).toList());
    assertEquals(List.of("mpx-MPX1", "mpx-MPX1", "mpx-MPX2", "mpx-MPX2"),
        r.rejects().stream().map(Reject::itemId).toList());
    assertTrue(r.rejects().get(0).message().contains("images/a.png"), r.rejects().get(0).message());
  }

  @Test
  void imageWithoutDescriptionTakesItsModalityFromTheList() throws Exception {
    Path data = setUp("", List.of(kase("MPX1", "", "\"m\"")), List.of("not json", desc("MPX9", "z", "CT")), "m");
    ReadResult r = reader.read(data, root);
    ImageRef img = r.samples().get(0).images().get(0);
    assertEquals(Modality.MR, img.modality());
    assertNull(img.modalityLabel());
    assertNull(img.caption());
    assertNull(r.samples().get(0).anatomy());
    assertEquals(List.of("json-malformed"), r.rejects().stream().map(Reject::reason).toList());
    assertEquals("mp/descriptions.jsonl", r.rejects().get(0).origin());
  }

  @Test
  void recordsWithoutIdOrRepeatedAreRejected() throws Exception {
    Path data = setUp("", List.of("{\"TAC\":[]}", "[1,2]", kase("MPX1", "\"a\"", ""), kase("MPX1", "\"a\"", "")),
        List.of(desc("MPX1", "a", "CT")), "a");
    ReadResult r = reader.read(data, root);
    assertEquals(1, r.samples().size());
    assertEquals(List.of("json-missing-field", "json-malformed", "case-duplicate"),
        r.rejects().stream().map(Reject::reason).toList());
  }

  @Test
  void fillersAreKeptVerbatimAndNullsLeftOut() throws Exception {
    Path data = setUp("", List.of(kase("MPX1", "\"a\"", "")), List.of(desc("MPX1", "a", "CT")), "a");
    Sample s = reader.read(data, root).samples().get(0);
    assertEquals("N/A", s.attributes().get("exam"));
    assertNull(s.text().discussion());
    assertFalse(s.attributes().containsKey("treatment-follow-up"));
    assertEquals("45 yo woman", s.text().history());
  }

  @Test
  void acceptsOnlyWithMatchingDescriptions() throws Exception {
    Path data = setUp("_dev", List.of(), List.of());
    assertTrue(reader.accepts(data));
    Path lonely = Files.writeString(root.resolve("mp/data_test.jsonl"), "");
    assertFalse(reader.accepts(lonely));
    assertEquals("io-error", reader.read(lonely, root).rejects().get(0).reason());
    assertEquals(ReadResult.empty(), reader.read(data, root));
  }
}
