package org.radmd.pipelines.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code radmd/report.html}: one self-contained page (inline CSS and SVG bar charts; no script, no font,
 * nothing fetched from the network) with the export's counts and a few example samples whose thumbnails are
 * relative links to the stored images ({@code ../medmd/images/...}, or a volume's key-slice PNG). All text is
 * HTML-escaped. Stateless.
 */
final class HtmlReport {
  private HtmlReport() {}

  /**
   * One example: a sample, its split, a thumbnail path relative to the export root, and one of its lines.
   */
  record Example(String sampleId, String source, String split, String thumbnail, String question, String answer) {}

  static void write(Path file, ExportStats st, ExportSettings settings, List<Example> examples) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>RadMD export report</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}")
        .append("img{max-width:160px;max-height:160px}.note{color:#666}</style></head><body>\n")
        .append("<h1>RadMD export</h1>\n<p class=\"note\">Research data, not for clinical use. Selection: ")
        .append(esc(settings.selector().describe())).append("; split seed ").append(esc(settings.splitSeed()))
        .append(", test fraction ").append(String.format(Locale.ROOT, "%.3f", settings.testFraction()))
        .append(".</p>\n");
    Map<String, Long> splitSamples = new LinkedHashMap<>();
    Map<String, Long> splitLines = new LinkedHashMap<>();
    st.splits.forEach((k, x) -> {
      splitSamples.put(k, x.samples);
      splitLines.put(k, x.lines);
    });
    chart(h, "Samples by split", splitSamples);
    chart(h, "Instruction lines by split", splitLines);
    chart(h, "Instruction lines by task", DatasetCard.total(st, x -> x.byTask));
    chart(h, "Samples by source", DatasetCard.total(st, x -> x.bySource));
    chart(h, "Samples by modality", DatasetCard.total(st, x -> x.byModality));
    chart(h, "Samples by dimension", DatasetCard.total(st, x -> x.byDimension));
    chart(h, "Samples by licence", DatasetCard.total(st, x -> x.byLicence));
    Map<String, Long> kinds = new LinkedHashMap<>();
    for (String k : new String[] {DedupLink.EXACT, DedupLink.NEAR_IMAGE, DedupLink.NEAR_VOLUME, DedupLink.NEAR_TEXT}) {
      kinds.put(k, st.dedupByKind.getOrDefault(k, 0L));
    }
    chart(h, "Duplicates removed by kind", kinds);
    chart(h, "Duplicates removed by source pair (representative|duplicate)", st.dedupBySourcePair);
    Map<String, Long> funnel = new LinkedHashMap<>();
    funnel.put("MedMD", st.medmdSamples);
    st.filterByReason.forEach((k, v) -> funnel.put("dropped: " + k, v));
    funnel.put("RadMD", st.radmdSamples);
    funnel.put("this export", st.selectedSamples);
    chart(h, "Filter funnel", funnel);
    h.append("<h2>Examples</h2>\n<table><tr><th>image</th><th>sample</th><th>question</th><th>answer</th></tr>\n");
    for (Example e : examples) {
      h.append("<tr><td>");
      if (e.thumbnail() != null) {
        h.append("<img src=\"../").append(esc(e.thumbnail())).append("\" alt=\"").append(esc(e.sampleId()))
            .append("\">");
      }
      h.append("</td><td>").append(esc(e.sampleId())).append("<br>").append(esc(e.source())).append(", ")
          .append(esc(e.split())).append("</td><td>").append(esc(clip(e.question()))).append("</td><td>")
          .append(esc(clip(e.answer()))).append("</td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
  }

  /** A horizontal SVG bar chart, one bar per entry, scaled to the largest value. */
  static void chart(StringBuilder h, String title, Map<String, Long> values) {
    h.append("<h2>").append(esc(title)).append("</h2>\n");
    if (values.isEmpty()) {
      h.append("<p class=\"note\">none</p>\n");
      return;
    }
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int row = 22;
    int label = 260;
    int width = 300;
    List<Map.Entry<String, Long>> entries = new ArrayList<>(values.entrySet());
    h.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "role=\"img\" aria-label=\"%s\">\n", label + width + 60, row * entries.size() + 4, esc(title)));
    for (int i = 0; i < entries.size(); i++) {
      long v = entries.get(i).getValue();
      int w = (int) Math.round((double) v / max * width);
      int y = i * row + 2;
      h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
          label - 6, y + 15, esc(entries.get(i).getKey())))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a7ab5\"/>",
              label, y + 3, w, row - 6))
          .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d</text>\n",
              label + w + 4, y + 15, v));
    }
    h.append("</svg>\n");
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 297) + "...";
  }

  /** HTML text and attribute escaping. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
