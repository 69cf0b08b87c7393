package org.radmd.filters;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;

/**
 * The radiology rule of RadMD ({@value #RULE_MODALITY}) plus the minimum-length rule ({@value #RULE_MIN_TEXT}):
 * keeps samples whose images are radiology. RadMD is the radiology subset of MedMD (RadFM, Methods "RadMD");
 * this rule-based filter is its first, explainable stage; {@link RadmdFilters} runs it with the other rules
 * of the filter configuration.
 *
 * <p>{@link #decide(Sample, ImageSource)}, the first step that reaches a verdict decides:
 * <ol>
 *   <li>{@value #RULE_MIN_TEXT} — drop with {@value #REASON_TOO_SHORT} when
 *       {@code s.text().joined().strip().length() < minTextChars}.
 *   <li>declared — keep when an image carries a modality ({@link ImageRef#modality()}), set by the source
 *       reader from source metadata (DICOM header, MedPix image type, a COVID-19-CT-CXR label).
 *   <li>text — {@link TextRadiologyDecision} (caption first). Radiology by a modality term keeps; radiology by
 *       context words only keeps unless the image statistics say colour photograph or chart; not radiology
 *       drops with {@value #REASON_NON_RADIOLOGY} ({@value #REASON_MIXED_FIGURE} for a multi-panel caption
 *       mixing radiology with photographs or micrographs).
 *   <li>image — when the text is undetermined: every readable 2D image grey-scale and not chart-like keeps;
 *       any colour (coloured-pixel fraction &ge; {@code colourFractionMax}) or chart-like (near-white fraction
 *       &ge; {@code whiteFractionMax} and flat fraction &ge; {@code flatFractionMin}) image drops with
 *       {@value #REASON_NON_RADIOLOGY_IMAGE}.
 *   <li>otherwise keep when {@code keepUndetermined}, else drop with {@value #REASON_NO_MODALITY}.
 * </ol>
 * The keep reason is {@code "modality:"} plus the {@link #tagModalities tagged} codes (e.g.
 * {@code "modality:CT,MR"}), or {@code "radiology:"} plus the deciding step when no modality is named.
 *
 * <p>Image thresholds were set on the real images in {@code shared/corpus}: all 24 MedPix PNGs, the 6
 * radiology MedICaT figures and the Radiopaedia CT/MR slices have a coloured fraction of 0.000 and a near-white
 * fraction of at most 0.222; the 4 endoscopy MedICaT figures and the H&amp;E micrograph have coloured fractions of
 * 0.296-0.682; the PMC charts and diagrams without much colour have near-white fractions of 0.820-0.940 and flat
 * fractions of 0.723-0.917. The CR radiograph of the lower leg ({@code dicom/single/RG3_JPLY}, white
 * collimation borders) has near-white 0.462 but flat 0.461 once normalized, hence the flat-fraction condition.
 *
 * <p>"Declared" means an image's own modality ({@link ImageRef#modality()}), not {@link Sample#modalities()}:
 * the build's TagModalities step fills the latter from the text before this filter runs.
 *
 * <p>Immutable, thread-safe and {@link Serializable}.
 */
public final class RadiologyFilter implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Minimum length of the joined text, in characters (after stripping), for a sample to be kept. */
  public static final int DEFAULT_MIN_TEXT_CHARS = 20;
  public static final String RULE_MIN_TEXT = "min-text-length";
  public static final String RULE_MODALITY = "radiology-modality";
  public static final String REASON_TOO_SHORT = "text-too-short";
  public static final String REASON_NON_RADIOLOGY = "non-radiology";
  public static final String REASON_NO_MODALITY = "no-radiology-modality";
  public static final String REASON_MIXED_FIGURE = "mixed-figure";
  public static final String REASON_NON_RADIOLOGY_IMAGE = "non-radiology-image";

  /**
   * Image-statistics thresholds ({@link ImageStatistics}).
   *
   * @param enabled false to decide on text only
   * @param colourFractionMax an image with at least this coloured fraction is a colour photograph or micrograph
   * @param whiteFractionMax an image with at least this near-white fraction
   * @param flatFractionMin and at least this flat fraction is a chart or diagram (white background, flat fills)
   * @param greyColourFractionMax any other image with a coloured fraction below this is radiology-like
   */
  public record ImageThresholds(boolean enabled, double colourFractionMax, double whiteFractionMax,
      double flatFractionMin, double greyColourFractionMax) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final ImageThresholds DEFAULT = new ImageThresholds(true, 0.15, 0.45, 0.6, 0.02);

    /** "colour", "chart", "grey" or "unknown" for one image. */
    public String classify(ImageStatistics st) {
      if (st.colourFraction() >= colourFractionMax) {
        return "colour";
      }
      if (st.whiteFraction() >= whiteFractionMax && st.flatFraction() >= flatFractionMin) {
        return "chart";
      }
      if (st.colourFraction() < greyColourFractionMax) {
        return "grey";
      }
      return "unknown";
    }
  }

  /**
   * The radiology verdict with its evidence.
   *
   * @param decision keep or drop, rule and reason code
   * @param basis what decided: {@code declared}, a {@link TextRadiologyDecision.Result#basis()}, {@code image},
   *     {@code undetermined}, or {@code text-length}
   * @param text the text verdict (null when the length rule or a declared modality decided)
   * @param imageVerdict {@code colour}, {@code chart}, {@code grey}, {@code unknown} or {@code none} (no
   *     readable 2D image)
   * @param detail human-readable evidence for the reject message
   */
  public record Verdict(FilterDecision decision, String basis, TextRadiologyDecision.Result text,
      String imageVerdict, String detail) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final TextRadiologyDecision text;
  private final int minTextChars;
  private final boolean keepUndetermined;
  private final ImageThresholds image;

  /**
   * The filter of the original configuration: text decision with default context lexicon, image statistics
   * off, undetermined samples dropped.
   *
   * @param classifier the text classifier
   * @param minTextChars minimum joined text length in characters, at least 0
   * @throws IllegalArgumentException if {@code minTextChars < 0}
   */
  public RadiologyFilter(ModalityClassifier classifier, int minTextChars) {
    this(new TextRadiologyDecision(classifier, ContextLexicon.defaults(), 1, 2.0), minTextChars, false,
        ImageThresholds.DEFAULT);
  }

  /**
   * @param text the text decision
   * @param minTextChars minimum joined text length in characters, at least 0
   * @param keepUndetermined keep samples without evidence either way
   * @param image image thresholds
   * @throws IllegalArgumentException if {@code minTextChars < 0}
   */
  public RadiologyFilter(TextRadiologyDecision text, int minTextChars, boolean keepUndetermined,
      ImageThresholds image) {
    this.text = Objects.requireNonNull(text, "text");
    if (minTextChars < 0) {
      throw new IllegalArgumentException("minTextChars must be >= 0: " + minTextChars);
    }
    this.minTextChars = minTextChars;
    this.keepUndetermined = keepUndetermined;
    this.image = Objects.requireNonNull(image, "image");
  }

  /** The default lexicon and {@link #DEFAULT_MIN_TEXT_CHARS}. */
  public static RadiologyFilter defaults() {
    return new RadiologyFilter(ModalityClassifier.defaults(), DEFAULT_MIN_TEXT_CHARS);
  }

  /** The verdict on text alone ({@link ImageSource#NONE}). */
  public FilterDecision decide(Sample s) {
    return verdict(s, ImageSource.NONE).decision();
  }

  /** The verdict using the sample's images from {@code images}. */
  public FilterDecision decide(Sample s, ImageSource images) {
    return verdict(s, images).decision();
  }

  /** The verdict and its evidence; the minimum-length rule is checked first. */
  public Verdict verdict(Sample s, ImageSource images) {
    int chars = s.text().joined().strip().length();
    if (chars < minTextChars) {
      return new Verdict(FilterDecision.drop(RULE_MIN_TEXT, REASON_TOO_SHORT), "text-length", null, "none",
          chars + " characters < " + minTextChars);
    }
    return radiology(s, images, REASON_NON_RADIOLOGY, REASON_MIXED_FIGURE, REASON_NO_MODALITY,
        REASON_NON_RADIOLOGY_IMAGE);
  }

  /** The radiology rule alone (no length check), with the given drop reason codes. */
  Verdict radiology(Sample s, ImageSource images, String nonRadiology, String mixed, String noEvidence,
      String nonRadiologyImage) {
    Set<Modality> declared = imageModalities(s);
    if (!declared.isEmpty()) {
      return new Verdict(keep(s, "declared"), "declared", null, "none", "declared " + declared);
    }
    TextRadiologyDecision.Result t = text.decide(s.text());
    String imageVerdict = "none";
    if (image.enabled() && (t.verdict() == TextRadiologyDecision.Verdict.UNDETERMINED
        || t.basis().equals("caption-context") && t.verdict() == TextRadiologyDecision.Verdict.RADIOLOGY)) {
      imageVerdict = imageVerdict(s, images);
    }
    String detail = t.basis() + " " + t.terms() + " (modality " + t.modalityMentions() + ", cues "
        + t.nonRadiologyMentions() + ", context " + t.radiologyContext() + "/" + t.nonRadiologyContext()
        + "), image " + imageVerdict;
    boolean imageSaysNo = imageVerdict.equals("colour") || imageVerdict.equals("chart");
    switch (t.verdict()) {
      case RADIOLOGY -> {
        if (imageSaysNo) {
          return new Verdict(FilterDecision.drop(RULE_MODALITY, nonRadiologyImage), "image", t, imageVerdict,
              detail);
        }
        return new Verdict(keep(s, t.basis()), t.basis(), t, imageVerdict, detail);
      }
      case NON_RADIOLOGY -> {
        String reason = t.basis().equals("caption-mixed-panels") ? mixed : nonRadiology;
        return new Verdict(FilterDecision.drop(RULE_MODALITY, reason), t.basis(), t, imageVerdict, detail);
      }
      default -> {
        if (imageSaysNo) {
          return new Verdict(FilterDecision.drop(RULE_MODALITY, nonRadiologyImage), "image", t, imageVerdict,
              detail);
        }
        if (imageVerdict.equals("grey")) {
          return new Verdict(keep(s, "image"), "image", t, imageVerdict, detail);
        }
        if (keepUndetermined) {
          return new Verdict(keep(s, "undetermined"), "undetermined", t, imageVerdict, detail);
        }
        return new Verdict(FilterDecision.drop(RULE_MODALITY, noEvidence), "undetermined", t, imageVerdict,
            detail);
      }
    }
  }

  private FilterDecision keep(Sample s, String basis) {
    List<Modality> tags = tagModalities(s);
    if (tags.isEmpty()) {
      return FilterDecision.keep(RULE_MODALITY, "radiology:" + basis);
    }
    return FilterDecision.keep(RULE_MODALITY, "modality:" + tags.stream().map(Modality::name)
        .collect(Collectors.joining(",")));
  }

  /** colour / chart when any readable 2D image is; grey when all readable ones are; none without any. */
  private String imageVerdict(Sample s, ImageSource images) {
    int read = 0;
    int grey = 0;
    for (ImageRef ref : s.images()) {
      Optional<ImageStatistics> st = images.statistics(ref);
      if (st.isEmpty()) {
        continue;
      }
      read++;
      String v = image.classify(st.get());
      if (v.equals("colour") || v.equals("chart")) {
        return v;
      }
      if (v.equals("grey")) {
        grey++;
      }
    }
    return read == 0 ? "none" : grey == read ? "grey" : "unknown";
  }

  /** The text decision this filter uses. */
  public TextRadiologyDecision textDecision() {
    return text;
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
    return List.copyOf(union(declared, text.classifier().classify(modalityText(s.text()))));
  }

  /** The images' own modalities, distinct, in image order. */
  private static Set<Modality> imageModalities(Sample s) {
    Set<Modality> out = new LinkedHashSet<>();
    for (ImageRef img : s.images()) {
      if (img.modality() != null) {
        out.add(img.modality());
      }
    }
    return out;
  }

  /** The images' own modalities, then the sample's (for tagging). */
  private static Set<Modality> declaredModalities(Sample s) {
    Set<Modality> out = imageModalities(s);
    out.addAll(s.modalities());
    return out;
  }

  private Set<Modality> union(Set<Modality> declared, ModalityEvidence evidence) {
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

  /** Inline sentences, findings, title and impression, non-blank ones joined by newlines. */
  static String otherText(SampleText t) {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {t.inline().isEmpty() ? null : String.join(" ", t.inline()),
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
    return "RadiologyFilter[minTextChars=" + minTextChars + ", keepUndetermined=" + keepUndetermined + ", "
        + image + ", " + text + "]";
  }
}
