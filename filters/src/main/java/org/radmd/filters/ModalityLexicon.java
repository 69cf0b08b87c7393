package org.radmd.filters;

import static org.radmd.core.Modality.CT;
import static org.radmd.core.Modality.MG;
import static org.radmd.core.Modality.MR;
import static org.radmd.core.Modality.NM;
import static org.radmd.core.Modality.PT;
import static org.radmd.core.Modality.RF;
import static org.radmd.core.Modality.US;
import static org.radmd.core.Modality.XA;
import static org.radmd.core.Modality.XR;

import java.util.List;
import org.radmd.core.Modality;

/**
 * The default modality lexicon: one table of terms that name an imaging modality, and of cues that a figure
 * is not a radiology image (histology, charts, camera pictures). Each row gives its reason.
 *
 * <p>Notation: {@code L} = any further letters (a stem such as {@code radiograph*}). Terms are matched as
 * whole words; where two matches overlap the one starting first wins, then the longer one ("CT angiography"
 * is CT, not CT plus catheter angiography XA; "endoscopic ultrasound" is US, not an endoscopy cue). The base
 * list is the one the filters issue specifies; rows marked "(added)" were added for a false positive or a
 * gap found on the real captions in {@code shared/corpus} (ROCO, MedPix, PMC, Radiopaedia).
 */
public final class ModalityLexicon {
  private static final String L = "\\p{L}*";
  /**
   * A following contrast-study word (-graphy/-gram), e.g. "angiography", "colonography", "urogram", so that
   * "CT angiography" and "MR cholangiography" are one CT / MR mention rather than CT plus XA / RF.
   */
  private static final String GRAPHY = "[- ]?(?i:(?:angio|arterio|veno|phlebo|aorto|porto|colono|entero|uro"
      + "|pyelo|cholangio|cholangiopancreato|cholangiopancreatico|myelo|arthro|cysto|urethro|dacryocysto|sialo"
      + "|lymphangio|fistulo|ventriculo)gra(?:ph|m)" + L + ")";

  private ModalityLexicon() {}

  private static final List<LexiconTerm> TERMS = List.of(
      // ---- CT ---------------------------------------------------------------------------------------------
      cs(CT, "(?:CT|ct)s?(?![\\s-]*(?i:values?)(?![\\p{L}]))", "cycle threshold",
          "CT acronym; upper or lower case only (mixed 'Ct' is qPCR's cycle threshold); not before 'value(s)'"
              + " or near 'cycle threshold' (qRT-PCR Ct values)"),
      cs(CT, "(?:CT|ct)" + GRAPHY, null, "CT angiography / colonography / urography are CT, not XA or RF"),
      cs(CT, "CTAs?|CTPA", null, "CT angiography, CT pulmonary angiography abbreviations"),
      cs(CT, "(?:HR|MD|MS|CB|NC|CE|DE|LD)CTs?|GGOs?", null, "high-resolution, multidetector, multislice,"
          + " cone-beam, non-contrast, contrast-enhanced, dual-energy, low-dose CT abbreviations (HRCT, MDCT from the"
          + " issue; others added); ground-glass opacity (added)"),
      ci(CT, "comput(?:ed|er|eri[sz]ed)[- ](?:assisted[- ])?(?:axial[- ])?tomogra(?:ph|m)" + L + "(?:" + GRAPHY
          + ")?", "computed tomography and its spellings, with a following -graphy word (CT angiography)"),
      ci(CT, "cone[- ]beam (?:CT|computed tomograph" + L + ")", "cone-beam CT (dental, interventional) (added)"),
      ci(CT, "(?:non-?contrast(?:ed)?|non-?enhanced|unenhanced|contrast[- ]enhanced)[- ](?:CT|computed tomograph"
          + L + ")", "noncontrast / nonenhanced / contrast-enhanced CT"),
      ci(CT, "tomogra(?:ph|m)" + L, "bare tomography / tomogram; OCT, PET and SPECT phrases start earlier and win"
          + " (added)"),
      ci(CT, "(?:hyper|hypo|iso)-?dens(?:e|ity|ities)|Hounsfield", "density descriptors and Hounsfield units"
          + " describe CT attenuation (added)"),
      ci(CT, "angiotomogra(?:ph|m)" + L + "|ground[- ]glass (?:opacit|attenuation)" + L,
          "CT angiotomography; ground-glass opacity is a CT sign (added)"),
      cs(CT, "TDM", "drug|monitoring|therapeutic|serum|plasma|concentration",
          "French tomodensitometrie (CT); not therapeutic drug monitoring (added: non-English ROCO captions)"),
      ci(CT, "tomodensitom" + L + "|scann?ogra(?:ph|m)" + L, "French CT terms (added)"),
      ci(CT, "computer-?tomogra(?:ph|m)" + L + "|angio-?scanner", "German Computertomographie, French angio-scanner"
          + " (added: non-English ROCO captions)"),

      // ---- MR ---------------------------------------------------------------------------------------------
      cs(MR, "MRs?", "mitral|regurgita",
          "MR acronym; upper case only ('Mr', 'Mr.' is a title); ignored near 'mitral'/'regurgitation'"
              + " (MR = mitral regurgitation in echocardiography)"),
      cs(MR, "MR" + GRAPHY, null, "MR angiography / cholangiography / urography are MR, not XA or RF"),
      ci(MR, "f?MR(?:I|A|CP|V)s?", "MRI, MRA, MRCP, MR venography (MRV), functional MRI"),
      ci(MR, "(?:nuclear )?magnetic resonance(?:[- ](?:imaging|tomography))?(?:" + GRAPHY + ")?",
          "magnetic resonance (imaging), with a following -graphy word (MR angiography)"),
      ci(MR, "(?:T1|T2\\*?|PD|proton[- ]density|diffusion|perfusion|susceptibility)[- ]?weighted",
          "T1-/T2-weighted, and diffusion- and susceptibility-weighted (DWI, SWI) MR sequences"),
      ci(MR, "T[12]\\*?[- ]?W(?:I|1)?", "T1WI / T2WI / T1W / T2 WI abbreviations of weighted MR images"),
      ci(MR, "FLAIR|fluid[- ]attenuated inversion recovery", "FLAIR MR sequence"),
      ci(MR, "DWI|diffusion tensor imaging|tractography", "diffusion MR (DWI; DTI, tractography added)"),
      cs(MR, "DTI", "drug|interaction", "diffusion tensor imaging; not drug-target interaction (added)"),
      cs(MR, "ADC", "analog|digital conver|converter|antibody|conjugate",
          "apparent diffusion coefficient map; upper case; ignored near analog-to-digital converter or"
              + " antibody-drug conjugate"),
      ci(MR, "apparent diffusion coefficient", "ADC spelled out (added)"),
      cs(MR, "SWI|STIR", null, "susceptibility-weighted imaging; short-tau inversion recovery; upper case"
          + " only ('stir' is a verb)"),
      ci(MR, "short[- ]tau inversion recovery", "STIR spelled out (added)"),
      ci(MR, "gadolinium|gadoxetate|gadobutrol|gadopentetate|Gd-DTPA|gadolinium-enhanced",
          "gadolinium agents are MR contrast media (added: MedPix 'T1 post gadolinium')"),
      ci(MR, "(?<=(?:axial|coronal|sagittal|sagital|oblique|on|enhanced)[ ,-])T[12]\\*?"
          + "|T[12]\\*?(?=[- ](?:(?:images?|sequences?|signal|FS|SE|TSE|FSE|FLAIR|maps?|MRI?)(?!\\p{L})|C\\+"
          + "|(?:hyper|hypo|iso)-?intens|fat[- ]?(?:sat|suppress)|gad|gd(?!\\p{L})|contrast"
          + "|(?:post|pre)(?![\\p{L}&&[^c]])))",
          "bare T1 / T2 only in MR context (after a plane word or 'on', before image / sequence / signal / fat-sat /"
              + " post-contrast words); never T2N0 stages or T1-T2 vertebrae (added: MedPix 'axial T2')"),
      ci(MR, "proton[- ]density|fat[- ]sat(?:urat" + L + ")?|(?:spin|gradient|turbo spin|fast spin"
          + "|gradient[- ]recalled)[- ]echo|echo[- ]planar", "MR sequence names (added)"),
      ci(MR, "(?:hyper|hypo|iso)-?intens" + L, "signal-intensity descriptors are MR language (added)"),
      cs(MR, "CMR|LGE|TSE|FSE|SSTSE|HASTE|SSFP|GRE", "molecular|BCR|leuk",
          "cardiac MR, late gadolinium enhancement and MR sequence acronyms; CMR not near 'molecular'"
              + " (complete molecular response in leukaemia) (added)"),
      ci(MR, "(?:high|low|increased|decreased|bright|dark)[- ]signal|diffusion (?:images?|imaging|restriction)"
          + "|tesla", "signal-intensity descriptors, diffusion imaging, field strength (added)"),
      cs(MR, "IRM", null, "French / Spanish MRI (added: non-English ROCO captions)"),

      // ---- XR (projection radiography) ----------------------------------------------------------------------
      ci(XR, "radio-?gra(?:ph|m)" + L, "radiograph, radiography, radiographic, radiogram (and 'radio-graph')"),
      ci(XR, "x[- ]?rays?|r(?:oe|ö)nt(?:gen|o)" + L, "X-ray, x ray; roentgenogram (added)"),
      ci(XR, "(?:plain|chest)(?: \\p{L}+)? films?", "plain film, chest film (also 'plain abdominal film')"),
      cs(XR, "CXRs?|AXR|KUB", null, "chest / abdominal X-ray, kidney-ureter-bladder film abbreviations"),
      ci(XR, "orthopanto" + L + "|panoramic (?:radiograph" + L + "|views?|films?)|cephalogra" + L,
          "dental panoramic radiograph, lateral cephalogram (added)"),
      ci(XR, "panorex|(?:towne|waters|caldwell)'?s? (?:views?|projections?)|radio-?(?:lucen|opa(?:que|cit))" + L,
          "panoramic dental film, skull views, radiolucent / radiopaque (added)"),
      cs(XR, "OPGs?", "osteoprotegerin|RANKL|serum", "orthopantomogram; not osteoprotegerin (added)"),
      ci(XR, "orthopanta?mogra" + L + "|ortopantomogra" + L + "|teleradiogra" + L, "orthopantomogram spellings,"
          + " (lateral) teleradiograph (added)"),
      cs(XR, "IOPA|RX(?:-OPT)?", null, "intra-oral periapical radiograph; RX = radiograph in Romance languages"
          + " (added)"),
      ci(XR, "(?:chest (?:AP|PA))|(?:AP|PA)(?: and lateral)? (?:views?|projections?|films?)"
          + "|(?:antero-?posterior|postero-?anterior) (?:views?|projections?|films?)",
          "AP / PA radiographic projections (added)"),

      // ---- US -----------------------------------------------------------------------------------------------
      ci(US, "ultrasound|ultrasonogra" + L + "|sonogra" + L + "|endosonogra" + L,
          "ultrasound, ultrasonography, sonography / sonogram"),
      ci(US, "endoscopic ultraso" + L + "(?: ?graphy)?", "endoscopic ultrasound is US, not an endoscopy picture"),
      ci(US, "doppler", "Doppler ultrasound"),
      ci(US, "echocardiogra" + L, "echocardiography / echocardiogram"),
      ci(US, "transducer", "pressure", "the ultrasound probe; not a pressure transducer (added)"),
      cs(US, "TTE|TEE|EUS|CEUS|USG", "energy expenditure", "transthoracic / transoesophageal echo, endoscopic"
          + " and contrast-enhanced ultrasound, ultrasonography abbreviations (added)"),
      ci(US, "(?:hyper|hypo|an|iso|hetero)?-?echo(?:ic|genic" + L + ")",
          "echogenicity words (hypoechoic, echogenic) only describe sonographic images (added)"),
      ci(US, "echo(?:es)?|[MB]-mode|parasternal|apical (?:two|three|four|five|[2-5])[- ]chamber",
          "echocardiography views and modes; MR 'spin echo' phrases are longer and win (added)"),
      ci(US, "[ée]chogra(?:ph|f)" + L + "|ecogra(?:ph|f)" + L, "French / Spanish ultrasound (added)"),

      // ---- MG -----------------------------------------------------------------------------------------------
      ci(MG, "mammogra" + L, "mammography, mammogram"),
      ci(MG, "tomosynthesis", "digital breast tomosynthesis"),

      // ---- PT -----------------------------------------------------------------------------------------------
      cs(PT, "PET(?:[-/ ]?(?:CT|MRI?))?", "polyethylene|terephthalate",
          "PET, PET-CT, PET/MR (hybrid images tagged PT); upper case only ('pet'); ignored near"
              + " polyethylene terephthalate"),
      ci(PT, "positron[- ]emission tomogra(?:ph|m)" + L, "PET spelled out (added)"),
      cs(PT, "FDG", null, "18F-fluorodeoxyglucose, the PET tracer"),
      ci(PT, "fluorodeoxyglucose|standardi[sz]ed uptake values?", "FDG spelled out; SUV (added)"),
      cs(PT, "SUV(?:max|mean)?", null, "standardized uptake value, a PET measure (added)"),

      // ---- NM -----------------------------------------------------------------------------------------------
      ci(NM, "scintigra" + L + "|scintiscan" + L, "scintigraphy, scintigram"),
      cs(NM, "SPECT(?:[-/ ]?CT)?", null, "SPECT, SPECT/CT (hybrid tagged NM)"),
      ci(NM, "single[- ]photon emission (?:computed )?tomogra(?:ph|m)" + L, "SPECT spelled out (added)"),
      ci(NM, "bone scans?|nuclear medicine", "bone scan, nuclear medicine"),
      ci(NM, "(?:octreotide|gallium|thyroid|spleen|renal|ventilation[- ]perfusion|V/Q) scan(?:s|ning)?",
          "named scintigraphic scans (added)"),
      ci(NM, "radionuclide|radioisotope|99mTc|Tc-?99m|technetium|MIBG",
          "radionuclide imaging and its tracers (added)"),

      // ---- XA -----------------------------------------------------------------------------------------------
      ci(XA, "(?<!(?:CT|MR|MRI|CTA|MRA)\\)?[- ])(?:angiogra" + L + "|arteriogra" + L + "|aortogra" + L + "|venogra" + L
          + "|phlebogra" + L + ")", "catheter angiography, not after CT/MR (also 'computed tomography (CT)"
          + " angiogram'); 'CT angiography' itself matches first as one CT term"),
      cs(XA, "DSA", "donor|antibod|HLA", "digital subtraction angiography; ignored near donor-specific"
          + " antibodies"),
      ci(XA, "(?:chemo|radio)?emboli[sz]ation|(?:left|right) anterior oblique|(?:cranial|caudal) angulation",
          "embolization and C-arm projections are done under angiography (added)"),
      ci(XA, "digital subtraction|ventriculogra(?:ph|m)" + L + "|fistulogra(?:ph|m)" + L,
          "digital subtraction imaging, ventriculography, fistulography (added)"),
      cs(XA, "TACE|LAO|RAO|CAG", "repeat|trinucleotide|codon|huntington|retina|ocular",
          "transarterial chemoembolization; C-arm projections; coronary angiography; not CAG repeats or retinal"
              + " artery occlusion (added)"),

      // ---- RF -----------------------------------------------------------------------------------------------
      ci(RF, "(?:video)?fluoroscop" + L, "fluoroscopy, videofluoroscopy"),
      ci(RF, "barium(?: (?:swallow|meal|enema|study|studies|follow[- ]through|esophagram)s?)?",
          "barium swallow (and other barium studies, added)"),
      ci(RF, "gastrografin|contrast (?:study|studies|examination|enema|swallow|meal)|(?:antegrade |retrograde )?"
          + "pyelo" + L + "gra(?:ph|m)" + L + "|urogra(?:ph|m)" + L + "|cystogra(?:ph|m)" + L + "|IVU|IVP",
          "contrast studies: water-soluble contrast, pyelography, urography, cystography (added)"),
      ci(RF, "o?esophagrams?|o?esophagogra" + L, "esophagram"),
      ci(RF, "upper (?:GI|gastrointestinal) series|small bowel (?:follow[- ]through|series)", "upper GI series"),
      ci(RF, "arthrogra(?:ph|m)" + L + "|C-arm", "arthrography; C-arm fluoroscopy (added)"),
      ci(RF, "(?:hystero)?salpingogra" + L + "|(?:voiding )?cystourethrogra" + L + "|urethrogra" + L
          + "|cholangiogra" + L + "|sialogra" + L + "|myelogra" + L + "|defecogra" + L,
          "contrast fluoroscopic studies (added)"),
      cs(RF, "ERCP|HSG|VCUG", null, "ERCP, hysterosalpingography, voiding cystourethrography (added)"),
      ci(RF, "endoscopic retrograde cholangio" + L,
          "ERCP spelled out: its images are fluoroscopic, not endoscopy pictures (added)"),

      // ---- non-radiology cues ---------------------------------------------------------------------------------
      ci(null, "photomicrograph" + L + "|micrograph" + L, "light / electron micrographs"),
      ci(null, "ha?ematoxylin(?:(?:[- ]| and |\\s*&\\s*)eosin)?|eosin|H\\s?&\\s?E|HE stain" + L,
          "haematoxylin and eosin stain (one mention for 'hematoxylin-eosin')"),
      ci(null, "histolog" + L + "|histopatholog" + L + "|immunohistochem" + L + "|cytolog" + L,
          "histology, histopathology, immunohistochemistry (cytology added)"),
      ci(null, "microscop" + L + "|immunofluorescen" + L + "|confocal", "microscopy (immunofluorescence added)"),
      ci(null, "(?<!tumou?r |contrast |vascular |parenchymal )(?:immuno)?stain(?:ing|ed)",
          "histological staining; not angiographic 'tumour staining'"),
      ci(null, "(?:western|northern|southern) blot" + L + "|immunoblot" + L, "western blot"),
      ci(null, "(?:gel )?electrophoresis|SDS[- ]PAGE", "gel electrophoresis"),
      ci(null, "flow cytometr" + L, "flow cytometry"),
      ci(null, "(?:bar|pie|line) (?:graph|chart|plot)s?|scatter ?plots?|box ?plots?|forest plots?|Kaplan[- ]Meier"
          + "|ROC curves?", "bar graph (other chart kinds added)"),
      ci(null, "charts?|heat ?maps?|flow ?charts?", "chart, heat map / heatmap, flowchart"),
      ci(null, "schematic" + L + "|diagram" + L, "schematic, diagram"),
      ci(null, "photograph" + L + "|photos?", "clinical and intraoperative photographs"),
      ci(null, "endoscop" + L, "endoscopy"),
      ci(null, "(?:colono|gastro|broncho|laparo|arthro|cysto|hystero|colpo|thoraco|sigmoido|duodeno)scop(?:ic|y)"
          + " (?:views?|images?|pictures?|photo" + L + "|appearances?)", "views from the other -scopy camera"
          + " procedures; the bare procedure names are clinical history, not the figure (added)"),
      ci(null, "dermo?scop" + L + "|dermatoscop" + L, "dermoscopy"),
      ci(null, "fundus (?:photo" + L + "|images?|camera|autofluorescence)|fundoscop" + L + "|funduscop" + L
          + "|ophthalmoscop" + L, "fundus photography; bare 'fundus' is anatomy (gastric fundus) so it needs"
          + " a photo/image word"),
      ci(null, "optical coherence tomogra(?:ph|m)" + L + "|fluorescein angiogra" + L
          + "|indocyanine green angiogra" + L, "ophthalmic OCT and fluorescein / ICG angiography (added)"),
      cs(null, "OCT|NMR(?![- ]imag)", null, "optical coherence tomography; NMR spectroscopy (added)"),
      ci(null, "x[- ]?ray (?:crystallogra" + L + "|diffraction|photoelectron|fluorescence|scattering)"
          + "|crystallogra" + L, "X-ray crystallography and spectroscopy are not imaging (added)"),
      ci(null, "(?:electrocardiogra" + L + "|ECGs?|EKGs?)(?![- ]?(?:gated|triggered|synchroni))"
          + "|electroencephalogra" + L + "|EEGs?", "ECG and EEG tracings, but not ECG-gated CT/MR (added)"),
      ci(null, "gross (?:specimen|pathology)s?", "gross pathology specimen photographs (added)"));

  /** The default lexicon, in table order. Immutable. */
  public static List<LexiconTerm> terms() {
    return TERMS;
  }

  /** A case-insensitive row. */
  private static LexiconTerm ci(Modality m, String regex, String reason) {
    return new LexiconTerm(m, regex, false, null, reason);
  }

  /** A case-insensitive row with a veto. */
  private static LexiconTerm ci(Modality m, String regex, String veto, String reason) {
    return new LexiconTerm(m, regex, false, veto, reason);
  }

  /** A case-sensitive row, with a veto or null. */
  private static LexiconTerm cs(Modality m, String regex, String veto, String reason) {
    return new LexiconTerm(m, regex, true, veto, reason);
  }
}
