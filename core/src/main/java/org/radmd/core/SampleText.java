package org.radmd.core;

import java.util.List;

/**
 * The text of a sample, by field. Which fields are set depends on the sample's kind: a PMC-Inline figure has
 * a caption and inline sentences; a MedPix case has history, findings, diagnosis and discussion; a VQA item has
 * question and answer. Unset fields are null; {@code inline} is never null.
 *
 * @param title case or article title
 * @param caption figure or image caption
 * @param inline body sentences that cite the figure (PMC-Inline, radfm-spec §1.1), in document order
 * @param question question (VQA / instruction items)
 * @param answer answer
 * @param history clinical history or presentation (patient data included)
 * @param findings imaging findings
 * @param impression impression / diagnosis statement
 * @param discussion case or disease discussion
 */
public record SampleText(
    String title,
    String caption,
    List<String> inline,
    String question,
    String answer,
    String history,
    String findings,
    String impression,
    String discussion) {

  public static final SampleText EMPTY =
      new SampleText(null, null, List.of(), null, null, null, null, null, null);

  public SampleText {
    inline = inline == null ? List.of() : List.copyOf(inline);
  }

  /** The text of one field; {@link TextField#INLINE} joins the sentences with single spaces. */
  public String get(TextField field) {
    return switch (field) {
      case TITLE -> title;
      case CAPTION -> caption;
      case INLINE -> inline.isEmpty() ? null : String.join(" ", inline);
      case QUESTION -> question;
      case ANSWER -> answer;
      case HISTORY -> history;
      case FINDINGS -> findings;
      case IMPRESSION -> impression;
      case DISCUSSION -> discussion;
    };
  }

  /**
   * All non-blank fields joined in {@link TextField} order with newlines; the text that filters and exact
   * dedup look at.
   */
  public String joined() {
    StringBuilder sb = new StringBuilder();
    for (TextField f : TextField.values()) {
      String v = get(f);
      if (v != null && !v.isBlank()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(v.strip());
      }
    }
    return sb.toString();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private String title;
    private String caption;
    private List<String> inline = List.of();
    private String question;
    private String answer;
    private String history;
    private String findings;
    private String impression;
    private String discussion;

    public Builder title(String v) { title = v; return this; }
    public Builder caption(String v) { caption = v; return this; }
    public Builder inline(List<String> v) { inline = v; return this; }
    public Builder question(String v) { question = v; return this; }
    public Builder answer(String v) { answer = v; return this; }
    public Builder history(String v) { history = v; return this; }
    public Builder findings(String v) { findings = v; return this; }
    public Builder impression(String v) { impression = v; return this; }
    public Builder discussion(String v) { discussion = v; return this; }

    public SampleText build() {
      return new SampleText(title, caption, inline, question, answer, history, findings, impression,
          discussion);
    }
  }
}
