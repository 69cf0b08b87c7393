package org.radmd.filters;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weak evidence for the radiology decision when a caption names no modality and has no strong non-radiology cue
 * ({@link ModalityLexicon}): words that radiology figure captions use (planes and views, imaging signs, devices
 * seen on images, anatomy) and words that laboratory, chart, diagram and camera figures use (cells, genes,
 * assays, plots, scale bars, endoscopy and operative photographs).
 *
 * <p>Each list is one whole-word, case-insensitive alternation; {@link #count} counts non-overlapping matches.
 * The word lists were collected from the captions in {@code shared/corpus}: misses of the strong lexicon in
 * the even-numbered half of ROCO's radiology test split (the odd half is kept for the held-out figure printed by
 * {@code radmd filter-eval}), the PMC chart and pathway captions, MedICaT's non-radiology figures and the
 * Radiopaedia histology study. They are evidence, not proof: one word decides nothing on its own, see
 * {@link TextRadiologyDecision}.
 *
 * <p>Immutable, thread-safe and {@link Serializable}.
 */
public final class ContextLexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String B = "(?<![\\p{L}\\p{N}])(?:";
  private static final String E = ")(?![\\p{L}\\p{N}])";
  private static final String L = "\\p{L}*";

  /** Words of radiology captions: planes and views, imaging signs, devices, anatomy, timing. */
  static final String RADIOLOGY = String.join("|",
      // planes, views, projections and reconstructions
      "axial" + L, "coronal" + L, "sagitt?al" + L, "transverse (?:view|plane|section|image|scan)s?",
      "(?:oblique|lateral|frontal|lordotic|decubitus|mortise|skyline|occlusal|periapical|bitewing)"
          + " (?:view|projection|image|film)s?", "views?", "projections?", "scout", "MIP", "MPR",
      "maximum intensity projection", "(?:3D|three-dimensional|volume[- ]rendered|multiplanar) recon" + L,
      "reformat" + L, "images?", "scans?", "slices?", "sections?", "films?", "planes?",
      // imaging signs
      "arrows?", "arrow ?heads?", "asterisks?", "lesions?", "mass(?:es)?", "nodul" + L, "opaci" + L, "lucen" + L,
      "consolidation", "effusions?", "pneumo(?:thorax|peritoneum|mediastinum|cephalus|nia)", "emphysema",
      "calcif" + L, "fractur" + L, "dislocat" + L, "luxat" + L, "ha?ematomas?", "abscess(?:es)?", "cysts?",
      "cystic", "dilat" + L, "stenos[ie]s", "stricture", "occlu" + L, "aneurysm" + L, "thromb" + L, "embol" + L,
      "infarct" + L, "ha?emorrhag" + L, "o?edema", "hernia" + L, "lytic", "osteolytic", "sclerotic",
      "enhanc" + L, "attenuat" + L, "shadows?", "air[- ]fluid", "free (?:air|gas)", "gas", "intussuscept" + L,
      "obstruct" + L, "tumou?rs?", "metasta" + L, "ascites", "hydro(?:nephrosis|cephalus)", "collections?",
      "thicken" + L, "narrow" + L, "displace" + L, "malformations?", "atelecta" + L, "cardiomegaly", "shunts?",
      "contrast", "dye", "fistula" + L, "destruction", "erosions?", "union", "nonunion", "callus",
      "degenerat" + L, "herniat" + L, "signs?", "radiologic" + L, "ossification", "osteopeni" + L,
      "osteopor" + L, "lordo" + L, "kypho" + L, "scolio" + L, "foreign body", "needles?", "injectate",
      "stones?", "calculi", "calculus", "sequences?", "isodose", "dose distribution", "target volumes?",
      "treatment plan" + L, "scanner", "h[ée]matom" + L, "transit", "coupes?", "muscles?", "nerves?", "ligaments?",
      "tendons?", "stenting", "post-?op", "pre-?op",
      // devices seen on images
      "stents?", "catheters?", "tubes?", "screws?", "plates?", "prosthe" + L, "implants?", "wires?", "clips?",
      "coils?", "pacemakers?", "drains?", "guide ?wires?", "sheaths?", "balloons?", "nails?", "rods?",
      "arthroplast" + L, "fixation", "grafts?", "endoprosthe" + L, "cement",
      // anatomy
      "brain", "cerebr" + L, "cerebell" + L, "skull", "cranial", "intracranial", "spine", "spinal", "vertebr" + L,
      "cervical", "thoracic", "lumbar", "sacr" + L, "pelvi" + L, "hips?", "femo" + L, "femur", "tibia" + L,
      "fibula" + L, "knees?", "ankles?", "foot", "feet", "hands?", "wrists?", "shoulders?", "humer" + L,
      "elbows?", "chest", "thorax", "lungs?", "pulmonary", "pleura" + L, "mediastin" + L, "heart", "cardiac",
      "aort" + L, "arter" + L, "veins?", "venous", "abdom" + L, "liver", "hepatic", "spleen", "splenic",
      "pancrea" + L, "kidneys?", "renal", "ureter" + L, "bladder", "bowel", "colon", "colonic", "rect" + L,
      "stomach", "gastric", "o?esophag" + L, "duoden" + L, "gall ?bladder", "biliary", "uter" + L, "ovar" + L,
      "prostat" + L, "test(?:is|es|icular)", "breasts?", "thyroid", "neck", "sinus(?:es)?", "orbit" + L,
      "mandib" + L, "maxill" + L, "teeth", "tooth", "dental", "jaw", "condyl" + L, "patella" + L, "ribs?",
      "clavic" + L, "scapula" + L, "stern" + L, "diaphragm" + L, "periton" + L, "retroperiton" + L, "adrenal",
      "lymph nodes?", "joints?", "bones?", "osse" + L, "bony", "pericard" + L, "ventric" + L, "atri" + L,
      "coronary", "carotid", "jugular", "portal", "iliac", "appendi" + L, "ileum", "jejun" + L, "ileal",
      "vena cava", "trachea" + L, "bronch" + L, "lobes?", "hemithorax", "pituitary", "parotid", "larynx",
      "pharyn" + L, "nasal", "mastoid", "temporal", "frontal", "parietal", "occipital", "thalam" + L,
      "fetal", "fetus", "gestation" + L, "uterine", "placenta" + L, "cortex", "cortical", "medulla" + L,
      // timing of an imaging examination (not "follow-up": timelines and survival charts use it too)
      "pre-?operative" + L, "post-?operative" + L);

  /** Words of laboratory, chart, diagram and camera figures. */
  static final String NON_RADIOLOGY = String.join("|",
      "cells", "cellular", "cell lines?", "genes?", "genomic", "m?RNA", "miRNA", "DNA", "proteins?", "expression" + L,
      "pathways?", "assays?", "mice", "mouse", "rats?", "bacteri" + L, "cultur" + L, "plasmids?",
      "enzym" + L, "inhibit" + L, "kDa", "[µμ]m", "nm", "scale bars?", "magnification" + L, "[x×]\\d{2,4}", "\\d{2,4}[x×]",
      "SEM", "TEM", "electron", "spectr" + L, "molecul" + L, "chemical", "plott?" + L, "graphs?",
      "axes", "probabilit" + L, "error bars?", "statistic" + L, "regression",
      "cluster" + L, "algorithms?", "schem" + L, "illustrat" + L, "drawings?", "cartoons?", "workflow",
      "overview", "apparatus", "set-?up", "experiment" + L, "in vitro", "in vivo", "simulat" + L,
      "intra-?operative" + L, "operative (?:view|field|photo" + L + "|image|finding)s?",
      "surgical (?:field|view|specimen)s?", "specimens?", "macroscop" + L, "clinical (?:photo" + L
          + "|picture|appearance|aspect|view|image)s?", "pictures?", "skin", "rash", "cutaneous",
      "retina" + L, "fundus", "slit[- ]lamp", "cornea" + L, "macula" + L, "choroid" + L, "biops" + L,
      "stain" + L, "cytoplasm" + L, "sperm", "leaves", "organism" + L,
      "samples?", "responders?", "predict" + L, "signatures?", "software", "interface", "screenshot");

  /**
   * Camera procedures and photographs named in a caption: there the name says what the panel shows (MedICaT
   * "(A) colonoscopy and (B) plain abdominal radiograph"), so in captions they count as strong non-radiology
   * cues, unlike in findings or history, where "colonoscopy showed" is clinical history
   * ({@link ModalityLexicon} leaves the bare procedure names out for that reason).
   */
  static final String CAPTION_CUES = String.join("|",
      "(?:colono|sigmoido|broncho|laparo|arthro|cysto|hystero|gastro|esophagogastroduodeno)scop(?:y|ies|ic|es?)", "EGD",
      "intra-?operative (?:photo" + L + "|view|image|picture|finding)s?", "clinical (?:photo" + L + "|picture)s?");

  private final Pattern radiology;
  private final Pattern nonRadiology;
  private final Pattern captionCues;

  private ContextLexicon(String radiology, String nonRadiology) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    this.radiology = Pattern.compile(B + radiology + E, flags);
    this.nonRadiology = Pattern.compile(B + nonRadiology + E, flags);
    this.captionCues = Pattern.compile(B + CAPTION_CUES + E, flags);
  }

  /** Caption-only strong non-radiology cues ({@link #CAPTION_CUES}) in {@code text}, in text order. */
  public List<String> captionCues(String text) {
    return find(captionCues, text);
  }

  /** The default word lists. */
  public static ContextLexicon defaults() {
    return Holder.DEFAULT;
  }

  /** Radiology-context words in {@code text}, as written, in text order (null or blank: none). */
  public List<String> radiologyWords(String text) {
    return find(radiology, text);
  }

  /** Non-radiology context words in {@code text}, as written, in text order (null or blank: none). */
  public List<String> nonRadiologyWords(String text) {
    return find(nonRadiology, text);
  }

  private static List<String> find(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static final class Holder {
    static final ContextLexicon DEFAULT = new ContextLexicon(RADIOLOGY, NON_RADIOLOGY);
  }
}
