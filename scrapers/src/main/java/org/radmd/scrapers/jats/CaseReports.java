package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.radmd.core.Ids;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.ReadResult;
import org.w3c.dom.Element;

/**
 * PMC-CaseReport question/answer samples (radfm-spec §1.2) from a JATS article that presents a case: its
 * {@code article-type} is {@code case-report}, or its body has a case presentation section ({@link
 * CaseSections}). RadFM generated its questions with an LLM; here they come from fixed templates over the
 * article's own text, so every answer is a span the authors wrote.
 *
 * <p><b>Context</b> (text.history, the CSV {@code context}): the case presentation section's text; else the
 * abstract. <b>Radiology figures</b>: figures whose caption names an imaging modality ({@link
 * CaptionModalities}); others are {@code figure-not-radiology} rejects. <b>Templates</b>, per radiology figure
 * with an image file ({@code <label>} = the figure label, else "Figure n"; {@code <noun>} = "CT image", "MR image",
 * "radiograph", ... for a single named modality, else "image"):
 *
 * <ol>
 *   <li>{@code caption}: Q "What does the {@code <noun>} in {@code <label>} show?" A = the caption;
 *   <li>{@code modality}: Q "Which imaging modality was used for {@code <label>}?" A = the named modalities'
 *       names with their DICOM codes, e.g. "Computed tomography (CT)", joined with " and ";
 *   <li>{@code inline} (when the body cites the figure): Q "What did the {@code <noun>} in {@code <label>}
 *       reveal in this case?" A = the citing sentences joined by spaces;
 * </ol>
 *
 * <p>and once per article whose {@code article-type} is {@code case-report} and that has at least one radiology
 * figure with an image: {@code diagnosis}: Q "Based on the case presentation and the images, what is the
 * diagnosis?" A = the article title (case-report titles name the condition; an approximation, flagged by the
 * template name).
 *
 * <p>Sample: id {@code Ids.sampleId(PMC_CASE_REPORT, pmcid, figId, template)} (diagnosis: {@code (pmcid,
 * "diagnosis")}), caseId = PMCID; text: title, history = context, question, answer, caption (per-figure items),
 * inline = the figures' citing sentences. Images: the figure's image(s) (diagnosis: every radiology figure's),
 * text field QUESTION at the end of the question (RadFM places images after the question or the context). The
 * sample's modalities are the figures' caption modalities; an image's modality is set when its caption names
 * exactly one. Attributes: {@code qa-template}, {@code img-ref} (Python list literal of figure ids), {@code
 * label}, and the article attributes of PMC-Inline samples. Licence and provenance as the article's PMC-Inline
 * samples. {@link CaseReportRow#of} gives the CSV row.
 *
 * <p>A case-report article therefore yields both its PMC-Inline figure samples and these samples, as RadFM's
 * PMC-CaseReport is a subset of PMC-Inline's papers; the two never share text (these carry question, answer and
 * context), so exact dedup keeps both.
 *
 * <p>Rejects (stage PARSE, source "PMC-CaseReport"): {@code figure-not-radiology}, {@code image-missing} (a
 * radiology figure without image file; the PMC-Inline reader reports it too, for its own sample), {@code
 * case-context-missing} (radiology figures but neither a case section nor an abstract; without context no
 * figure is examined further, and an article without context or radiology figures yields nothing). Stateless
 * and thread-safe.
 */
final class CaseReports {
  static final String IMG_REF = "img-ref";
  static final String TEMPLATE = "qa-template";
  private static final SourceDataset SOURCE = SourceDataset.PMC_CASE_REPORT;

  private CaseReports() {}

  /** Whether {@code article} presents a case (see the class comment). */
  static boolean presentsCase(JatsArticle a, Element article) {
    return "case-report".equals(a.articleType()) || CaseSections.find(article) != null;
  }

  /**
   * The case-report samples and rejects of one article.
   *
   * @param images the PMC-Inline images of each figure that has image files, by figure id
   */
  static ReadResult build(Element article, JatsArticle a, String pmcid, Map<String, List<ImageRef>> images,
      String origin) {
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    String context = CaseSections.text(CaseSections.find(article));
    if (context == null) {
      context = CaseSections.abstractText(article);
    }
    if (context == null) {
      if (a.figures().stream().anyMatch(f -> !CaptionModalities.of(f.caption()).isEmpty())) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "case-context-missing", pmcid + " (" + origin
            + ") presents a case with radiology figures but has neither a case presentation section nor an "
            + "abstract", origin, null));
      }
      return new ReadResult(samples, rejects);
    }
    List<JatsFigure> radiology = new ArrayList<>();
    for (int i = 0; i < a.figures().size(); i++) {
      JatsFigure f = a.figures().get(i);
      List<Modality> mods = CaptionModalities.of(f.caption());
      String itemId = Ids.sampleId(SOURCE, pmcid, f.id());
      if (mods.isEmpty()) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "figure-not-radiology", "figure " + f.id() + " of "
            + pmcid + " (" + origin + "): its caption names no imaging modality", origin, itemId));
      } else if (!images.containsKey(f.id())) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "image-missing", "figure " + f.id() + " of "
            + pmcid + " (" + origin + ") has no image file, so no question can show it", origin, itemId));
      } else {
        radiology.add(f);
        String label = f.label() != null ? f.label() : "Figure " + (i + 1);
        String noun = CaptionModalities.noun(mods);
        Item base = new Item(a, pmcid, context, List.of(f), images, origin);
        if (f.caption() != null) {
          samples.add(base.sample("caption", "What does the " + noun + " in " + label + " show?", f.caption()));
        }
        samples.add(base.sample("modality", "Which imaging modality was used for " + label + "?",
            modalityAnswer(mods)));
        if (!f.citingSentences().isEmpty()) {
          samples.add(base.sample("inline", "What did the " + noun + " in " + label + " reveal in this case?",
              String.join(" ", f.citingSentences())));
        }
      }
    }
    if ("case-report".equals(a.articleType()) && !radiology.isEmpty() && a.title() != null) {
      samples.add(new Item(a, pmcid, context, radiology, images, origin).sample("diagnosis",
          "Based on the case presentation and the images, what is the diagnosis?", a.title()));
    }
    return new ReadResult(samples, rejects);
  }

  private static String modalityAnswer(List<Modality> mods) {
    List<String> parts = new ArrayList<>();
    for (Modality m : mods) {
      parts.add(m.description() + " (" + m.name() + ")");
    }
    return String.join(" and ", parts);
  }

  /** The shared parts of the items about one figure (or, for the diagnosis, several). */
  private record Item(JatsArticle a, String pmcid, String context, List<JatsFigure> figures,
      Map<String, List<ImageRef>> images, String origin) {

    Sample sample(String template, String question, String answer) {
      String id = figures.size() == 1 && !template.equals("diagnosis")
          ? Ids.sampleId(SOURCE, pmcid, figures.get(0).id(), template) : Ids.sampleId(SOURCE, pmcid, template);
      List<ImageRef> refs = new ArrayList<>();
      LinkedHashSet<Modality> modalities = new LinkedHashSet<>();
      LinkedHashSet<String> inline = new LinkedHashSet<>();
      List<String> figIds = new ArrayList<>();
      for (JatsFigure f : figures) {
        List<Modality> mods = CaptionModalities.of(f.caption());
        modalities.addAll(mods);
        inline.addAll(f.citingSentences());
        figIds.add(f.id());
        for (ImageRef r : images.get(f.id())) {
          refs.add(new ImageRef(r.id(), r.kind(), r.path(), r.sourceFiles(), r.shape(), TextField.QUESTION,
              question.length(), mods.size() == 1 ? mods.get(0) : null, null, null, r.caption(), r.pixelHash()));
        }
      }
      SampleText text = SampleText.builder().title(a.title()).history(context).question(question).answer(answer)
          .caption(figures.size() == 1 ? figures.get(0).caption() : null).inline(List.copyOf(inline)).build();
      Map<String, String> attrs = new LinkedHashMap<>(ArticleAttributes.of(a,
          figures.size() == 1 ? figures.get(0).label() : null));
      attrs.put(TEMPLATE, template);
      attrs.put(IMG_REF, CaseReportRow.pythonList(figIds));
      Provenance prov = new Provenance(origin, pmcid, a.doi(), a.pmid(),
          "https://www.ncbi.nlm.nih.gov/pmc/articles/" + pmcid + "/", JatsArticleReader.PARSER);
      return new Sample(id, SOURCE, pmcid, text, refs, List.copyOf(modalities), null, List.of(), a.licence(), prov,
          attrs, Map.of());
    }
  }
}
