package org.radmd.radfm.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Medical concepts found in free text, for the term precision/recall/F1 metric. A stand-in for RadFM's UMLS-based
 * precision/recall (scispaCy + UMLS linker, radfm-spec §1.7 and §5), which needs a UMLS licence: here concepts are
 * the live terms of the Human Disease Ontology ({@code ../shared/vocab/doid.obo}: names and EXACT synonyms, each
 * mapped to its DOID, so a synonym counts as the same concept) plus built-in imaging-modality and anatomy concepts
 * ({@code MOD:*}, {@code ANAT:*}, with common synonyms and plurals).
 *
 * <p>Matching: the text's {@link TextNormalizer#words words} are scanned left to right; at each word the longest
 * phrase (up to {@value #MAX_PHRASE_WORDS} words) that names a concept is taken and the scan continues after it.
 * Left out as too generic or ambiguous: DOID:4 "disease" and one-word terms shorter than 3 characters. Immutable and
 * thread-safe.
 */
public final class MedicalTermLexicon {
  /** Longest phrase matched, in words. */
  public static final int MAX_PHRASE_WORDS = 8;

  private static final Map<String, List<String>> BUILT_IN = Map.ofEntries(
      Map.entry("MOD:CT", List.of("ct", "computed tomography", "cat scan", "cta", "ct angiography")),
      Map.entry("MOD:MR", List.of("mr", "mri", "magnetic resonance", "magnetic resonance imaging", "mra")),
      Map.entry("MOD:XR", List.of("x ray", "xray", "x rays", "radiograph", "radiographs", "radiography",
          "plain film", "plain films")),
      Map.entry("MOD:US", List.of("ultrasound", "sonography", "ultrasonography", "sonogram", "doppler")),
      Map.entry("MOD:PT", List.of("pet", "positron emission tomography", "pet ct")),
      Map.entry("MOD:NM", List.of("nuclear medicine", "scintigraphy", "spect", "bone scan")),
      Map.entry("MOD:MG", List.of("mammography", "mammogram", "mammograms")),
      Map.entry("MOD:ANGIO", List.of("angiography", "angiogram", "arteriogram", "venogram")),
      Map.entry("MOD:FLUORO", List.of("fluoroscopy", "barium swallow", "barium enema")),
      Map.entry("SEQ:T1", List.of("t1", "t1w", "t1 weighted")),
      Map.entry("SEQ:T2", List.of("t2", "t2w", "t2 weighted")),
      Map.entry("SEQ:FLAIR", List.of("flair")),
      Map.entry("SEQ:DWI", List.of("dwi", "diffusion weighted", "diffusion weighted imaging", "adc")),
      Map.entry("CONTRAST", List.of("contrast", "gadolinium", "contrast enhanced", "enhancement", "enhancing")),
      Map.entry("ANAT:brain", List.of("brain", "cerebral", "cerebrum", "intracranial")),
      Map.entry("ANAT:cerebellum", List.of("cerebellum", "cerebellar")),
      Map.entry("ANAT:ventricle", List.of("ventricle", "ventricles", "ventricular")),
      Map.entry("ANAT:skull", List.of("skull", "cranium", "calvarium")),
      Map.entry("ANAT:head", List.of("head")),
      Map.entry("ANAT:neck", List.of("neck", "cervical")),
      Map.entry("ANAT:spine", List.of("spine", "spinal", "vertebra", "vertebrae", "vertebral")),
      Map.entry("ANAT:chest", List.of("chest", "thorax", "thoracic")),
      Map.entry("ANAT:lung", List.of("lung", "lungs", "pulmonary")),
      Map.entry("ANAT:pleura", List.of("pleura", "pleural")),
      Map.entry("ANAT:mediastinum", List.of("mediastinum", "mediastinal")),
      Map.entry("ANAT:heart", List.of("heart", "cardiac")),
      Map.entry("ANAT:aorta", List.of("aorta", "aortic")),
      Map.entry("ANAT:abdomen", List.of("abdomen", "abdominal")),
      Map.entry("ANAT:pelvis", List.of("pelvis", "pelvic")),
      Map.entry("ANAT:liver", List.of("liver", "hepatic")),
      Map.entry("ANAT:gallbladder", List.of("gallbladder")),
      Map.entry("ANAT:pancreas", List.of("pancreas", "pancreatic")),
      Map.entry("ANAT:spleen", List.of("spleen", "splenic")),
      Map.entry("ANAT:kidney", List.of("kidney", "kidneys", "renal")),
      Map.entry("ANAT:bladder", List.of("bladder")),
      Map.entry("ANAT:bowel", List.of("bowel", "intestine", "colon", "colonic")),
      Map.entry("ANAT:stomach", List.of("stomach", "gastric")),
      Map.entry("ANAT:breast", List.of("breast", "breasts")),
      Map.entry("ANAT:thyroid", List.of("thyroid")),
      Map.entry("ANAT:bone", List.of("bone", "bones", "osseous")),
      Map.entry("ANAT:knee", List.of("knee")),
      Map.entry("ANAT:hip", List.of("hip", "hips")),
      Map.entry("ANAT:shoulder", List.of("shoulder")),
      Map.entry("ANAT:orbit", List.of("orbit", "orbits", "orbital")),
      Map.entry("ANAT:sinus", List.of("sinus", "sinuses", "paranasal")),
      Map.entry("ANAT:prostate", List.of("prostate")),
      Map.entry("ANAT:uterus", List.of("uterus", "uterine")),
      Map.entry("ANAT:ovary", List.of("ovary", "ovaries", "ovarian")));

  private final Map<String, String> phraseToConcept;
  private final int diseaseConcepts;

  private MedicalTermLexicon(Map<String, String> phraseToConcept, int diseaseConcepts) {
    this.phraseToConcept = Map.copyOf(phraseToConcept);
    this.diseaseConcepts = diseaseConcepts;
  }

  /** Only the built-in modality and anatomy concepts (no disease terms). */
  public static MedicalTermLexicon builtIn() {
    return new MedicalTermLexicon(builtInPhrases(), 0);
  }

  /**
   * The built-in concepts plus the live terms of a Disease Ontology OBO file.
   *
   * @throws IOException if the file cannot be read
   */
  public static MedicalTermLexicon load(Path oboFile) throws IOException {
    Map<String, String> phrases = new HashMap<>();
    Set<String> concepts = new LinkedHashSet<>();
    try (BufferedReader r = Files.newBufferedReader(oboFile, StandardCharsets.UTF_8)) {
      Stanza s = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("[")) {
          add(s, phrases, concepts);
          s = line.equals("[Term]") ? new Stanza() : null;
        } else if (s != null) {
          s.read(line);
        }
      }
      add(s, phrases, concepts);
    }
    phrases.putAll(builtInPhrases()); // built-ins win on collisions ("ct", "mri" are not diseases)
    return new MedicalTermLexicon(phrases, concepts.size());
  }

  /** Number of disease-ontology concepts loaded. */
  public int diseaseConcepts() {
    return diseaseConcepts;
  }

  /** Number of phrases recognized. */
  public int phrases() {
    return phraseToConcept.size();
  }

  /** The concept ids found in {@code text}, in order of first appearance. */
  public Set<String> concepts(String text) {
    List<String> w = TextNormalizer.words(text);
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < w.size()) {
      int taken = 0;
      for (int n = Math.min(MAX_PHRASE_WORDS, w.size() - i); n >= 1; n--) {
        String concept = phraseToConcept.get(String.join(" ", w.subList(i, i + n)));
        if (concept != null) {
          found.add(concept);
          taken = n;
          break;
        }
      }
      i += Math.max(1, taken);
    }
    return found;
  }

  private static Map<String, String> builtInPhrases() {
    Map<String, String> m = new HashMap<>();
    BUILT_IN.forEach((concept, names) -> names.forEach(n -> m.put(TextNormalizer.normalize(n), concept)));
    return m;
  }

  private static void add(Stanza s, Map<String, String> phrases, Set<String> concepts) {
    if (s == null || s.id == null || s.obsolete || s.id.equals("DOID:4")) {
      return;
    }
    boolean any = false;
    for (String name : s.names) {
      String n = TextNormalizer.normalize(name);
      if (n.isEmpty() || (!n.contains(" ") && n.length() < 3)) {
        continue;
      }
      phrases.putIfAbsent(n, s.id);
      any = true;
    }
    if (any) {
      concepts.add(s.id);
    }
  }

  /** The fields of one [Term] stanza that matter here. */
  private static final class Stanza {
    String id;
    boolean obsolete;
    final java.util.List<String> names = new java.util.ArrayList<>();

    void read(String line) {
      if (line.startsWith("id: ")) {
        id = line.substring(4).trim();
      } else if (line.startsWith("name: ")) {
        names.add(line.substring(6).trim());
      } else if (line.startsWith("is_obsolete: true")) {
        obsolete = true;
      } else if (line.startsWith("synonym: \"")) {
        int end = line.indexOf('"', 10);
        while (end > 0 && line.charAt(end - 1) == '\\') {
          end = line.indexOf('"', end + 1);
        }
        if (end > 10 && line.substring(end + 1).trim().startsWith("EXACT")) {
          names.add(line.substring(10, end).replace("\\\"", "\"").trim());
        }
      }
    }
  }
}
