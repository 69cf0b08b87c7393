package org.radmd.filters;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.SampleText;
import org.radmd.core.TextField;

/**
 * Replaces identifiers of the HIPAA Safe Harbor method (45 CFR 164.514(b)(2)(i)) in free text with typed
 * placeholders, and counts them.
 *
 * <p>Classes handled, in the order they are applied, with their placeholder:
 * <ul>
 *   <li>{@code [EMAIL]} e-mail addresses (B: electronic mail addresses);
 *   <li>{@code [URL]} web addresses and IP addresses (N, O);
 *   <li>{@code [ID]} record, accession, account, health-plan and social security numbers introduced by their
 *       name ("MRN: 1234567", "medical record no. 88-1"), and SSN-shaped {@code ddd-dd-dddd} (F, G, H, I, J);
 *   <li>{@code [PHONE]} telephone and fax numbers: {@code (ddd) ddd-dddd}, {@code ddd-ddd-dddd},
 *       {@code ddd.ddd.dddd}, {@code +CC ...} (D, E);
 *   <li>{@code [DATE]} dates more specific than a year: month-name dates ("12 March 2004", "March 12, 2004",
 *       "Mar 2004"), numeric dates with two separators ({@code 12/03/2004}, {@code 2004-03-12},
 *       {@code 03.12.04}). A year alone is kept, as Safe Harbor allows (C);
 *   <li>{@code [AGE 90+]} ages over 89 ("92-year-old", "aged 95", "95 yo"), which Safe Harbor aggregates (C);
 *   <li>{@code [ADDRESS]} street addresses ("12 Main Street", "4th Avenue") (B);
 *   <li>{@code [NAME]} personal names after an honorific or a name label ("Dr. John Smith", "Mrs. Jones",
 *       "Patient name: A. B."), and e-mail style "courtesy of" lines are left to {@code [EMAIL]} (A).
 * </ul>
 *
 * <p>Medical measurements are not identifiers and must survive: sizes ({@code "3 x 4 cm"}, {@code "2.5 mm"}),
 * sequences and vertebrae ({@code "T2"}, {@code "C5-C6"}, {@code "L4/5"}), field strengths ({@code "1.5 T"}),
 * doses, ratios and two-part fractions ({@code "1/3"}, {@code "120/80 mmHg"}), and years. Names without an
 * honorific are not found: this is a rule-based first pass, not a full de-identifier.
 *
 * <p>Stateless and thread-safe.
 */
public final class PhiScrubber implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RULE = "phi-scrub";

  private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
      + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** One identifier class: its placeholder type and pattern. */
  private record Kind(String type, Pattern pattern, String placeholder) implements Serializable {}

  private static final List<Kind> KINDS = List.of(
      new Kind("email", Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}"), "[EMAIL]"),
      new Kind("url", Pattern.compile("(?:https?://|ftp://|www\\.)[^\\s<>\"')\\]]+"
          + "|(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])", CI), "[URL]"),
      new Kind("id", Pattern.compile("(?<=\\b(?:MRN|medical record(?: number| no\\.?| #)?|record (?:number|no\\.?|#)"
          + "|accession (?:number|no\\.?|#)|account (?:number|no\\.?|#)|patient ID|hospital (?:number|no\\.?)"
          + "|SSN|social security (?:number|no\\.?)|health plan (?:number|no\\.?))[\\s:#.]{0,3})"
          + "[A-Z0-9][A-Z0-9-]{2,}|(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])", CI), "[ID]"),
      new Kind("phone", Pattern.compile("(?<![\\w/.-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[-. ])\\d{3}[-. ]"
          + "\\d{4}(?![\\w/-])"), "[PHONE]"),
      new Kind("date", Pattern.compile(
          "\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+\\d{2,4}\\b"
              + "|\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"
              + "|\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\s*(?:mm|cm|mg|ml|%|x\\b))"
              + "|\\b" + MONTH + ",?\\s+(?:19|20)\\d{2}\\b"
              + "|(?<![\\d/.-])\\d{1,2}([/.-])\\d{1,2}\\1(?:19|20)?\\d{2}(?![\\d/-]|\\.\\d)"
              + "|(?<![\\d/.-])(?:19|20)\\d{2}([/.-])\\d{1,2}\\2\\d{1,2}(?![\\d/-]|\\.\\d)"), "[DATE]"),
      new Kind("age", Pattern.compile("\\b(?:9\\d|1[0-4]\\d)(?:[- ](?:year|yr)s?(?:[- ]old)?|\\s?y/?o\\b|\\s?y\\.o\\.)"
          + "|(?<=\\baged? )(?:9\\d|1[0-4]\\d)\\b", CI), "[AGE 90+]"),
      new Kind("address", Pattern.compile("\\b\\d{1,5}(?:st|nd|rd|th)?\\s+(?:[A-Z][a-z]+\\s){1,3}"
          + "(?:Street|St\\.|Avenue|Ave\\.|Road|Rd\\.|Boulevard|Blvd\\.?|Lane|Drive|Court|Place|Way)\\b"),
          "[ADDRESS]"),
      new Kind("name", Pattern.compile("\\b(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+(?:[A-Z]\\.\\s?)*[A-Z][\\p{L}'-]+"
          + "(?:\\s+[A-Z][\\p{L}'-]+)?"
          + "|(?<=\\b(?:[Pp]atient name|[Nn]ame)\\s?:\\s?)(?:[A-Z][\\p{L}.'-]*\\s?){1,3}"), "[NAME]"));

  /** The placeholder types, in application order. */
  public static List<String> types() {
    return KINDS.stream().map(Kind::type).toList();
  }

  /** One replacement: {@code [start, end)} of the text before its pass became {@code newLength} characters. */
  record Edit(int start, int end, int newLength) {}

  /**
   * A scrubbed text and its identifier counts.
   *
   * @param text the text with identifiers replaced (null when the input was null)
   * @param counts identifiers replaced per type ({@link #types()}), only types with at least one
   * @param passes the replacements of each identifier class, in application order, to map positions
   */
  public record Result(String text, Map<String, Integer> counts, List<List<Edit>> passes) {
    public Result {
      counts = Map.copyOf(counts);
      passes = List.copyOf(passes);
    }

    Result(String text, Map<String, Integer> counts) {
      this(text, counts, List.of());
    }

    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Where character offset {@code position} of the input text lies in {@link #text()}: shifted by the
     * replacements before it; a position inside a replaced identifier moves to the start of its placeholder.
     */
    public int position(int position) {
      int p = position;
      for (List<Edit> pass : passes) {
        int shift = 0;
        int mapped = -1;
        for (Edit e : pass) {
          if (e.end() <= p) {
            shift += e.newLength() - (e.end() - e.start());
          } else {
            if (e.start() < p) {
              mapped = e.start() + shift;
            }
            break;
          }
        }
        p = mapped >= 0 ? mapped : p + shift;
      }
      return p;
    }
  }

  /** Scrubs {@code text} (null gives a null text and no counts). */
  public Result scrub(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return new Result(text, counts);
    }
    String s = text;
    List<List<Edit>> passes = new java.util.ArrayList<>();
    for (Kind k : KINDS) {
      Matcher m = k.pattern.matcher(s);
      StringBuilder sb = new StringBuilder();
      List<Edit> edits = new java.util.ArrayList<>();
      while (m.find()) {
        edits.add(new Edit(m.start(), m.end(), k.placeholder.length()));
        m.appendReplacement(sb, Matcher.quoteReplacement(k.placeholder));
      }
      if (!edits.isEmpty()) {
        m.appendTail(sb);
        s = sb.toString();
        counts.merge(k.type, edits.size(), Integer::sum);
        passes.add(edits);
      }
    }
    return new Result(s, counts, passes);
  }

  /**
   * Scrubs every field of {@code t}; {@code counts} receives the identifiers replaced per type.
   *
   * @return the scrubbed text (the same instance when nothing changed)
   */
  public SampleText scrub(SampleText t, Map<String, Integer> counts) {
    return scrub(t, counts, new LinkedHashMap<>());
  }

  /**
   * Scrubs every field of {@code t}; {@code counts} receives the identifiers replaced per type and
   * {@code results} the result of each changed field ({@link TextField#INLINE}: of the joined sentences, see
   * {@link #inlinePosition}), so that image positions can be moved ({@link Result#position}).
   *
   * @return the scrubbed text (the same instance when nothing changed)
   */
  public SampleText scrub(SampleText t, Map<String, Integer> counts, Map<TextField, Object> results) {
    int before = counts.values().stream().mapToInt(Integer::intValue).sum();
    List<Result> inline = t.inline().stream().map(this::scrub).toList();
    inline.forEach(r -> r.counts().forEach((k, n) -> counts.merge(k, n, Integer::sum)));
    if (inline.stream().anyMatch(r -> r.total() > 0)) {
      results.put(TextField.INLINE, inline);
    }
    SampleText out = new SampleText(field(TextField.TITLE, t.title(), counts, results),
        field(TextField.CAPTION, t.caption(), counts, results), inline.stream().map(Result::text).toList(),
        field(TextField.QUESTION, t.question(), counts, results), field(TextField.ANSWER, t.answer(), counts, results),
        field(TextField.HISTORY, t.history(), counts, results), field(TextField.FINDINGS, t.findings(), counts,
        results), field(TextField.IMPRESSION, t.impression(), counts, results),
        field(TextField.DISCUSSION, t.discussion(), counts, results));
    return counts.values().stream().mapToInt(Integer::intValue).sum() == before ? t : out;
  }

  /**
   * Where offset {@code position} of the inline sentences joined with single spaces ({@link SampleText#get})
   * lies after each sentence was scrubbed into {@code results} (one per sentence, in order).
   */
  public static int inlinePosition(List<String> sentences, List<Result> results, int position) {
    int oldStart = 0;
    int newStart = 0;
    for (int i = 0; i < sentences.size(); i++) {
      int len = sentences.get(i).length();
      if (position <= oldStart + len) {
        return newStart + results.get(i).position(Math.max(0, position - oldStart));
      }
      oldStart += len + 1;
      newStart += results.get(i).text().length() + 1;
    }
    return newStart + Math.max(0, position - oldStart);
  }

  private String field(TextField f, String v, Map<String, Integer> counts, Map<TextField, Object> results) {
    Result r = scrub(v);
    r.counts().forEach((k, n) -> counts.merge(k, n, Integer::sum));
    if (r.total() > 0) {
      results.put(f, r);
    }
    return r.text();
  }
}
