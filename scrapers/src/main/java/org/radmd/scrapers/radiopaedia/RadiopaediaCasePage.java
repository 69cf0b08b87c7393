package org.radmd.scrapers.radiopaedia;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.radmd.core.Json;

/**
 * Parses a Radiopaedia case page (HTML, {@code https://radiopaedia.org/cases/<slug>}) with jsoup into the facts
 * RP3D needs (radfm-spec §1.3 record keys: {@code link}, {@code title}, {@code pre}, {@code pat}, {@code
 * finding} per study, {@code case_discussion}, {@code articles}, {@code image_modality} and {@code
 * plane_projection} per series, image stacks), and writes them as the {@code case.json} that {@link
 * RadiopaediaCaseReader} reads, so that a harvested page and a scraped {@code case.json} give the same {@link
 * CaseRecord} and the same samples.
 *
 * <p>Markup read (the public case-page structure; absent parts are null or empty, never an error):
 *
 * <ul>
 *   <li>title (= diagnosis): {@code h1.header-title}, else {@code <title>} before the first {@code " | "};
 *   <li>presentation: {@code #case-patient-presentation} (or {@code .case-section.case-patient-presentation}),
 *       its text without the heading;
 *   <li>patient data: {@code .data-item} entries of {@code #case-patient-data}, label {@code .data-item-label}
 *       ("Age:") and the rest of the entry as value;
 *   <li>citation block: {@code .data-item} entries of {@code #citation-info} (labels "Citation:", "DOI:",
 *       "Permalink:", "rID:", "Published:", "Systems:", ...), as case.json's {@code "citation"} keys;
 *   <li>studies: {@code .case-section.case-study} in page order, numbered 0, 1, ... (the study folder N);
 *       findings {@code .study-findings}; study modality {@code .study-modality} or {@code data-modality};
 *   <li>series: {@code [data-series-name]} elements of a study (attributes {@code data-modality}, {@code
 *       data-plane}), image URLs from {@code data-image-urls} (whitespace separated), {@code a.image-stack-url}
 *       {@code href} or {@code img[data-src]}, in page order, resolved against the page URL;
 *   <li>case discussion: {@code #case-discussion}, its text without the heading; linked articles: the texts of
 *       its {@code a[href*=/articles/]} links.
 * </ul>
 *
 * <p>The rID comes from the citation's "rID", else "rID-n" in the DOI or citation, else {@code /cases/<digits>}
 * in the permalink or page URL, else {@code data-case-id} on the body. A page with neither a title nor a case
 * study is not a case page ({@link #REJECT_NOT_A_CASE}); a case page without an rID is {@link #REJECT_NO_RID}.
 *
 * <p>Text is whitespace-normalised (jsoup {@code text()}), paragraphs of a section joined by {@code "\n"}.
 * Thread-safe (stateless).
 */
public final class RadiopaediaCasePage {
  /** Reject reason: the HTML has no case title and no case study. */
  public static final String REJECT_NOT_A_CASE = "not-a-case-page";
  /** Reject reason: a case page without any rID. */
  public static final String REJECT_NO_RID = "no-rid";

  private static final Pattern RID = Pattern.compile("rID-?:?\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CASES_ID = Pattern.compile("/cases/(\\d+)(?:[/?#]|$)");

  /**
   * One series of a study.
   *
   * @param name the series name as shown ("Axial T1 C+")
   * @param folder the series folder name: lower case, runs of spaces as {@code -} ("axial-t1-c+")
   * @param modality the series' modality label (e.g. "MRI"), or the study's, or null
   * @param plane the plane label ("Axial"), or null
   * @param imageUrls the stack's image URLs in slice order (absolute)
   */
  public record Series(String name, String folder, String modality, String plane, List<URI> imageUrls) {
    public Series {
      imageUrls = List.copyOf(imageUrls);
    }
  }

  /**
   * One case study (a {@code containers} entry of case.json).
   *
   * @param number the study folder number N (page order from 0)
   * @param modality the study's modality label, or null
   * @param findings the study findings, or null
   * @param series the study's image stacks
   */
  public record Study(int number, String modality, String findings, List<Series> series) {
    public Study {
      series = List.copyOf(series);
    }
  }

  /**
   * A parsed case page.
   *
   * @param rid the rID (digits)
   * @param url the page URL
   * @param title the case title (= diagnosis), or null
   * @param citation the citation block, label without colon, lower case with {@code -} for spaces -> value
   * @param presentation the presentation, or null
   * @param patientData patient data label -> value, in page order
   * @param studies the studies in page order
   * @param discussion the case discussion, or null
   * @param articles titles of Radiopaedia articles linked from the discussion
   */
  public record Page(String rid, URI url, String title, Map<String, String> citation, String presentation,
      Map<String, String> patientData, List<Study> studies, String discussion, List<String> articles) {
    public Page {
      citation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(citation));
      patientData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(patientData));
      studies = List.copyOf(studies);
      articles = List.copyOf(articles);
    }

    /** The folder name for this case, {@code rID-<rid>_<slug of title>}. */
    public String folderName() {
      String slug = title == null ? "case" : slug(title);
      return "rID-" + rid + "_" + (slug.isEmpty() ? "case" : slug);
    }

    /**
     * The {@code case.json} object (the layout {@link RadiopaediaCaseReader} reads): {@code "citation"} with the
     * scraper's {@code "<key>:"} names (citation, doi, permalink, rid, published, systems), {@code "title"},
     * {@code "case_data"} ({@code presentation}, {@code patient_data}, {@code discussion}, {@code articles}) and
     * {@code "containers"} {@code "<slug>-N"} -> {@code findings}, {@code modality}, {@code series}.
     */
    public ObjectNode toCaseJson() {
      ObjectNode root = Json.mapper().createObjectNode();
      ObjectNode cit = root.putObject("citation");
      citation.forEach((k, v) -> cit.put(k + ":", v));
      if (!citation.containsKey("rid")) {
        cit.put("rid:", rid);
      }
      if (!citation.containsKey("permalink") && url != null) {
        cit.put("permalink:", url.toString());
      }
      if (title != null) {
        root.put("title", title);
      }
      ObjectNode data = root.putObject("case_data");
      if (presentation != null) {
        data.put("presentation", presentation);
      }
      if (!patientData.isEmpty()) {
        ObjectNode pat = data.putObject("patient_data");
        patientData.forEach(pat::put);
      }
      if (discussion != null) {
        data.put("discussion", discussion);
      }
      if (!articles.isEmpty()) {
        articles.forEach(data.putArray("articles")::add);
      }
      ObjectNode containers = root.putObject("containers");
      String slug = title == null ? "case" : slug(title);
      for (Study s : studies) {
        ObjectNode c = containers.putObject(slug + "-" + s.number());
        if (s.findings() != null) {
          c.put("findings", s.findings());
        }
        if (s.modality() != null) {
          c.put("modality", s.modality());
        }
        var series = c.putArray("series");
        for (Series se : s.series()) {
          ObjectNode o = series.addObject().put("name", se.name()).put("folder", se.folder());
          if (se.modality() != null) {
            o.put("modality", se.modality());
          }
          if (se.plane() != null) {
            o.put("plane", se.plane());
          }
          se.imageUrls().forEach(u -> o.withArray("images").add(u.toString()));
        }
      }
      return root;
    }

    /** The {@link CaseRecord} of this page, as {@link RadiopaediaCaseReader} builds it from {@link #toCaseJson}. */
    CaseRecord caseRecord() {
      return CaseRecord.of(toCaseJson(), Path.of(folderName(), "case.json"));
    }
  }

  /** The outcome of parsing: a page, or a reject reason and message. */
  public record Result(Page page, String rejectReason, String message) {
    /** True when a page was parsed. */
    public boolean ok() {
      return page != null;
    }
  }

  private RadiopaediaCasePage() {}

  /**
   * Parses {@code html} fetched from {@code pageUrl}.
   *
   * @param html the page
   * @param pageUrl its address (base for relative links; may be null)
   * @return the page, or a reject ({@link #REJECT_NOT_A_CASE}, {@link #REJECT_NO_RID}); never throws for bad HTML
   */
  public static Result parse(String html, URI pageUrl) {
    Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl.toString());
    String title = text(doc.selectFirst("h1.header-title"));
    if (title == null) {
      String t = doc.title();
      title = t == null || t.isBlank() || !t.contains(" | ") ? null : t.substring(0, t.indexOf(" | ")).strip();
    }
    Elements studyEls = doc.select(".case-section.case-study");
    if (doc.selectFirst("h1.header-title") == null && studyEls.isEmpty()) {
      return new Result(null, REJECT_NOT_A_CASE, "no h1.header-title and no .case-study in " + pageUrl);
    }
    Map<String, String> citation = new LinkedHashMap<>();
    dataItems(first(doc, "#citation-info", ".citation-info")).forEach((k, v) -> citation.put(key(k), v));
    Map<String, String> patient = dataItems(first(doc, "#case-patient-data", ".case-section.case-patient-data"));
    String presentation = sectionText(first(doc, "#case-patient-presentation",
        ".case-section.case-patient-presentation"));
    List<Study> studies = new ArrayList<>();
    for (Element s : studyEls) {
      String modality = text(s.selectFirst(".study-modality"));
      if (modality == null) {
        modality = blankToNull(s.attr("data-modality"));
      }
      String findings = sectionText(s.selectFirst(".study-findings"));
      List<Series> series = new ArrayList<>();
      for (Element se : s.select("[data-series-name]")) {
        String name = se.attr("data-series-name").strip();
        if (name.isEmpty()) {
          continue;
        }
        String m = blankToNull(se.attr("data-modality"));
        series.add(new Series(name, slug(name), m != null ? m : modality, blankToNull(se.attr("data-plane")),
            imageUrls(se)));
      }
      studies.add(new Study(studies.size(), modality, findings, series));
    }
    Element disc = first(doc, "#case-discussion", ".case-section.case-discussion");
    String discussion = sectionText(disc);
    List<String> articles = new ArrayList<>();
    if (disc != null) {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (Element a : disc.select("a[href*=/articles/]")) {
        String t = text(a);
        if (t != null) {
          seen.add(t);
        }
      }
      articles.addAll(seen);
    }
    String rid = rid(citation, pageUrl, doc);
    if (rid == null) {
      return new Result(null, REJECT_NO_RID, "case page " + pageUrl + " has no rID (citation, DOI, permalink, URL)");
    }
    return new Result(new Page(rid, pageUrl, title, citation, presentation, patient, studies, discussion, articles),
        null, null);
  }

  /** {@code "Axial T1 C+"} -> {@code "axial-t1-c+"}: lower case, whitespace runs and {@code /} as {@code -}. */
  static String slug(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s/\\\\]+", "-").replaceAll("^[.-]+", "");
  }

  private static List<URI> imageUrls(Element series) {
    List<String> raw = new ArrayList<>();
    String listed = series.attr("data-image-urls");
    if (!listed.isBlank()) {
      raw.addAll(List.of(listed.strip().split("\\s+")));
    }
    series.select("a.image-stack-url[href]").forEach(a -> raw.add(a.absUrl("href")));
    series.select("img[data-src]").forEach(i -> raw.add(i.absUrl("data-src")));
    List<URI> out = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String r : raw) {
      if (r == null || r.isBlank() || !seen.add(r)) {
        continue;
      }
      try {
        URI u = URI.create(r.strip());
        String base = series.baseUri();
        out.add(u.isAbsolute() || base.isEmpty() ? u : URI.create(base).resolve(u));
      } catch (IllegalArgumentException e) {
        // an unusable link is skipped
      }
    }
    return out;
  }

  private static String rid(Map<String, String> citation, URI pageUrl, Document doc) {
    String r = citation.get("rid");
    if (r != null && r.strip().matches("\\d+")) {
      return r.strip();
    }
    for (String k : new String[] {"doi", "citation"}) {
      Matcher m = citation.get(k) == null ? null : RID.matcher(citation.get(k));
      if (m != null && m.find()) {
        return m.group(1);
      }
    }
    for (String s : new String[] {citation.get("permalink"), pageUrl == null ? null : pageUrl.toString()}) {
      Matcher m = s == null ? null : CASES_ID.matcher(s);
      if (m != null && m.find()) {
        return m.group(1);
      }
    }
    String attr = doc.body() == null ? "" : doc.body().attr("data-case-id").strip();
    return attr.matches("\\d+") ? attr : null;
  }

  /** Label -> value of the {@code .data-item} entries below {@code section}, in order. */
  private static Map<String, String> dataItems(Element section) {
    Map<String, String> out = new LinkedHashMap<>();
    if (section == null) {
      return out;
    }
    for (Element item : section.select(".data-item")) {
      Element label = item.selectFirst(".data-item-label");
      if (label == null) {
        continue;
      }
      String k = label.text().strip().replaceFirst(":$", "").strip();
      Element copy = item.clone();
      Element l2 = copy.selectFirst(".data-item-label");
      if (l2 != null) {
        l2.remove();
      }
      String v = copy.text().strip();
      if (!k.isEmpty() && !v.isEmpty()) {
        out.putIfAbsent(k, v);
      }
    }
    return out;
  }

  /** The text of a section without its headings: paragraphs (or the whole body) joined by newlines; or null. */
  private static String sectionText(Element section) {
    if (section == null) {
      return null;
    }
    Element copy = section.clone();
    copy.select("h1, h2, h3, h4, .section-title, script, style").remove();
    Elements paras = copy.select("p, li");
    String t;
    if (paras.isEmpty()) {
      t = copy.text();
    } else {
      List<String> parts = new ArrayList<>();
      for (Element p : paras) {
        String s = p.text().strip();
        if (!s.isEmpty()) {
          parts.add(s);
        }
      }
      t = String.join("\n", parts);
    }
    return blankToNull(t);
  }

  private static Element first(Document doc, String... selectors) {
    for (String s : selectors) {
      Element e = doc.selectFirst(s);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private static String key(String label) {
    return label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
  }

  private static String text(Element e) {
    return e == null ? null : blankToNull(e.text());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
