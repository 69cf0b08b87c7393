package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.testing.SharedCorpus;

/** The configured rule chain: transforms, drops with rule and reason, scores and attributes on kept samples. */
class RadmdFiltersTest {
  static final RadmdFilters F = RadmdFilters.defaults();

  static Sample sample(SampleText text, List<ImageRef> images) {
    return new Sample("pmci-PMC1-F1", SourceDataset.PMC_INLINE, "PMC1", text, images, null, null, null,
        Licence.unknown(null), new Provenance("pmc/PMC1/a.nxml", "PMC1", null, null, null, "test"), null, null);
  }

  static Sample caption(String c) {
    return sample(SampleText.builder().caption(c).build(), List.of());
  }

  static ImageRef image(Path p) {
    return ImageRef.unresolved("F1", ImageKind.IMAGE_2D, p.toString(), List.of(), TextField.CAPTION, 0, null, null,
        null, null);
  }

  @Test
  void keptSampleIsCleanedScrubbedAndScored() {
    RadmdFilters.Outcome o = F.apply(caption("Figure 2. (A) Axial CT on 12 March 2004 shows a 3 x 4 cm mass"
        + " (arrow); (B) coronal CT of the same mass."), ImageSource.NONE);
    assertTrue(o.decision().keep(), o.message());
    Sample s = o.sample();
    assertEquals("Axial CT on [DATE] shows a 3 x 4 cm mass; coronal CT of the same mass.", s.text().caption());
    assertEquals("Figure 2. (A) Axial CT on [DATE] shows a 3 x 4 cm mass (arrow); (B) coronal CT of the same"
        + " mass.", s.attributes().get(RadmdFilters.ATTR_CAPTION_ORIGINAL), "original kept, PHI-scrubbed");
    assertEquals("radiology-modality", s.attributes().get("radmd_rule"));
    assertEquals("modality:CT", s.attributes().get("radmd_reason"));
    assertEquals("caption-modality", s.attributes().get("radmd_basis"));
    assertEquals("true", s.attributes().get("compound"), "panels (A), (B)");
    assertEquals(2.0, s.scores().get("compound_caption_panels"));
    assertEquals(1.0, s.scores().get("phi_date"));
    assertEquals(1.0, s.scores().get("phi_total"));
    assertEquals(2.0, s.scores().get("radmd_modality_mentions"));
    assertTrue(s.scores().get("english_ratio") > 0.1);
    assertEquals(s.text().joined().length(), s.scores().get("text_chars").intValue());
  }

  @Test
  void imagePositionsFollowScrubbedText() {
    List<String> inline = List.of("On 3 June 2011 the patient was seen.", "Axial CT shows a mass (Figure 1).");
    String joined = String.join(" ", inline);
    ImageRef img = ImageRef.unresolved("F1", ImageKind.IMAGE_2D, "/x.png", List.of(), TextField.INLINE,
        joined.indexOf("Figure 1"), null, null, null, null);
    RadmdFilters.Outcome o = F.apply(sample(SampleText.builder().caption("Axial CT of the abdomen shows a mass.")
        .inline(inline).build(), List.of(img)), ImageSource.NONE);
    String after = o.sample().text().get(TextField.INLINE);
    assertEquals("On [DATE] the patient was seen. Axial CT shows a mass (Figure 1).", after);
    assertEquals(after.indexOf("Figure 1"), o.sample().images().get(0).position());
  }

  @Test
  void everyDropNamesItsRuleAndReason() {
    assertDrop(caption("Axial CT."), "min-text-length", "text-too-short");
    assertDrop(caption("Hematoxylin and eosin stain of the resected liver abscess."), "radiology-modality",
        "non-radiology");
    assertDrop(caption("(A) Barium enema and (B) endoscopic image of the stricture."), "radiology-modality",
        "mixed-figure");
    assertDrop(caption("Décollement épiphyso-métaphysaire de l'extrémité supérieure du fémur gauche chez un"
        + " enfant"), "language", "non-english");
    assertDrop(sample(SampleText.builder().caption("Axial CT of the brain shows a mass.")
        .question("How old is the patient and what symptoms did he present with?").answer("54, headache").build(),
        List.of()), "vqa-image-answerable", "question-not-image-answerable");
    assertDrop(caption("Axial CT of the brain. " + "The mass is large. ".repeat(4000)), "max-text-length",
        "text-too-long");
    RadmdFilters.Outcome vqa = F.apply(sample(SampleText.builder().caption("Axial CT of the brain shows a mass.")
        .question("Where is the lesion located?").answer("left frontal lobe").build(), List.of()), ImageSource.NONE);
    assertTrue(vqa.decision().keep(), vqa.message());
  }

  static void assertDrop(Sample s, String rule, String reason) {
    RadmdFilters.Outcome o = F.apply(s, ImageSource.NONE);
    assertFalse(o.decision().keep(), o.message());
    assertEquals(rule, o.decision().rule(), o.message());
    assertEquals(reason, o.decision().reason(), o.message());
    assertTrue(o.message().startsWith("RadMD rule " + rule + " dropped " + s.id() + " (" + reason + "): "),
        o.message());
  }

  /** Real images: a caption without evidence is decided by the image (grey MedPix slice vs colour H&E). */
  @Test
  void imageStatisticsDecideUndeterminedCaptions() {
    ImageSource files = ImageSource.files(SharedCorpus.corpus());
    Path grey = SharedCorpus.corpus("medpix/images/MPX1009_synpic46283.png");
    Path he = SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/2/400x-h&e/image-001.jpg");
    String noEvidence = "Case 7, seen at the clinic, day two.";
    RadmdFilters.Outcome kept = F.apply(sample(SampleText.builder().caption(noEvidence).build(),
        List.of(image(grey))), files);
    assertTrue(kept.decision().keep(), kept.message());
    assertEquals("image", kept.sample().attributes().get("radmd_basis"));
    assertEquals(0.0, kept.sample().scores().get("image_colour_fraction"));
    RadmdFilters.Outcome dropped = F.apply(sample(SampleText.builder().caption(noEvidence).build(),
        List.of(image(he))), files);
    assertEquals(FilterDecision.drop("radiology-modality", "non-radiology-image"), dropped.decision());
    RadmdFilters.Outcome missing = F.apply(sample(SampleText.builder().caption(noEvidence).build(),
        List.of(image(SharedCorpus.corpus().resolve("no/such.png")))), files);
    assertTrue(missing.decision().keep(), "an unreadable image never stops a run: " + missing.message());
    assertEquals("undetermined", missing.sample().attributes().get("radmd_basis"));
    assertNull(missing.sample().scores().get("image_colour_fraction"));
  }

  @Test
  void compoundFiguresDropOnlyWhenConfigured() throws IOException {
    String json = new String(RadmdFilters.class.getResourceAsStream(FilterConfig.DEFAULT_RESOURCE).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8).replace("\"minPanels\": 2, \"drop\": false",
        "\"minPanels\": 2, \"drop\": true");
    RadmdFilters strict = RadmdFilters.of(FilterConfig.parse(org.radmd.core.Json.mapper().readTree(json), "test"));
    Sample s = caption("(A) Axial CT and (B) coronal CT of the liver mass.");
    assertTrue(F.apply(s, ImageSource.NONE).decision().keep());
    assertEquals(FilterDecision.drop("compound-figure", "compound-figure"),
        strict.apply(s, ImageSource.NONE).decision());
  }

  @Test
  void serializable() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(F);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      RadmdFilters back = (RadmdFilters) in.readObject();
      Sample s = caption("Frontal chest radiograph shows consolidation.");
      assertEquals(F.apply(s, ImageSource.NONE).sample(), back.apply(s, ImageSource.NONE).sample());
    }
  }
}
