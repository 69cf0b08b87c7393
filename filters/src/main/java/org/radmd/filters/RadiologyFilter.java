package org.radmd.filters;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;

/**
 * The first RadMD filter: keeps samples whose images are radiology by their declared modality or by what
 * their text says, and drops samples with too little text. RadMD is the radiology subset of MedMD (RadFM,
 * Methods "RadMD"); this rule-based filter is its first, explainable stage.
 *
 * <p>Rules, in order; the first that drops decides:
 * <ol>
 *   <li>{@value #RULE_MIN_TEXT} — drop with reason {@value #REASON_TOO_SHORT} when
 *       {@code s.text().joined().strip().length() < minTextChars}: RadFM trains on image-text pairs, and a
 *       sample without text teaches nothing.
 *   <li>{@value #RULE_MODALITY} — keep when an image carries a modality ({@link ImageRef#modality()}, or
 *       the sample's declared {@link Sample#modalities()}, both set by the source reader from source
 *       metadata), or when {@link ModalityClassifier} over the caption, inline sentences, findings, title
 *       and impression (in that order) says {@link ModalityEvidence#isRadiology() radiology}; the keep reason
 *       is {@code "modality:"} plus the {@link #tagModalities tagged} codes, e.g. {@code "modality:CT,MR"}.
 *       Otherwise drop with {@value #REASON_NON_RADIOLOGY} when the text has non-radiology cues
 *       (histology, charts, photographs), else {@value #REASON_NO_MODALITY}.
 * </ol>
 *
 * <p>Immutable, thread-safe and {@link Serializable}.
 */
public final class RadiologyFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Minimum length of the joined text, in characters (after stripping), for a sample to be kept. */
  public static final int DEFAULT_MIN_TEXT_CHARS = 20;
  public static final String RULE_MIN_TEXT = "min-text-length";
  public static final String RULE_MODALITY = "radiology-modality";
  public static final String REASON_TOO_SHORT = "text-too-short";
  public static final String REASON_NON_RADIOLOGY = "non-radiology";
  public static final String REASON_NO_MODALITY = "no-radiology-modality";

  private final ModalityClassifier classifier;
  private final int minTextChars;

  /**
   * @param classifier the text classifier
   * @param minTextChars minimum joined text length in characters, at least 0
   * @throws IllegalArgumentException if {@code minTextChars < 0}
   */
  public RadiologyFilter(ModalityClassifier classifier, int minTextChars) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    if (minTextChars < 0) {
      throw new IllegalArgumentException("minTextChars must be >= 0: " + minTextChars);
    }
    this.minTextChars = minTextChars;
  }

  /** The default lexicon and {@link #DEFAULT_MIN_TEXT_CHARS}. */
  public static RadiologyFilter defaults() {
    return new RadiologyFilter(ModalityClassifier.defaults(), DEFAULT_MIN_TEXT_CHARS);
  }

  /** The verdict of the first rule that drops {@code s}, or the keep verdict of the last rule. */
  public FilterDecision decide(Sample s) {
    int chars = s.text().joined().strip().length();
    if (chars < minTextChars) {
      return FilterDecision.drop(RULE_MIN_TEXT, REASON_TOO_SHORT);
    }
    Set<Modality> declared = declaredModalities(s);
    ModalityEvidence evidence = classifier.classify(modalityText(s.text()));
    if (!declared.isEmpty() || evidence.isRadiology()) {
      String codes = tagModalities(s).stream().map(Modality::name).collect(Collectors.joining(","));
      return FilterDecision.keep(RULE_MODALITY, "modality:" + codes);
    }
    return FilterDecision.drop(RULE_MODALITY,
        evidence.nonRadiologyTerms().isEmpty() ? REASON_NO_MODALITY : REASON_NON_RADIOLOGY);
  }

  /**
   * The sample's modalities, distinct, in first-seen order: those declared on its images and on the sample;
   * then, only when some image declares none, those its text names (whether or not the text qualifies as
   * radiology). When every image declares its modality the text is not consulted, so a MedPix case whose
   * findings mention an earlier radiograph is not tagged XR without an XR image.
   */
  public List<Modality> tagModalities(Sample s) {
    Set<Modality> declared = declaredModalities(s);
    boolean allImagesDeclared = !s.images().isEmpty()
        && s.images().stream().allMatch(i -> i.modality() != null);
    if (allImagesDeclared) {
      return List.copyOf(declared);
    }
    return List.copyOf(union(declared, classifier.classify(modalityText(s.text()))));
  }

  private static Set<Modality> declaredModalities(Sample s) {
    Set<Modality> out = new LinkedHashSet<>();
    for (ImageRef img : s.images()) {
      if (img.modality() != null) {
        out.add(img.modality());
      }
    }
    out.addAll(s.modalities());
    return out;
  }

  private static Set<Modality> union(Set<Modality> declared, ModalityEvidence evidence) {
    Set<Modality> out = new LinkedHashSet<>(declared);
    out.addAll(evidence.modalities());
    return out;
  }

  /** Caption, inline sentences, findings, title and impression, non-blank ones joined by newlines. */
  static String modalityText(SampleText t) {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {t.caption(), t.inline().isEmpty() ? null : String.join(" ", t.inline()),
        t.findings(), t.title(), t.impression()}) {
      if (part != null && !part.isBlank()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(part.strip());
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "RadiologyFilter[minTextChars=" + minTextChars + ", " + classifier + "]";
  }
}
