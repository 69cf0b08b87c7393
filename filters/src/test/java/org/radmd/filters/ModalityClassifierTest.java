package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radmd.core.Modality.CT;
import static org.radmd.core.Modality.MG;
import static org.radmd.core.Modality.MR;
import static org.radmd.core.Modality.NM;
import static org.radmd.core.Modality.PT;
import static org.radmd.core.Modality.RF;
import static org.radmd.core.Modality.US;
import static org.radmd.core.Modality.XA;
import static org.radmd.core.Modality.XR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radmd.core.Modality;

/** The lexicon on hand-written sentences: every modality, and the known false positives. */
class ModalityClassifierTest {
  static final ModalityClassifier C = ModalityClassifier.defaults();

  static List<Modality> mods(String text) {
    return C.classify(text).modalities();
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(delimiter = '|', value = {
      "Axial CT of the abdomen shows a mass.|CT",
      "Chest HRCT with ground-glass change.|CT",
      "Contrast-enhanced computed tomography of the liver.|CT",
      "CT angiography of the circle of Willis.|CT",
      "Sagittal T2-weighted image of the lumbar spine.|MR",
      "Axial FLAIR and DWI with matching ADC map.|MR",
      "MRCP shows a dilated duct.|MR",
      "Magnetic resonance angiography of the neck.|MR",
      "Frontal chest radiograph.|XR",
      "Plain film of the wrist; chest X-ray was normal.|XR",
      "Transabdominal ultrasound shows a hypoechoic lesion.|US",
      "Colour Doppler of the carotid artery.|US",
      "Transthoracic echocardiography, apical four-chamber view.|US",
      "Screening mammogram and tomosynthesis of the left breast.|MG",
      "FDG PET-CT shows avid nodes.|PT",
      "Bone scan and SPECT of the spine.|NM",
      "Thyroid scintigraphy with Tc-99m.|NM",
      "Selective coronary angiogram, DSA run.|XA",
      "Barium swallow under fluoroscopy.|RF",
      "Upper GI series and esophagram.|RF"})
  void namesEachModality(String text, Modality expected) {
    ModalityEvidence e = C.classify(text);
    assertEquals(List.of(expected), e.modalities(), text + " -> " + e);
    assertTrue(e.isRadiology());
  }

  @Test
  void modalitiesComeInOrderOfFirstMention() {
    ModalityEvidence e = C.classify("MRI of the brain, then CT; a second MRI and an ultrasound.");
    assertEquals(List.of(MR, CT, US), e.modalities());
    assertEquals(List.of("MRI", "CT", "MRI", "ultrasound"), e.matchedTerms(), "every mention, as written");
  }

  @Test
  void overlappingPhrasesCountOnce() {
    assertEquals(List.of("CT angiography"), C.classify("CT angiography of the aorta").matchedTerms());
    assertEquals(List.of(PT), mods("PET-CT"), "hybrid PET-CT is tagged PT");
    assertEquals(List.of(PT), mods("PET/CT fusion"));
    ModalityEvidence eus = C.classify("Endoscopic ultrasound of the pancreatic head");
    assertEquals(List.of(US), eus.modalities());
    assertEquals(List.of(), eus.nonRadiologyTerms(), "EUS is not an endoscopy photograph");
    assertEquals(List.of(CT), mods("Computed tomography (CT) angiogram of the splenic artery"),
        "angiogram right after CT is not catheter angiography");
    assertEquals(List.of(XA), mods("Catheter angiogram of the splenic artery"));
  }

  @Test
  void qpcrCycleThresholdIsNotCt() {
    assertEquals(List.of(), mods("qRT-PCR Ct values were 24 and 31."));
    assertEquals(List.of(), mods("Mean CT values of the N gene by RT-PCR."));
    assertEquals(List.of(), mods("the cycle threshold (CT) was 30"));
    assertEquals(List.of(CT), mods("Chest CT was positive although RT-PCR was negative."));
    assertEquals(List.of(), mods("CTO of the RCA"), "CT inside a longer token");
  }

  @Test
  void mrTitleIsNotMr() {
    assertEquals(List.of(), mods("Mr. Smith, a 54-year-old man, presented with pain."));
    assertEquals(List.of(), mods("Mr Jones and mr Brown"));
    assertEquals(List.of(MR), mods("MR of the knee shows a tear."));
    assertEquals(List.of(US), mods("Echocardiography showed moderate MR and mitral valve prolapse."),
        "MR = mitral regurgitation near 'mitral'");
  }

  @Test
  void petAnimalsAndPlasticAreNotPet() {
    assertEquals(List.of(), mods("Owners of a pet dog; Pets were excluded."));
    assertEquals(List.of(), mods("PET bottles made of polyethylene terephthalate"));
    assertEquals(List.of(PT), mods("PET shows increased uptake."));
  }

  @Test
  void analogToDigitalAdcIsNotMr() {
    assertEquals(List.of(), mods("The signal was sampled by a 12-bit analog-to-digital converter (ADC)."));
    assertEquals(List.of(), mods("ADC (antibody-drug conjugate) therapy"));
    assertEquals(List.of(MR), mods("Restricted diffusion with low ADC values."));
  }

  @Test
  void otherLookalikes() {
    assertEquals(List.of(), mods("T2N0M0 adenocarcinoma"), "TNM stage, not T2");
    assertEquals(List.of(), mods("Stir the mixture for 10 min."));
    assertEquals(List.of(), mods("Donor-specific antibodies (DSA) were detected."));
    assertEquals(List.of(MR), mods("Axial T2 and coronal T1 post gadolinium"));
    ModalityEvidence fundus = C.classify("CT shows thickening of the gastric fundus.");
    assertEquals(List.of(CT), fundus.modalities());
    assertEquals(List.of(), fundus.nonRadiologyTerms(), "anatomical fundus is not fundus photography");
    ModalityEvidence xtal = C.classify("X-ray crystallography structure of the protease");
    assertEquals(List.of(), xtal.modalities());
    assertFalse(xtal.nonRadiologyTerms().isEmpty());
  }

  @Test
  void termsAfterPunctuationAndNonAsciiFirstLettersAreFound() {
    assertEquals(List.of(CT, MR), mods("(CT) and \u00abMRI\u00bb"));
    assertEquals(List.of(US), mods("\u00c9chographie abdominale montrant un kyste"));
    assertEquals(List.of(XR), mods("R\u00f6ntgen of the hand"));
    assertEquals(List.of(MR), mods("\u2014T2-weighted\u2014"));
  }

  @Test
  void bareT1AndT2NeedMrContext() {
    assertEquals(List.of(MR), mods("The lesion is hyperintense on T2."));
    assertEquals(List.of(MR), mods("T2 hyperintense lesion in the pons"));
    assertEquals(List.of(MR), mods("T1 postcontrast image of the orbit"));
    assertEquals(List.of(), mods("Fracture of the C7 and T1 vertebrae."));
    assertEquals(List.of(), mods("Disc herniation at T1-T2 level."));
    assertEquals(List.of(), mods("T1 previously treated, now T2 stage"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Photomicrograph of the tumour.", "Scanning electron micrograph.", "Hematoxylin stain.",
      "Eosin counterstain only.", "H&E, x400.", "Histologic section.", "Histopathological findings.",
      "Immunohistochemistry for CD20.", "Light microscopy of the smear.", "Staining for Ki-67.",
      "Western blot of lysates.", "Gel electrophoresis of PCR products.", "Flow cytometry of blood.",
      "Bar graph of counts.", "Chart of admissions.", "Heat map of expression.", "Heatmap of genes.",
      "Schematic of the pathway.", "Diagram of the device.", "Flowchart of patient selection.",
      "Clinical photograph of the lesion.", "Endoscopic view of the ulcer.", "Dermoscopy of the naevus.",
      "Fundus photograph of the left eye."})
  void issueNonRadiologyCuesAreRecognised(String text) {
    ModalityEvidence e = C.classify(text);
    assertEquals(1, e.nonRadiologyTerms().size(), text + " -> " + e);
    assertTrue(e.isNonRadiology());
  }

  @Test
  void decisionRuleCountsMentions() {
    ModalityEvidence he = C.classify("Photomicrograph, H&E stain, x200.");
    assertEquals(List.of(), he.modalities());
    assertFalse(he.isRadiology());
    assertTrue(he.isNonRadiology());

    ModalityEvidence tie = C.classify("CT of the liver and histology of the biopsy.");
    assertEquals(1, tie.matchedTerms().size());
    assertEquals(1, tie.nonRadiologyTerms().size());
    assertFalse(tie.isRadiology(), "a tie is not radiology");

    ModalityEvidence more = C.classify("Axial CT and coronal CT; histology confirmed the diagnosis.");
    assertTrue(more.isRadiology(), "2 modality mentions > 1 cue");

    assertFalse(C.classify("Kaplan-Meier survival curves by group.").isRadiology());
    assertEquals(ModalityEvidence.NONE, C.classify(null));
    assertEquals(ModalityEvidence.NONE, C.classify("  "));
    assertFalse(ModalityEvidence.NONE.isRadiology());
    assertFalse(ModalityEvidence.NONE.isNonRadiology());
  }

  @Test
  void lexiconRowsAreDocumentedAndCoverEveryTextModality() {
    Set<Modality> covered = EnumSet.noneOf(Modality.class);
    int cues = 0;
    for (LexiconTerm t : ModalityLexicon.terms()) {
      assertFalse(t.reason().isBlank(), t.regex());
      if (t.isNonRadiologyCue()) {
        cues++;
      } else {
        covered.add(t.modality());
      }
    }
    assertEquals(EnumSet.of(CT, MR, XR, US, MG, PT, NM, XA, RF), covered);
    assertTrue(cues >= 20, "cues: " + cues);
  }

  @Test
  void survivesJavaSerialization() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(C);
    }
    ModalityClassifier back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ModalityClassifier) in.readObject();
    }
    String text = "Axial CT, MRI and an H&E photomicrograph";
    assertEquals(C.classify(text), back.classify(text));
    assertEquals(C, back);
  }
}
