package org.radmd.pipelines.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Ids;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.scrapers.jats.CaseReportRow;

/**
 * RadFM's own training files, exactly as its dataset classes read them (radfm-spec §1.1-1.4, §1.6), written
 * under {@code radmd/radfm/} of the export root, one file per split. Every path inside them is relative to that
 * {@code radfm/} folder (run RadFM's loaders from it, or prefix the paths), and every file a path names exists:
 *
 * <pre>
 * paper_{split}.csv                      PMC_path -> papers/&lt;paper&gt;.json (Paper_Inline_dataset)
 * papers/&lt;paper&gt;.json                    [{"text": sentence, "img_ref": [figid, ...]}, ...]
 * figures/&lt;paper&gt;_&lt;figid&gt;.jpg            figure images of papers and case reports (img_path of both)
 * filtered_case_report_{split}.csv       PMC_id, context, question, answer, inline, img_ref (CaseReport_dataset)
 * radiology_article_npy_{split}.json     [{pre, pat, npy_path, finding, impression, radiographic_features,
 *                                          articles, title, sample_id}] (RadioCaption_Dataset,
 *                                          Radiofeatures_Dataset; sample_id is radmd's, the loaders ignore it)
 * rp3d/npy/&lt;sample&gt;.npy                   (S, 3, 512, 512, z) uint8 stack of a study's series ({@link NpyStack})
 * radio_modality_{split}.csv             image_path (rp3d/nii/&lt;sample&gt;_&lt;k&gt;.nii.gz), answer
 *                                          (Radiopaedia's modality name; Radio_Modality_Dataset)
 * radiology_vqa_{split}.csv              image_path, question, answer (RadioVQA_Dataset): header only, see below
 * MedPix_single_{split}.csv              name, type (caption|modality|plane), context (MedPix_Single_Dataset)
 * MedPix_multi_{split}.csv               name (comma-separated), type, context, history (MedPix_Multi_Dataset)
 * MedPix_questions_{split}.csv           name, question, answer, explanation: header only, see below
 * medpix/images/&lt;name&gt;                   MedPix images (the loaders' img_root is medpix/images/)
 * </pre>
 *
 * <p>Paper files: figure sources (PMC-Inline, MedICaT, ROCO, COVID-19-CT-CXR) are grouped by case (the article);
 * a paper's sentences are its title, then, figure by figure in sample-id order, each citing sentence once (a
 * sentence citing several figures lists them all in {@code img_ref}), each followed by a space because RadFM
 * concatenates sentences without a separator. radmd keeps the citing sentences of each figure, not whole
 * article bodies, so a paper file is the figure-bearing part of the article. A figure with no citing sentence
 * is attached to its caption. Images are links to the stored PNGs named {@code .jpg} (PIL opens by content).
 *
 * <p>radmd's sources carry no MedPix question bank and no Radiopaedia {@code qa_list}, so
 * {@code MedPix_questions_*} and {@code radiology_vqa_*} are written with their header only (the dataset card
 * says so). Not thread-safe.
 */
public final class RadfmFiles implements Closeable {
  /** Folder under the export root. */
  public static final String DIR = "radmd/radfm";

  private final Path dir;
  private final Path dataRoot;
  private final Set<String> tasks;
  private final Map<String, Csv.Writer> csv = new LinkedHashMap<>();
  private final Map<String, List<ObjectNode>> rp3dJson = new TreeMap<>();
  private final Map<String, Paper> papers = new TreeMap<>();
  private final Map<String, Long> rows = new TreeMap<>();

  private static final class Paper {
    String split;
    String title;
    final LinkedHashMap<String, Set<String>> sentences = new LinkedHashMap<>();
  }

  /**
   * Opens every file for writing (replacing a previous export's).
   *
   * @param exportRoot the export root ({@code OUT} of a build, {@code DIR} of {@code radmd export})
   * @param dataRoot the folder the samples' image paths are relative to
   * @param tasks the selected tasks; rows of other tasks are not written
   * @throws IOException if a file cannot be created
   */
  public RadfmFiles(Path exportRoot, Path dataRoot, Set<String> tasks) throws IOException {
    this.dir = exportRoot.resolve(DIR);
    this.dataRoot = dataRoot;
    this.tasks = tasks;
    Files.createDirectories(dir);
    for (String split : SplitAssigner.SPLITS) {
      open("paper_" + split + ".csv", List.of("PMC_path"));
      open("filtered_case_report_" + split + ".csv", CaseReportRow.COLUMNS);
      open("radio_modality_" + split + ".csv", List.of("image_path", "answer"));
      open("radiology_vqa_" + split + ".csv", List.of("image_path", "question", "answer"));
      open("MedPix_single_" + split + ".csv", List.of("name", "type", "context"));
      open("MedPix_multi_" + split + ".csv", List.of("name", "type", "context", "history"));
      open("MedPix_questions_" + split + ".csv", List.of("name", "question", "answer", "explanation"));
      rp3dJson.put(split, new ArrayList<>());
    }
  }

  private void open(String name, List<String> header) throws IOException {
    csv.put(name, new Csv.Writer(dir.resolve(name), header));
  }

  /**
   * Adds the rows of one sample.
   *
   * @throws IOException if a file cannot be written or a stored image is missing
   */
  public void accept(Sample s, String split) throws IOException {
    switch (s.source()) {
      case MPX -> medpix(s, split);
      case RP3D -> rp3d(s, split);
      case PMC_CASE_REPORT -> caseReport(s, split);
      case PMC_INLINE, MEDICAT, ROCO, COVID19_CT_CXR -> paper(s, split);
      default -> { }
    }
  }

  private void row(String file, String task, List<String> fields) throws IOException {
    if (tasks.contains(task)) {
      csv.get(file).row(fields);
    }
  }

  private void medpix(Sample s, String split) throws IOException {
    List<String> names = new ArrayList<>();
    for (ImageRef i : s.images()) {
      String name = Ids.safe(i.id()) + ".png";
      names.add(name);
      boolean any = false;
      if (!blank(i.caption()) && tasks.contains("report")) {
        row("MedPix_single_" + split + ".csv", "report", List.of(name, "caption", i.caption().strip()));
        any = true;
      }
      if (!blank(i.modalityLabel()) && tasks.contains("modality")) {
        row("MedPix_single_" + split + ".csv", "modality", List.of(name, "modality", i.modalityLabel().strip()));
        any = true;
      }
      if (!blank(i.plane()) && tasks.contains("vqa")) {
        row("MedPix_single_" + split + ".csv", "vqa", List.of(name, "plane", i.plane().strip()));
        any = true;
      }
      if (any || tasks.contains("diagnosis") || tasks.contains("report") || tasks.contains("rationale")) {
        Links.materialize(dataRoot.resolve(i.path()), dir.resolve("medpix/images").resolve(name));
      }
    }
    if (names.isEmpty()) {
      return;
    }
    String joined = String.join(",", names);
    SampleText t = s.text();
    String history = t.history() == null ? "" : t.history().strip();
    Map<String, String> a = s.attributes();
    String[][] types = {
        {"txFollowup", a.get("treatment-follow-up"), "rationale"},
        {"ddx", a.get("differential-diagnosis"), "diagnosis"},
        {"dxHow", a.get("diagnosis-by"), "diagnosis"},
        {"diagnosis", t.impression(), "diagnosis"},
        {"findings", t.findings(), "report"},
        {"exam", a.get("exam"), "report"},
        {"discussion", t.discussion(), "rationale"}};
    for (String[] ty : types) {
      if (!blank(ty[1]) && !ty[1].strip().equalsIgnoreCase("N/A")) {
        row("MedPix_multi_" + split + ".csv", ty[2], List.of(joined, ty[0], ty[1].strip(), history));
      }
    }
  }

  private void rp3d(Sample s, String split) throws IOException {
    List<Path> volumes = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    for (int k = 0; k < s.images().size(); k++) {
      ImageRef i = s.images().get(k);
      if (i.kind() != ImageKind.VOLUME_3D) {
        continue;
      }
      Path stored = dataRoot.resolve(i.path());
      volumes.add(stored);
      depths.add(Math.max(1, i.depth()));
      Modality m = i.modality() != null ? i.modality() : s.modalities().size() == 1 ? s.modalities().get(0) : null;
      if (m != null && tasks.contains("modality")) {
        String rel = "rp3d/nii/" + Ids.safe(s.id()) + "_" + k + ".nii.gz";
        Links.materialize(stored, dir.resolve(rel));
        row("radio_modality_" + split + ".csv", "modality", List.of(rel, InstructionBuilder.modalityName(m)));
      }
    }
    if (volumes.isEmpty() || !(tasks.contains("report") || tasks.contains("rationale"))) {
      return;
    }
    String npy = "rp3d/npy/" + Ids.safe(s.id()) + ".npy";
    NpyStack.write(volumes, depths, dir.resolve(npy));
    SampleText t = s.text();
    String[] prePat = splitHistory(t.history());
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("pre", prePat[0]);
    n.put("pat", prePat[1]);
    n.put("npy_path", npy);
    n.put("finding", nz(t.findings()).strip());
    n.put("impression", nz(t.impression() != null ? t.impression() : t.title()).strip());
    ArrayNode features = n.putArray("radiographic_features");
    for (String sentence : sentences(!blank(t.discussion()) ? t.discussion() : t.findings())) {
      features.add(sentence);
    }
    ArrayNode articles = n.putArray("articles");
    Set<String> arts = new LinkedHashSet<>(s.diagnoses());
    if (arts.isEmpty() && !blank(t.title())) {
      arts.add(t.title().strip());
    }
    arts.forEach(articles::add);
    n.put("title", nz(t.title()).strip());
    n.put("sample_id", s.id());
    rp3dJson.get(split).add(n);
  }

  /**
   * Splits radmd's RP3D history ({@code presentation + " " + "Age: .. Gender: .."}) into RP3D's {@code pre}
   * (presentation) and {@code pat} (patient data); pat is empty when the history has no patient data.
   */
  static String[] splitHistory(String history) {
    String h = nz(history).strip();
    int cut = -1;
    for (String key : List.of("Age:", "Gender:")) {
      int i = h.indexOf(key);
      if (i >= 0 && (cut < 0 || i < cut)) {
        cut = i;
      }
    }
    if (cut < 0) {
      return new String[] {h, ""};
    }
    return new String[] {h.substring(0, cut).strip(), "Patient Data " + h.substring(cut).strip()};
  }

  private void caseReport(Sample s, String split) throws IOException {
    if (!tasks.contains("vqa")) {
      return;
    }
    CaseReportRow r = CaseReportRow.of(s);
    List<String> refs;
    try {
      refs = Csv.parsePythonList(r.imgRef());
    } catch (IllegalArgumentException e) {
      refs = List.of();
    }
    List<String> figs = new ArrayList<>();
    for (int k = 0; k < s.images().size(); k++) {
      ImageRef i = s.images().get(k);
      String fig = refs.size() == s.images().size() ? refs.get(k) : i.id();
      figs.add(fig);
      Links.materialize(dataRoot.resolve(i.path()), dir.resolve("figures").resolve(r.pmcId() + "_" + fig + ".jpg"));
    }
    List<String> v = new ArrayList<>(r.values());
    v.set(5, Csv.pythonList(figs));
    csv.get("filtered_case_report_" + split + ".csv").row(v);
  }

  private void paper(Sample s, String split) throws IOException {
    if (!tasks.contains("report") || s.images().isEmpty()) {
      return;
    }
    String name = paperName(s.caseId());
    Paper p = papers.computeIfAbsent(name, k -> new Paper());
    p.split = split;
    if (p.title == null && !blank(s.text().title())) {
      p.title = s.text().title().strip();
    }
    List<String> figs = new ArrayList<>();
    for (ImageRef i : s.images()) {
      String fig = Ids.safe(i.id());
      figs.add(fig);
      Links.materialize(dataRoot.resolve(i.path()), dir.resolve("figures").resolve(name + "_" + fig + ".jpg"));
    }
    List<String> cites = s.text().inline();
    if (cites.isEmpty()) {
      cites = blank(s.text().caption()) ? List.of() : List.of(s.text().caption());
    }
    for (String sentence : cites) {
      p.sentences.computeIfAbsent(sentence.strip(), k -> new LinkedHashSet<>()).addAll(figs);
    }
  }

  /** A paper's file stem: the case id made file-name safe, without dots (RadFM takes the name up to the first '.'). */
  static String paperName(String caseId) {
    return Ids.safe(caseId).replace('.', '_');
  }

  /** Sentences of a text: split after '.', '!' or '?' followed by white space. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    if (blank(text)) {
      return out;
    }
    for (String s : text.strip().split("(?<=[.!?])\\s+")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** Row counts by file name, after {@link #close}. */
  public Map<String, Long> rows() {
    return rows;
  }

  /**
   * Writes the paper files and the RP3D JSON and closes every file.
   *
   * @throws IOException if writing fails
   */
  @Override
  public void close() throws IOException {
    for (Map.Entry<String, Paper> e : papers.entrySet()) {
      Paper p = e.getValue();
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      if (p.title != null) {
        ObjectNode t = list.addObject();
        t.put("text", p.title + " ");
        t.putArray("img_ref");
      }
      for (Map.Entry<String, Set<String>> s : p.sentences.entrySet()) {
        ObjectNode o = list.addObject();
        o.put("text", s.getKey() + " ");
        ArrayNode refs = o.putArray("img_ref");
        s.getValue().forEach(refs::add);
      }
      String rel = "papers/" + e.getKey() + ".json";
      Files.createDirectories(dir.resolve("papers"));
      Files.writeString(dir.resolve(rel), Json.write(list) + "\n", StandardCharsets.UTF_8);
      csv.get("paper_" + p.split + ".csv").row(List.of(rel));
    }
    for (Map.Entry<String, List<ObjectNode>> e : rp3dJson.entrySet()) {
      String name = "radiology_article_npy_" + e.getKey() + ".json";
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
        w.write("[");
        for (int i = 0; i < e.getValue().size(); i++) {
          w.write(i == 0 ? "\n" : ",\n");
          w.write(Json.write(e.getValue().get(i)));
        }
        w.write(e.getValue().isEmpty() ? "]\n" : "\n]\n");
      }
      rows.put(name, (long) e.getValue().size());
    }
    for (Map.Entry<String, Csv.Writer> e : csv.entrySet()) {
      e.getValue().close();
      rows.put(e.getKey(), e.getValue().rows());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
