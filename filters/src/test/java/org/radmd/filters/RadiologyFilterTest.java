package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
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

/** Each rule of the filter on hand-built samples, and on the real Radiopaedia case. */
class RadiologyFilterTest {
  static final RadiologyFilter F = RadiologyFilter.defaults();

  static ImageRef image(String id, Modality modality) {
    return ImageRef.unresolved(id, ImageKind.IMAGE_2D, "/in/" + id + ".jpg", List.of(id + ".jpg"),
        TextField.CAPTION, 0, modality, null, null, null);
  }

  static Sample sample(SampleText text, List<ImageRef> images, List<Modality> declared) {
    return new Sample("pmci-PMC1-F1", SourceDataset.PMC_INLINE, "PMC1", text, images, declared, null, null,
        Licence.unknown(null), new Provenance("pmc/PMC1/a.nxml", "PMC1", null, null, null, "test"), null, null);
  }

  static Sample captioned(String caption, Modality imageModality) {
    return sample(SampleText.builder().caption(caption).build(), List.of(image("F1", imageModality)), null);
  }

  @Test
  void tooShortTextIsDroppedFirst() {
    FilterDecision d = F.decide(captioned("Axial CT.", Modality.CT));
    assertEquals(new FilterDecision(false, "min-text-length", "text-too-short"), d,
        "9 characters < 20, even with a declared modality");
    assertEquals(FilterDecision.drop("min-text-length", "text-too-short"),
        F.decide(sample(SampleText.EMPTY, List.of(), null)));
    assertEquals(FilterDecision.drop("min-text-length", "text-too-short"),
        F.decide(captioned("   \n\t  Axial CT.          ", null)), "length counts after stripping");
    String twenty = "Axial CT of the head";
    assertEquals(20, twenty.length());
    assertEquals(FilterDecision.keep("radiology-modality", "modality:CT"), F.decide(captioned(twenty, null)));
  }

  @Test
  void declaredImageModalityKeepsWhateverTheCaptionSays() {
    assertEquals(FilterDecision.keep("radiology-modality", "modality:MR"),
        F.decide(captioned("The lesion is shown by the arrow (case 2).", Modality.MR)));
    Sample declaredOnSample = sample(SampleText.builder().caption("The lesion is shown by the arrow.").build(),
        List.of(image("F1", null)), List.of(Modality.US));
    assertEquals(FilterDecision.keep("radiology-modality", "modality:US"), F.decide(declaredOnSample));
  }

  @Test
  void textModalityKeepsAndReasonListsImageThenTextModalities() {
    assertEquals(FilterDecision.keep("radiology-modality", "modality:CT"),
        F.decide(captioned("Contrast-enhanced CT shows liver abscesses.", null)));
    Sample both = captioned("Coronal CT and the corresponding MRI of the pelvis.", Modality.MR);
    assertEquals(FilterDecision.keep("radiology-modality", "modality:MR"), F.decide(both),
        "every image declares its modality: the text adds none");
    assertEquals(List.of(Modality.MR), F.tagModalities(both));
    Sample undeclared = sample(SampleText.builder().caption("Coronal CT and the corresponding MRI.").build(),
        List.of(image("F1", Modality.MR), image("F2", null)), null);
    assertEquals(List.of(Modality.MR, Modality.CT), F.tagModalities(undeclared),
        "an image without a modality lets the text's modalities in, after the declared ones");
  }

  @Test
  void findingsTitleAndImpressionCountButHistoryDoesNot() {
    Sample findings = sample(SampleText.builder().findings("Sagittal T1-weighted image shows a mass.").build(),
        List.of(), null);
    assertEquals(FilterDecision.keep("radiology-modality", "modality:MR"), F.decide(findings));
    Sample title = sample(SampleText.builder().title("Ultrasound of neonatal hip dysplasia")
        .discussion("Developmental dysplasia of the hip is common.").build(), List.of(), null);
    assertEquals(FilterDecision.keep("radiology-modality", "modality:US"), F.decide(title));
    Sample history = sample(SampleText.builder().history("A prior CT scan was reported as normal.")
        .caption("Clinical course of the patient over ten days.").build(), List.of(), null);
    assertEquals(FilterDecision.drop("radiology-modality", "no-radiology-modality"), F.decide(history));
    assertEquals(List.of(), F.tagModalities(history));
  }

  @Test
  void nonRadiologyCuesDropWithTheirOwnReason() {
    assertEquals(FilterDecision.drop("radiology-modality", "non-radiology"),
        F.decide(captioned("Hematoxylin and eosin stain of a liver abscess (200x).", null)));
    assertEquals(FilterDecision.drop("radiology-modality", "non-radiology"),
        F.decide(captioned("CT-guided biopsy; histology and immunohistochemistry of the core.", null)),
        "1 modality mention < 2 cues");
    Sample outvoted = captioned("CT-guided biopsy; histology and immunohistochemistry of the core.", null);
    assertEquals(List.of(Modality.CT), F.tagModalities(outvoted), "tags keep the text's modality");
    assertEquals(FilterDecision.drop("radiology-modality", "no-radiology-modality"),
        F.decide(captioned("Timeline of treatment and follow-up visits.", null)));
  }

  @Test
  void realRadiopaediaStudies() throws IOException {
    JsonNode containers = Json.mapper().readTree(
        SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/case.json").toFile()).get("containers");
    Sample ctStudy = study("0", containers, List.of(image("0/axial-non-contrast", null)));
    Sample histology = study("2", containers, List.of(image("2/400x-h&e", null)));
    Sample mrStudy = study("1", containers, List.of(image("1/axial-t2", Modality.MR),
        image("1/axial-adc", Modality.MR)));
    assertEquals(FilterDecision.keep("radiology-modality", "modality:CT"), F.decide(ctStudy));
    assertEquals(FilterDecision.keep("radiology-modality", "modality:MR"), F.decide(mrStudy));
    assertEquals(FilterDecision.drop("radiology-modality", "non-radiology"), F.decide(histology));
  }

  static Sample study(String n, JsonNode containers, List<ImageRef> images) {
    String findings = containers.get("medulloblastoma-" + n).get("findings").asText();
    return new Sample("rp3d-70432-" + n, SourceDataset.RP3D, "70432",
        SampleText.builder().title("Medulloblastoma").findings(findings).build(), images, null, "Head", null,
        Licence.unknown(null), new Provenance("radiopaedia/rID-70432_medulloblastoma/case.json", "70432", null,
        null, null, "test"), null, null);
  }

  @Test
  void configurationIsValidatedAndSerializable() throws IOException, ClassNotFoundException {
    assertThrows(IllegalArgumentException.class, () -> new RadiologyFilter(ModalityClassifier.defaults(), -1));
    RadiologyFilter lenient = new RadiologyFilter(ModalityClassifier.defaults(), 0);
    assertEquals(FilterDecision.keep("radiology-modality", "modality:CT"), lenient.decide(captioned("CT", null)));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(F);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      RadiologyFilter back = (RadiologyFilter) in.readObject();
      Sample s = captioned("Frontal chest radiograph shows consolidation.", null);
      assertEquals(F.decide(s), back.decide(s));
      assertEquals(FilterDecision.keep("radiology-modality", "modality:XR"), back.decide(s));
    }
  }
}
