package org.radmd.scrapers.medicat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.scrapers.support.CcCodes;
import org.radmd.scrapers.support.JsonLines;
import org.radmd.scrapers.support.Origins;
import org.radmd.scrapers.support.Whitespace;

/**
 * Builds a MedICaT sample from one record. Stateless and thread-safe.
 *
 * <p>Sample: id {@code Ids.sampleId(MEDICAT, pdf_hash, fig_uri)}, caseId = {@code pdf_hash} (the paper);
 * text.caption = {@code s2orc_caption}, else {@code s2_caption} (whitespace collapsed); text.inline = {@code
 * s2orc_references} in order (whitespace collapsed, blanks dropped). One {@link ImageKind#IMAGE_2D} image,
 * id = {@code fig_uri}; text field INLINE at the first figure mention ("Figure 4", "Fig. 1-A") of the joined
 * inline text, or at 0 when none is found; CAPTION at 0 when there is no inline text. No modality (MedICaT
 * does not label one). Licence: {@code oa_info.oa.license} via {@link CcCodes} ({@code "cc-by-nc-nd"} -> {@code
 * "CC-BY-NC-ND"}); null (e.g. {@code bronze} OA) -> unknown with statement {@code "oa_status: <status>"}.
 * Attributes: {@code radiology} and {@code scope} ({@code "true"}/{@code "false"}, MedICaT's labels), {@code
 * predicted-type}, {@code fig-key}, {@code oa-status}, {@code licence-code}, when present. Provenance: originId =
 * {@code pdf_hash}, doi = {@code oa_info.doi}, url = {@code oa_info.doi_url}.
 */
final class MedicatRecords {
  static final String FIGURES = "figures";
  static final String PARSER = "MedicatReader";
  private static final Pattern MENTION = Pattern.compile("\\b(?:Fig(?:ure)?s?\\.?)\\s*\\d", Pattern.CASE_INSENSITIVE);

  private MedicatRecords() {}

  /** {@code folder/figures/<hash>_<uri>}, or null when the name would leave that folder. */
  static Path imageFile(Path folder, String hash, String uri) {
    String name = hash + "_" + uri;
    if (name.contains("/") || name.contains("\\") || name.contains("..")) {
      return null;
    }
    return folder.resolve(FIGURES).resolve(name);
  }

  static Sample toSample(JsonNode rec, String id, Path image, String origin, Path inputRoot) {
    String hash = JsonLines.text(rec, "pdf_hash").strip();
    String uri = JsonLines.text(rec, "fig_uri").strip();
    String caption = Whitespace.collapseToNull(JsonLines.text(rec, "s2orc_caption"));
    if (caption == null) {
      caption = Whitespace.collapseToNull(JsonLines.text(rec, "s2_caption"));
    }
    List<String> inline = new ArrayList<>();
    JsonNode refs = rec.get("s2orc_references");
    if (refs != null && refs.isArray()) {
      refs.forEach(r -> {
        String t = r.isTextual() ? Whitespace.collapseToNull(r.asText()) : null;
        if (t != null) {
          inline.add(t);
        }
      });
    }
    TextField field = inline.isEmpty() ? TextField.CAPTION : TextField.INLINE;
    int position = 0;
    if (!inline.isEmpty()) {
      Matcher m = MENTION.matcher(String.join(" ", inline));
      position = m.find() ? m.start() : 0;
    }
    ImageRef ref = ImageRef.unresolved(uri, ImageKind.IMAGE_2D, image.toString(),
        List.of(Origins.relative(image, inputRoot)), field, position, null, null, null, caption);
    JsonNode oaInfo = rec.path("oa_info");
    JsonNode oa = oaInfo.path("oa");
    String licenceCode = JsonLines.text(oa, "license");
    String status = JsonLines.text(oa, "oa_status");
    Licence licence = licenceCode != null ? CcCodes.licence(licenceCode, null)
        : Licence.unknown(status == null ? null : "oa_status: " + status);
    Map<String, String> attrs = new LinkedHashMap<>();
    bool(attrs, "radiology", rec.get("radiology"));
    bool(attrs, "scope", rec.get("scope"));
    put(attrs, "predicted-type", JsonLines.text(rec, "predicted_type"));
    put(attrs, "fig-key", JsonLines.text(rec, "fig_key"));
    put(attrs, "oa-status", status);
    put(attrs, "licence-code", licenceCode);
    Provenance prov = new Provenance(origin, hash, JsonLines.text(oaInfo, "doi"), null,
        JsonLines.text(oaInfo, "doi_url"), PARSER);
    return new Sample(id, SourceDataset.MEDICAT, hash, SampleText.builder().caption(caption).inline(inline).build(),
        List.of(ref), List.of(), null, List.of(), licence, prov, attrs, Map.of());
  }

  private static void bool(Map<String, String> attrs, String key, JsonNode v) {
    if (v != null && v.isBoolean()) {
      attrs.put(key, Boolean.toString(v.asBoolean()));
    }
  }

  private static void put(Map<String, String> attrs, String key, String v) {
    if (v != null) {
      attrs.put(key, v);
    }
  }
}
