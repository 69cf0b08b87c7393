package org.radmd.core.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "C" action for free-text descriptors (PS3.15 E.3.5 Clean Descriptors Option): removes from a description
 * every identifying value found elsewhere in the same data set (patient name parts, IDs, accession number,
 * institution, physicians, dates, UIDs) and any date-like or long digit run, leaving the medical wording
 * (e.g. "Non-ossifying fibroma of distal tibia"). A heuristic, not a guarantee: descriptors are only kept when
 * the option is on. Stateless and thread-safe.
 */
final class DescriptorCleaner {
  /** Digit runs of 5 or more (IDs, phone numbers, dates written without separators) and separated dates. */
  private static final Pattern NUMBERS = Pattern.compile(
      "\\d{5,}|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b");
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");

  private DescriptorCleaner() {}

  /**
   * Identifying strings of a data set: every value of attributes whose Annex E action is not K, split into
   * person-name components, at least 3 characters long, longest first.
   */
  static List<String> identifyingValues(DicomDataset ds) {
    List<String> out = new ArrayList<>();
    for (DicomElement e : ds.elements()) {
      DeidAction a = AnnexETable.BASIC.get(e.keyword());
      boolean identifying = e.isPrivate() || (a != null && a != DeidAction.K) || e.vr().equals("UI")
          || e.vr().equals("DA") || e.vr().equals("DT") || e.vr().equals("PN");
      if (!identifying || AnnexETable.DESCRIPTORS.contains(e.keyword())) {
        continue;
      }
      for (String v : e.values()) {
        for (String part : v.split("[\\^=]")) {
          String p = part.trim();
          if (p.length() >= 3) {
            out.add(p);
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(String::length).reversed());
    return out;
  }

  /** {@code text} without the identifying values (case-insensitive) and number runs; trimmed. */
  static String clean(String text, List<String> identifying) {
    String t = text;
    for (String v : identifying) {
      t = Pattern.compile(Pattern.quote(v), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(t)
          .replaceAll(" ");
    }
    t = NUMBERS.matcher(t).replaceAll(" ");
    return SPACES.matcher(t).replaceAll(" ").trim();
  }
}
