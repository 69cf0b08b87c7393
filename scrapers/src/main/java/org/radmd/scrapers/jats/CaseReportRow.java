package org.radmd.scrapers.jats;

import java.util.List;
import java.util.Objects;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;

/**
 * One row of RadFM's PMC-CaseReport CSV (radfm-spec §1.2; HF {@code chaoyi-wu/PMC-CaseReport}): columns {@code
 * PMC_id, context, question, answer, inline, img_ref}, all strings. RadFM's loader strips the {@code "Q:"} /
 * {@code "A:"} prefixes and evaluates {@code img_ref} as a Python list literal of figure ids; {@link #of} writes
 * them the same way. Immutable.
 *
 * @param pmcId the PMC id, e.g. {@code "PMC6358577"}
 * @param context the case presentation
 * @param question {@code "Q: "} + the question
 * @param answer {@code "A: "} + the answer
 * @param inline the body sentences citing the item's figures, joined by single spaces ({@code ""} when none)
 * @param imgRef the figure ids as a Python list literal, e.g. {@code "['F1', 'F3']"}
 */
public record CaseReportRow(String pmcId, String context, String question, String answer, String inline,
    String imgRef) {
  /** The CSV header, in column order. */
  public static final List<String> COLUMNS = List.of("PMC_id", "context", "question", "answer", "inline", "img_ref");

  public CaseReportRow {
    Objects.requireNonNull(pmcId, "pmcId");
  }

  /**
   * The row of a PMC-CaseReport sample: PMC_id = caseId, context = text.history, question / answer with their
   * prefixes, inline = text.inline joined, img_ref = attribute {@code img-ref}.
   *
   * @throws IllegalArgumentException when {@code s} is not a {@link SourceDataset#PMC_CASE_REPORT} sample
   */
  public static CaseReportRow of(Sample s) {
    if (s.source() != SourceDataset.PMC_CASE_REPORT) {
      throw new IllegalArgumentException(s.id() + " is a " + s.source().displayName() + " sample");
    }
    return new CaseReportRow(s.caseId(), nullToEmpty(s.text().history()), "Q: " + nullToEmpty(s.text().question()),
        "A: " + nullToEmpty(s.text().answer()), String.join(" ", s.text().inline()),
        s.attributes().getOrDefault(CaseReports.IMG_REF, "[]"));
  }

  /** The values in {@link #COLUMNS} order. */
  public List<String> values() {
    return List.of(pmcId, nullToEmpty(context), nullToEmpty(question), nullToEmpty(answer), nullToEmpty(inline),
        nullToEmpty(imgRef));
  }

  /** The row as one RFC 4180 CSV record (every field quoted, quotes doubled), without line break. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    for (String v : values()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
    return sb.toString();
  }

  /** A Python list literal of strings: {@code ['a', 'b']}; backslashes and single quotes escaped. */
  static String pythonList(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (String i : items) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append('\'').append(i.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
    }
    return sb.append(']').toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
