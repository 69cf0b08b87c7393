package org.radmd.scrapers.radiopaedia;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.scrapers.support.JsonLines;

/**
 * The fields of a scraped {@code case.json} that RP3D samples use. Immutable; built by {@link #of}.
 *
 * @param rid the Radiopaedia case id (digits)
 * @param title the case title (= diagnosis), or null
 * @param author the citation's author in reading order ("A. Neto"), or null
 * @param doi the DOI without resolver prefix, or null
 * @param permalink the case URL, or null
 * @param systems the citation's "systems", or null
 * @param published the citation's "published" date as written, or null
 * @param history presentation and patient data ({@link #history(JsonNode)}), or null
 * @param discussion the case discussion ({@code case_data.discussion}, written by {@link RadiopaediaCasePage}), or
 *     null
 * @param articles titles of linked Radiopaedia articles ({@code case_data.articles}; radfm-spec §1.3 {@code
 *     articles[]}), possibly empty
 * @param studies the containers, by study number
 */
record CaseRecord(String rid, String title, String author, String doi, String permalink, String systems,
    String published, String history, String discussion, List<String> articles, List<Study> studies) {

  /**
   * One {@code containers} entry.
   *
   * @param number N of {@code "<slug>-N"} (the study folder name); the entry's position when the key has no
   *     trailing number
   * @param key the container key
   * @param findings the container's findings, or null
   * @param modality the study's modality label ("MRI", "CT"; {@link RadiopaediaCasePage}), or null
   * @param series series facts by series folder name ({@code series[].folder}), possibly empty
   */
  record Study(int number, String key, String findings, String modality, Map<String, SeriesInfo> series) {}

  /**
   * What a case page says about one series.
   *
   * @param modality the modality label ("MRI"), or null
   * @param plane the plane ("Axial"), or null
   */
  record SeriesInfo(String modality, String plane) {}

  private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d{1,8})$");
  private static final Pattern RID = Pattern.compile("rID-(\\d+)");
  private static final Pattern PERMALINK_ID = Pattern.compile("/cases/(\\d+)");
  private static final Pattern AGE_YEARS = Pattern.compile("^\\s*(\\d{1,3})\\s*years?\\b.*", Pattern.DOTALL);

  /**
   * Reads {@code root} (a case.json object with "citation" and "containers" objects) of the file {@code file}.
   * Null when no rID can be found in the citation's "rid", "rID-n" in its doi or citation text or in the
   * case folder name, or its permalink.
   */
  static CaseRecord of(JsonNode root, Path file) {
    JsonNode citation = root.get("citation");
    String rid = rid(citation, file);
    if (rid == null) {
      return null;
    }
    RadiopaediaCitation cite = RadiopaediaCitation.parse(field(citation, "citation"));
    String title = cite.title() != null ? cite.title() : JsonLines.text(root, "title");
    String doi = field(citation, "doi");
    doi = doi == null ? null : doi.replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:)", "").strip();
    JsonNode data = root.get("case_data");
    List<String> articles = new ArrayList<>();
    JsonNode arts = data == null ? null : data.get("articles");
    if (arts != null && arts.isArray()) {
      arts.forEach(a -> {
        if (a.isTextual() && !a.asText().isBlank()) {
          articles.add(a.asText().strip());
        }
      });
    }
    return new CaseRecord(rid, title, cite.authorForAttribution(), doi, field(citation, "permalink"),
        field(citation, "systems"), field(citation, "published"), history(data), JsonLines.text(data, "discussion"),
        List.copyOf(articles), studies(root.get("containers")));
  }

  /** Presentation, then the patient data as "Key: value" pairs, joined by single spaces; null if neither. */
  static String history(JsonNode caseData) {
    List<String> parts = new ArrayList<>();
    String presentation = JsonLines.text(caseData, "presentation");
    if (presentation != null) {
      parts.add(presentation.strip());
    }
    JsonNode pat = caseData == null ? null : caseData.get("patient_data");
    if (pat != null && pat.isObject()) {
      for (Map.Entry<String, JsonNode> e : pat.properties()) {
        String v = JsonLines.text(pat, e.getKey());
        if (v != null) {
          parts.add(e.getKey() + ": " + (e.getKey().equalsIgnoreCase("age") ? safeHarborAge(v) : v.strip()));
        }
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** "90+ years" for an age in years of 90 or more (HIPAA Safe Harbor); other values stripped, unchanged. */
  static String safeHarborAge(String age) {
    Matcher m = AGE_YEARS.matcher(age);
    return m.matches() && Integer.parseInt(m.group(1)) >= 90 ? "90+ years" : age.strip();
  }

  private static List<Study> studies(JsonNode containers) {
    List<Study> out = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, JsonNode> e : containers.properties()) {
      Matcher m = TRAILING_NUMBER.matcher(e.getKey());
      int n = m.find() ? Integer.parseInt(m.group(1)) : index;
      Map<String, SeriesInfo> series = new LinkedHashMap<>();
      JsonNode list = e.getValue().get("series");
      if (list != null && list.isArray()) {
        for (JsonNode s : list) {
          String folder = JsonLines.text(s, "folder");
          if (folder != null) {
            series.putIfAbsent(folder, new SeriesInfo(JsonLines.text(s, "modality"), JsonLines.text(s, "plane")));
          }
        }
      }
      out.add(new Study(n, e.getKey(), JsonLines.text(e.getValue(), "findings"),
          JsonLines.text(e.getValue(), "modality"), Map.copyOf(series)));
      index++;
    }
    out.sort(Comparator.comparingInt(Study::number).thenComparing(Study::key));
    return List.copyOf(out);
  }

  private static String rid(JsonNode citation, Path file) {
    String rid = field(citation, "rid");
    if (rid != null && rid.matches("\\d+")) {
      return rid;
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    List<String> places = new ArrayList<>();
    places.add(field(citation, "doi"));
    places.add(field(citation, "citation"));
    places.add(folder == null || folder.getFileName() == null ? null : folder.getFileName().toString());
    for (String s : places) {
      Matcher m = s == null ? null : RID.matcher(s);
      if (m != null && m.find()) {
        return m.group(1);
      }
    }
    String permalink = field(citation, "permalink");
    Matcher m = permalink == null ? null : PERMALINK_ID.matcher(permalink);
    return m != null && m.find() ? m.group(1) : null;
  }

  /** A citation field, written with a trailing colon at the origin ("rid:") or without; stripped, or null. */
  private static String field(JsonNode citation, String name) {
    String v = JsonLines.text(citation, name + ":");
    if (v == null) {
      v = JsonLines.text(citation, name);
    }
    return v == null ? null : v.strip();
  }
}
