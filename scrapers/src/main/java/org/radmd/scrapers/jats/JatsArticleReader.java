package org.radmd.scrapers.jats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.support.Origins;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads PubMed Central / Europe PMC JATS articles ({@code *.nxml}, {@code *.xml} whose root is {@code
 * article}, or an {@code articles} / {@code pmc-articleset} wrapper of articles) into PMC-Inline samples
 * ({@link SourceDataset#PMC_INLINE}, radfm-spec §1.1): one sample per {@code <fig>} (figures inside a
 * {@code <fig-group>} included).
 *
 * <p>Sample: id {@code Ids.sampleId(PMC_INLINE, "PMC<digits>", figId)}, caseId {@code "PMC<digits>"};
 * text.title = article title, text.caption = all caption text (whitespace collapsed), text.inline = citing
 * body sentences ({@link JatsArticleParser}, {@code FigureCitations}). One {@link ImageRef} per graphic
 * (id = fig id; a second graphic of the same figure gets {@code "<figId>-2"}, ...), {@link ImageKind#IMAGE_2D},
 * unresolved, path = absolute image file ({@link FigureImages}); text field {@link TextField#INLINE} with
 * position = offset of the first citing xref's text in {@code String.join(" ", inline)}, or {@link
 * TextField#CAPTION} / 0 when no sentence cites the figure. Attributes: label, journal, journal-nlm-ta,
 * article-type, year, subjects and keywords (each joined with "; "), when present.
 *
 * <p>Rejects (stage PARSE, source "PMC-Inline"): {@code xml-malformed} (message with the parser's line and
 * column; the whole file), {@code io-error}, {@code no-article} (the root holds no article),
 * {@code pmcid-missing} (no PMC id in the XML nor the file name), {@code no-graphic} (a figure without
 * {@code <graphic>}), {@code image-missing} (one per graphic whose file does not exist; the figure is
 * dropped when none of its graphics exists), {@code figure-duplicate} (a second figure with the same id),
 * {@code xml-unexpected} (an article the parser could not walk; not expected for well-formed XML).
 *
 * <p>Articles that present a case ({@code article-type="case-report"} or a case presentation section) also yield
 * PMC-CaseReport question/answer samples ({@link SourceDataset#PMC_CASE_REPORT}, radfm-spec §1.2), after the
 * article's PMC-Inline samples; see {@code CaseReports} for the templates, ids and rejects (source
 * "PMC-CaseReport") and {@link CaseReportRow} for the CSV columns.
 *
 * <p>Stateless, thread-safe and serializable.
 */
public final class JatsArticleReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  /** The parser name recorded in {@link Provenance#parser()}. */
  public static final String PARSER = "JatsArticleReader";
  private static final Set<String> ROOTS = Set.of("article", "articles", "pmc-articleset");
  private static final SourceDataset SOURCE = SourceDataset.PMC_INLINE;
  private static final Pattern PMCID_FILE_NAME = Pattern.compile("(?i)^(PMC\\d+)\\b");

  @Override
  public String name() {
    return "jats";
  }

  @Override
  public boolean accepts(Path file) {
    Path fn = file.getFileName();
    if (fn == null) {
      return false;
    }
    String n = fn.toString().toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".nxml") || n.endsWith(".xml")) || !Files.isRegularFile(file)) {
      return false;
    }
    return SecureXml.sniffRootElement(file).filter(ROOTS::contains).isPresent();
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    String origin = Origins.relative(file, inputRoot);
    Document doc;
    try {
      doc = SecureXml.parse(file);
    } catch (SAXParseException e) {
      return reject("xml-malformed", String.format(Locale.ROOT, "malformed XML in %s at line %d, column %d: %s",
          origin, e.getLineNumber(), e.getColumnNumber(), e.getMessage()), origin, null);
    } catch (SAXException e) {
      return reject("xml-malformed", "malformed XML in " + origin + ": " + e.getMessage(), origin, null);
    } catch (IOException | RuntimeException e) {
      return reject("io-error", "cannot read " + origin + ": " + e, origin, null);
    }
    List<Element> articles = JatsArticleParser.articles(doc);
    if (articles.isEmpty()) {
      return reject("no-article", "no <article> element in " + origin, origin, null);
    }
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Path folder = file.toAbsolutePath().normalize().getParent();
    for (Element el : articles) {
      JatsArticle article;
      try {
        article = JatsArticleParser.parse(el);
      } catch (RuntimeException e) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "xml-unexpected",
            "an article in " + origin + " could not be read: " + e, origin, null));
        continue;
      }
      String pmcid = article.pmcid() != null ? article.pmcid() : pmcidFromFileName(file);
      if (pmcid == null) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "pmcid-missing",
            "article \"" + article.title() + "\" in " + origin + " has no PMC id (article-id pub-id-type "
                + "pmc/pmcid) and the file name names none", origin, null));
        continue;
      }
      Map<String, List<ImageRef>> figureImages = new LinkedHashMap<>();
      for (JatsFigure fig : article.figures()) {
        String id = Ids.sampleId(SOURCE, pmcid, fig.id());
        if (!seen.add(id)) {
          rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "figure-duplicate",
              "figure id " + fig.id() + " occurs more than once in " + pmcid + " (" + origin + ")", origin, id));
          continue;
        }
        List<ImageRef> images = images(fig, folder, pmcid, origin, id, inputRoot, rejects);
        if (!images.isEmpty()) {
          samples.add(sample(article, pmcid, fig, id, images, origin));
          figureImages.put(fig.id(), images);
        }
      }
      if (CaseReports.presentsCase(article, el)) {
        ReadResult cases = CaseReports.build(el, article, pmcid, figureImages, origin);
        samples.addAll(cases.samples());
        rejects.addAll(cases.rejects());
      }
    }
    return new ReadResult(samples, rejects);
  }

  private List<ImageRef> images(JatsFigure fig, Path folder, String pmcid, String origin, String sampleId,
      Path inputRoot, List<Reject> rejects) {
    List<ImageRef> out = new ArrayList<>();
    if (fig.graphicHrefs().isEmpty()) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "no-graphic",
          "figure " + fig.id() + " of " + pmcid + " (" + origin + ") has no <graphic>", origin, sampleId));
      return out;
    }
    boolean inline = !fig.citingSentences().isEmpty();
    for (int i = 0; i < fig.graphicHrefs().size(); i++) {
      String href = fig.graphicHrefs().get(i);
      Optional<Path> file = FigureImages.resolve(folder, href);
      if (file.isEmpty()) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "image-missing",
            "figure " + fig.id() + " of " + pmcid + " (" + origin + "): no image file for graphic xlink:href=\""
                + href + "\" in the article's folder (tried the href + " + String.join(", ", FigureImages.EXTENSIONS)
                + " and the href as written)", origin, sampleId));
        continue;
      }
      String imageId = i == 0 ? fig.id() : fig.id() + "-" + (i + 1);
      out.add(ImageRef.unresolved(imageId, ImageKind.IMAGE_2D, file.get().toString(),
          List.of(Origins.relative(file.get(), inputRoot)), inline ? TextField.INLINE : TextField.CAPTION,
          inline ? fig.firstCitationOffset() : 0, null, null, null, fig.caption()));
    }
    return out;
  }

  private static Sample sample(JatsArticle a, String pmcid, JatsFigure fig, String id, List<ImageRef> images,
      String origin) {
    SampleText text = SampleText.builder().title(a.title()).caption(fig.caption())
        .inline(fig.citingSentences()).build();
    Map<String, String> attrs = ArticleAttributes.of(a, fig.label());
    Provenance prov = new Provenance(origin, pmcid, a.doi(), a.pmid(),
        "https://www.ncbi.nlm.nih.gov/pmc/articles/" + pmcid + "/", PARSER);
    return new Sample(id, SOURCE, pmcid, text, images, List.of(), null, List.of(), a.licence(), prov, attrs,
        Map.of());
  }

  private static String pmcidFromFileName(Path file) {
    Path fn = file.getFileName();
    if (fn == null) {
      return null;
    }
    Matcher m = PMCID_FILE_NAME.matcher(fn.toString());
    return m.find() ? JatsArticleParser.normalizePmcid(m.group(1)) : null;
  }

  private static ReadResult reject(String reason, String message, String origin, String itemId) {
    return ReadResult.rejected(new Reject(SOURCE.displayName(), Stage.PARSE, reason, message, origin, itemId));
  }
}
