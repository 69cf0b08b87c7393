package org.radmd.scrapers.medpix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.radmd.core.Json;

/**
 * Parses a MedPix case page (HTML) with jsoup into the MedPix 2.0 record types that {@link MedPixReader} reads: one
 * {@code data*.jsonl} case line ({@code U_id}, {@code Case}, {@code Topic}, {@code TAC}, {@code MRI}) and one
 * {@code descriptions*.jsonl} line per image ({@code image}, {@code U_id}, {@code Type}, {@code Description}
 * with {@code Modality}, {@code Plane}, {@code Caption}, {@code Location}, {@code Location Category}).
 *
 * <p>Markup read (label/value pairs; absent parts are left out, never an error):
 *
 * <ul>
 *   <li>case fields: label/value pairs inside {@code #case} (or {@code .case-data}), images and topic
 *       excluded; labels are MedPix's field
 *       names ("Title", "History", "Exam", "Findings", "Differential Diagnosis", "Case Diagnosis", "Diagnosis
 *       By", "Treatment & Follow Up", "Discussion"); the title falls back to {@code h1};
 *   <li>topic fields: pairs inside {@code #topic} ("Title", "ACR Code", "Category", "Disease Discussion");
 *   <li>images: each {@code .case-image} ({@code data-image-id} = the image name, e.g. {@code
 *       MPX1009_synpic46283}; else the {@code synpic} number of its link), its pairs ("Type", "Modality",
 *       "Plane", "Caption", "Location", "Location Category"), its URL from {@code img[data-full]}, {@code
 *       a.full-image[href]} or {@code img[src]};
 *   <li>a label/value pair is {@code dt}+{@code dd}, or {@code .field-label}+{@code .field-value} in a {@code
 *       .field}.
 * </ul>
 *
 * <p>The case id {@code U_id} is {@code data-uid} of {@code #case}, else the {@code id=MPXnnn} query parameter
 * of the page URL, else {@code MPXnnn} in the image names. Images are listed in {@code TAC} when their type is
 * CT and in {@code MRI} otherwise when MR; other types (XR, US, ...) go into {@code TAC} so that the MedPix 2.0
 * reader sees them, with their own {@code Type} in the description (the reader takes the modality from {@code
 * Type}). Age and sex are never read from the page. Rejects: {@link #REJECT_NOT_A_CASE} (no case section and no
 * image), {@link #REJECT_NO_UID}. Thread-safe (stateless).
 */
public final class MedPixCasePage {
  /** Reject reason: the HTML has no case fields and no case image. */
  public static final String REJECT_NOT_A_CASE = "not-a-case-page";
  /** Reject reason: no {@code U_id} could be found. */
  public static final String REJECT_NO_UID = "no-uid";

  private static final Pattern UID = Pattern.compile("(MPX\\d+)");
  private static final Pattern SYNPIC = Pattern.compile("synpic(\\d+)", Pattern.CASE_INSENSITIVE);

  /**
   * One image of the case.
   *
   * @param name the MedPix image name ({@code MPXnnn_synpicNNN})
   * @param url the full-size image address, or null
   * @param fields the image's label/value pairs in page order
   */
  public record Image(String name, URI url, Map<String, String> fields) {
    public Image {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /**
   * A parsed case page.
   *
   * @param uid the case id ({@code MPXnnn})
   * @param url the page URL, or null
   * @param caseFields the Case label/value pairs in page order
   * @param topicFields the Topic label/value pairs in page order
   * @param images the images in page order
   */
  public record Page(String uid, URI url, Map<String, String> caseFields, Map<String, String> topicFields,
      List<Image> images) {
    public Page {
      caseFields = Collections.unmodifiableMap(new LinkedHashMap<>(caseFields));
      topicFields = Collections.unmodifiableMap(new LinkedHashMap<>(topicFields));
      images = List.copyOf(images);
    }

    /** The {@code data*.jsonl} record of this case (see the class comment). */
    public ObjectNode dataRecord() {
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("U_id", uid);
      ArrayNode tac = o.putArray("TAC");
      ArrayNode mri = o.putArray("MRI");
      for (Image i : images) {
        ("MR".equals(type(i)) ? mri : tac).add(i.name());
      }
      ObjectNode c = o.putObject("Case");
      caseFields.forEach(c::put);
      ObjectNode t = o.putObject("Topic");
      topicFields.forEach(t::put);
      return o;
    }

    /** The {@code descriptions*.jsonl} records, one per image (see the class comment). */
    public List<ObjectNode> descriptionRecords() {
      List<ObjectNode> out = new ArrayList<>();
      for (Image i : images) {
        ObjectNode o = Json.mapper().createObjectNode();
        String type = type(i);
        if (type != null) {
          o.put("Type", type);
        }
        o.put("U_id", uid);
        o.put("image", i.name());
        ObjectNode d = o.putObject("Description");
        for (String k : new String[] {"Caption", "Modality", "Plane", "Figure Part", "ACR Codes"}) {
          if (i.fields().containsKey(k)) {
            d.put(k, i.fields().get(k));
          }
        }
        for (String k : new String[] {"Location", "Location Category"}) {
          if (i.fields().containsKey(k)) {
            o.put(k, i.fields().get(k));
          }
        }
        out.add(o);
      }
      return out;
    }

    /** The image's modality code: its "Type", else from its "Modality" label ("CT - noncontrast" -> CT). */
    static String type(Image i) {
      String t = i.fields().get("Type");
      if (t != null) {
        return t.strip().toUpperCase(Locale.ROOT);
      }
      String m = i.fields().get("Modality");
      if (m == null) {
        return null;
      }
      String l = m.strip().toUpperCase(Locale.ROOT);
      if (l.startsWith("CT")) {
        return "CT";
      }
      if (l.startsWith("MR")) {
        return "MR";
      }
      if (l.startsWith("XR") || l.contains("RADIOGRAPH")) {
        return "XR";
      }
      if (l.startsWith("US") || l.contains("ULTRASOUND")) {
        return "US";
      }
      return null;
    }
  }

  /** The outcome of parsing: a page, or a reject reason and message. */
  public record Result(Page page, String rejectReason, String message) {
    /** True when a page was parsed. */
    public boolean ok() {
      return page != null;
    }
  }

  private MedPixCasePage() {}

  /**
   * Parses {@code html} fetched from {@code pageUrl}.
   *
   * @param html the page
   * @param pageUrl its address (base for relative links; may be null)
   * @return the page, or a reject ({@link #REJECT_NOT_A_CASE}, {@link #REJECT_NO_UID}); never throws for bad HTML
   */
  public static Result parse(String html, URI pageUrl) {
    Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl.toString());
    Element kase = doc.selectFirst("#case");
    if (kase == null) {
      kase = doc.selectFirst(".case-data");
    }
    List<Element> imageEls = doc.select(".case-image");
    if (kase == null && imageEls.isEmpty()) {
      return new Result(null, REJECT_NOT_A_CASE, "no #case section and no .case-image in " + pageUrl);
    }
    Element caseOnly = kase == null ? null : kase.clone();
    if (caseOnly != null) {
      caseOnly.select(".case-image, #topic").remove();
    }
    Map<String, String> caseFields = pairs(caseOnly);
    if (!caseFields.containsKey("Title")) {
      Element h1 = doc.selectFirst("h1");
      if (h1 != null && !h1.text().isBlank()) {
        Map<String, String> withTitle = new LinkedHashMap<>();
        withTitle.put("Title", h1.text().strip());
        withTitle.putAll(caseFields);
        caseFields = withTitle;
      }
    }
    Map<String, String> topic = pairs(doc.selectFirst("#topic"));
    List<Element> rawImages = new ArrayList<>(imageEls);
    String uid = kase == null ? "" : kase.attr("data-uid").strip();
    if (!uid.matches("MPX\\d+")) {
      uid = null;
      Matcher m = pageUrl == null || pageUrl.getRawQuery() == null ? null
          : Pattern.compile("(?:^|&)id=(MPX\\d+)").matcher(pageUrl.getRawQuery());
      if (m != null && m.find()) {
        uid = m.group(1);
      }
    }
    List<Image> images = new ArrayList<>();
    for (Element e : rawImages) {
      URI url = imageUrl(e);
      String name = e.attr("data-image-id").strip();
      if (name.isEmpty()) {
        Matcher m = url == null ? null : SYNPIC.matcher(url.toString());
        if (m == null || !m.find()) {
          continue;
        }
        name = (uid == null ? "MPX" : uid) + "_synpic" + m.group(1);
      }
      if (!name.matches("[A-Za-z0-9_.-]+") || name.contains("..")) {
        continue;
      }
      if (uid == null) {
        Matcher m = UID.matcher(name);
        uid = m.find() ? m.group(1) : null;
      }
      images.add(new Image(name, url, pairs(e)));
    }
    if (uid == null) {
      return new Result(null, REJECT_NO_UID, "MedPix page " + pageUrl + " has no case id (data-uid, id=MPXnnn)");
    }
    return new Result(new Page(uid, pageUrl, caseFields, topic, images), null, null);
  }

  private static URI imageUrl(Element e) {
    for (String[] sel : new String[][] {{"img[data-full]", "data-full"}, {"a.full-image[href]", "href"},
        {"img[src]", "src"}}) {
      Element x = e.selectFirst(sel[0]);
      if (x != null) {
        String u = x.absUrl(sel[1]);
        if (u.isEmpty()) {
          u = x.attr(sel[1]);
        }
        try {
          return URI.create(u.strip());
        } catch (IllegalArgumentException ex) {
          return null;
        }
      }
    }
    return null;
  }

  /** Label/value pairs below {@code root}: {@code dt}+{@code dd}, {@code .field-label}+{@code .field-value}. */
  private static Map<String, String> pairs(Element root) {
    Map<String, String> out = new LinkedHashMap<>();
    if (root == null) {
      return out;
    }
    for (Element dt : root.select("dt")) {
      Element dd = dt.nextElementSibling();
      if (dd != null && dd.tagName().equals("dd")) {
        put(out, dt.text(), value(dd));
      }
    }
    for (Element f : root.select(".field")) {
      Element l = f.selectFirst(".field-label");
      Element v = f.selectFirst(".field-value");
      if (l != null && v != null) {
        put(out, l.text(), value(v));
      }
    }
    return out;
  }

  /** The text of a value: its paragraphs joined by newlines, or its whole text. */
  private static String value(Element v) {
    List<String> parts = new ArrayList<>();
    for (Element p : v.select("p, li")) {
      if (!p.text().isBlank()) {
        parts.add(p.text().strip());
      }
    }
    return parts.isEmpty() ? v.text().strip() : String.join("\n", parts);
  }

  private static void put(Map<String, String> m, String label, String value) {
    String k = label.strip().replaceFirst(":$", "").strip();
    if (!k.isEmpty() && value != null && !value.isBlank()) {
      m.putIfAbsent(k, value);
    }
  }
}
