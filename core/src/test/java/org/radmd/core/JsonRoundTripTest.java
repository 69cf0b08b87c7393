package org.radmd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

  static Sample sample() {
    ImageRef img = ImageRef.unresolved("F1", ImageKind.IMAGE_2D, "/in/fig1.jpg", List.of("pmc/a/fig1.jpg"),
        TextField.INLINE, 17, Modality.CT, null, "Axial", "Axial CT of the abdomen.");
    ImageRef vol = ImageRef.unresolved("1/axial-t2", ImageKind.VOLUME_3D, "/in/1/axial-t2",
        List.of("1/axial-t2/image-000.jpg", "1/axial-t2/image-001.jpg"), TextField.FINDINGS, 0, Modality.MR,
        "MRI", "Axial", null).stored("medmd/volumes/x.nii.gz", List.of(3, 512, 512, 21), "ab12");
    return new Sample("pmci-PMC1-F1", SourceDataset.PMC_INLINE, "PMC1",
        SampleText.builder().caption("Axial CT.").inline(List.of("As shown in Fig. 1, ...")).build(),
        List.of(img, vol), List.of(Modality.CT, Modality.MR, Modality.CT), null, List.of("Pancreatitis"),
        new Licence("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", null, null),
        new Provenance("pmc/a/a.nxml", "PMC1", "10.1/x", null, null, "test"),
        Map.of("journal", "J", "article-type", "case-report"), Map.of("z", 1.0, "a", 0.5));
  }

  @Test
  void sampleRoundTripsThroughCanonicalJson() {
    Sample s = sample();
    String json = Json.write(s);
    Sample back = Json.read(json, Sample.class);
    assertEquals(s, back);
    assertEquals(json, Json.write(back), "canonical form is stable");
    assertEquals(List.of(Modality.CT, Modality.MR), back.modalities(), "modalities are de-duplicated");
    assertEquals(21, back.images().get(1).depth());
    assertTrue(json.indexOf("\"article-type\"") < json.indexOf("\"journal\""), "map keys sorted");
    assertTrue(json.contains("\"source\":\"PMC-Inline\""), json);
    assertFalse(json.contains("null"), "nulls are omitted: " + json);
  }

  @Test
  void rejectRoundTrips() {
    Reject r = Reject.of(sample(), Stage.NORMALIZE, "image-missing", "no file for graphic F1");
    assertEquals(r, Json.read(Json.write(r), Reject.class));
    assertEquals("PMC-Inline", r.source());
    assertEquals("pmc/a/a.nxml", r.origin());
  }

  @Test
  void idsAreStableAndFileSafe() {
    assertEquals("rp3d-70432-1_axial-t1-c_", Ids.sampleId(SourceDataset.RP3D, "70432", "1/axial-t1-c+"));
    assertEquals(Ids.sampleId(SourceDataset.MPX, "MPX2483"), Ids.sampleId(SourceDataset.MPX, "MPX2483"));
    assertThrows(IllegalArgumentException.class, () -> Ids.sampleId(SourceDataset.MPX, " "));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Ids.sha256Hex(""));
  }

  @Test
  void sourceDatasetParsesDisplayAndConstantNames() {
    assertEquals(SourceDataset.MPX, SourceDataset.parse("MPx"));
    assertEquals(SourceDataset.PMC_CASE_REPORT, SourceDataset.parse("pmc_case_report"));
    assertThrows(IllegalArgumentException.class, () -> SourceDataset.parse("nope"));
  }
}
