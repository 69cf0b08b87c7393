package org.radmd.filters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.TextField;
import org.radmd.filters.score.ScorerFactory;

/**
 * The RadMD rule filters of one {@link FilterConfig}, run in the configuration's order on one sample.
 *
 * <p>Transforms rewrite the sample and never drop: {@value PhiScrubber#RULE} (scores {@code phi_<type>},
 * {@code phi_total}; image positions after a replaced identifier move with the text, radfm-spec §1.7) and
 * {@value CaptionCleaner#RULE} (the cleaned caption replaces {@code text.caption}; the original, PHI-scrubbed,
 * is kept in attribute {@value #ATTR_CAPTION_ORIGINAL}; caption image positions stay within the caption). Checks keep or drop; the first
 * drop ends the run and becomes the outcome: {@value VqaAnswerability#RULE}, {@value #RULE_MIN_TEXT},
 * {@value #RULE_MAX_TEXT}, {@value LanguageCheck#RULE}, {@value RadiologyFilter#RULE_MODALITY} (decided on the
 * original caption: panel letters and arrows are evidence), {@value #RULE_COMPOUND} (flags; drops only when
 * configured) and {@value ScoreThresholds#RULE} (only acts on scores already on the sample, see
 * {@link #checkScores}).
 *
 * <p>A kept sample carries attributes {@code radmd_rule} and {@code radmd_reason} (the radiology rule's keep
 * verdict), {@code radmd_basis}, {@code compound} when flagged, and per-rule scores: {@code text_chars},
 * {@code english_ratio}, {@code radmd_modality_mentions}, {@code radmd_nonradiology_mentions},
 * {@code radmd_context_radiology}, {@code radmd_context_nonradiology}, {@code compound_caption_panels},
 * {@code compound_layout_panels} and, for samples with readable 2D images, {@code image_colour_fraction} and
 * {@code image_white_fraction} (the largest over the sample's images).
 *
 * <p>Immutable, thread-safe and {@link Serializable}.
 */
public final class RadmdFilters implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RULE_MIN_TEXT = RadiologyFilter.RULE_MIN_TEXT;
  public static final String RULE_MAX_TEXT = "max-text-length";
  public static final String RULE_COMPOUND = "compound-figure";
  public static final String ATTR_CAPTION_ORIGINAL = "caption_original";

  /**
   * What the filters made of a sample.
   *
   * @param sample the sample as transformed, with scores and attributes (also for a drop)
   * @param decision keep (the radiology rule's verdict) or the first drop
   * @param message human-readable: the rule, reason and evidence (for the reject message)
   */
  public record Outcome(Sample sample, FilterDecision decision, String message) {}

  private final FilterConfig.Rule[] order;
  private final PhiScrubber phi = new PhiScrubber();
  private final CaptionCleaner cleaner = new CaptionCleaner();
  private final VqaAnswerability vqa = new VqaAnswerability();
  private final RadiologyFilter radiology;
  private final LanguageCheck language;
  private final ScoreThresholds thresholds;
  private final ScorerFactory scorer;
  private final int batchSize;

  private RadmdFilters(FilterConfig config) {
    this.order = config.rules().stream().filter(FilterConfig.Rule::enabled).toArray(FilterConfig.Rule[]::new);
    FilterConfig.Rule min = config.rule(RULE_MIN_TEXT).orElse(null);
    int minChars = min == null || !min.enabled() ? 0 : min.intParam("minChars",
        RadiologyFilter.DEFAULT_MIN_TEXT_CHARS);
    FilterConfig.Rule r = config.rule(RadiologyFilter.RULE_MODALITY).orElse(null);
    TextRadiologyDecision text = r == null ? TextRadiologyDecision.defaults()
        : new TextRadiologyDecision(ModalityClassifier.defaults(), ContextLexicon.defaults(),
            r.intParam("minContextWords", 1), r.doubleParam("contextRatio", 2.0));
    JsonNode img = r == null ? null : r.objectParam("image");
    RadiologyFilter.ImageThresholds it = img == null ? RadiologyFilter.ImageThresholds.DEFAULT
        : new RadiologyFilter.ImageThresholds(img.path("enabled").asBoolean(true),
            img.path("colourFractionMax").asDouble(0.15), img.path("whiteFractionMax").asDouble(0.45),
            img.path("flatFractionMin").asDouble(0.6), img.path("greyColourFractionMax").asDouble(0.02));
    this.radiology = new RadiologyFilter(text, minChars, r != null && r.boolParam("keepUndetermined", true), it);
    FilterConfig.Rule lang = config.rule(LanguageCheck.RULE).orElse(null);
    this.language = new LanguageCheck(lang == null ? 8 : lang.intParam("minWords", 8),
        lang == null ? 0.06 : lang.doubleParam("minStopwordRatio", 0.06));
    FilterConfig.Rule scores = config.enabled(ScoreThresholds.RULE).orElse(null);
    this.thresholds = scores == null ? new ScoreThresholds(Map.of()) : ScoreThresholds.of(scores);
    String scorerClass = scores == null ? null : scores.textParam("scorer");
    Map<String, String> scorerParams = new java.util.LinkedHashMap<>();
    if (scores != null) {
      scores.params().properties().forEach(e -> {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          scorerParams.put(e.getKey(), e.getValue().asText());
        }
      });
    }
    this.scorer = scorerClass == null || scorerClass.isBlank() ? null
        : new ScorerFactory(scorerClass, scorerParams);
    this.batchSize = scores == null ? 8 : Math.max(1, scores.intParam("batchSize", 8));
  }

  /** The filters of {@code config}. */
  public static RadmdFilters of(FilterConfig config) {
    return new RadmdFilters(config);
  }

  /** The filters of {@link FilterConfig#defaults()}. */
  public static RadmdFilters defaults() {
    return new RadmdFilters(FilterConfig.defaults());
  }

  /** The radiology rule (also used to tag MedMD modalities). */
  public RadiologyFilter radiology() {
    return radiology;
  }

  /**
   * The {@value RadiologyFilter#RULE_MODALITY} rule alone on {@code s} (no transforms, no length or language
   * check), with the configured reason codes: what {@code radmd filter-eval} measures.
   */
  public RadiologyFilter.Verdict radiologyVerdict(Sample s, ImageSource images) {
    FilterConfig.Rule rule = null;
    for (FilterConfig.Rule r : order) {
      if (r.name().equals(RadiologyFilter.RULE_MODALITY)) {
        rule = r;
      }
    }
    if (rule == null) {
      return radiology.radiology(s, images, RadiologyFilter.REASON_NON_RADIOLOGY,
          RadiologyFilter.REASON_MIXED_FIGURE, RadiologyFilter.REASON_NO_MODALITY,
          RadiologyFilter.REASON_NON_RADIOLOGY_IMAGE);
    }
    return radiology.radiology(s, images, rule.reason("nonRadiology"), rule.reason("mixedFigure"),
        rule.reason("noEvidence"), rule.reason("image"));
  }

  /** The modalities to tag {@code s} with in MedMD ({@link RadiologyFilter#tagModalities}). */
  public List<Modality> tagModalities(Sample s) {
    return radiology.tagModalities(s);
  }

  /** The configured scorer, if {@code model-scores.params.scorer} names one. */
  public Optional<ScorerFactory> scorer() {
    return Optional.ofNullable(scorer);
  }

  /** Samples per scorer call. */
  public int batchSize() {
    return batchSize;
  }

  /** The score thresholds. */
  public ScoreThresholds thresholds() {
    return thresholds;
  }

  /** Runs the enabled rules in order on {@code s}, reading its pixels from {@code images}. */
  public Outcome apply(Sample s, ImageSource images) {
    Sample cur = s;
    FilterDecision keep = null;
    String keepMessage = null;
    Map<ImageRef, Optional<ImageStatistics>> cache = new LinkedHashMap<>();
    ImageSource cached = ref -> cache.computeIfAbsent(ref, images::statistics);
    for (FilterConfig.Rule rule : order) {
      switch (rule.name()) {
        case PhiScrubber.RULE -> cur = scrubPhi(cur);
        case CaptionCleaner.RULE -> cur = cleanCaption(cur);
        case VqaAnswerability.RULE -> {
          if (!vqa.answerable(cur.text().question())) {
            return drop(cur, rule, rule.reason(), "question asks about the clinical history, not the image: \""
                + abbreviate(cur.text().question()) + "\"");
          }
        }
        case RULE_MIN_TEXT -> {
          int n = cur.text().joined().strip().length();
          cur = cur.withScore("text_chars", n);
          int min = rule.intParam("minChars", RadiologyFilter.DEFAULT_MIN_TEXT_CHARS);
          if (n < min) {
            return drop(cur, rule, rule.reason(), n + " characters < " + min);
          }
        }
        case RULE_MAX_TEXT -> {
          int n = cur.text().joined().strip().length();
          int max = rule.intParam("maxChars", Integer.MAX_VALUE);
          if (n > max) {
            return drop(cur, rule, rule.reason(), n + " characters > " + max);
          }
        }
        case LanguageCheck.RULE -> {
          String t = forDecision(cur).joined();
          double ratio = LanguageCheck.englishRatio(t);
          if (!Double.isNaN(ratio)) {
            cur = cur.withScore("english_ratio", ratio);
          }
          if (!language.isEnglish(t)) {
            return drop(cur, rule, rule.reason(), String.format(java.util.Locale.ROOT,
                "English function words %.3f < %.3f", ratio, rule.doubleParam("minStopwordRatio", 0.06)));
          }
        }
        case RadiologyFilter.RULE_MODALITY -> {
          Sample judged = withText(cur, forDecision(cur));
          RadiologyFilter.Verdict v = radiology.radiology(judged, cached, rule.reason("nonRadiology"),
              rule.reason("mixedFigure"), rule.reason("noEvidence"), rule.reason("image"));
          cur = withRadiologyScores(cur, v);
          cur = withImageScores(cur, cached);
          if (!v.decision().keep()) {
            return drop(cur, rule, v.decision().reason(), v.detail());
          }
          keep = v.decision();
          keepMessage = v.detail();
          cur = cur.withAttribute("radmd_basis", v.basis());
        }
        case RULE_COMPOUND -> {
          String caption = forDecision(cur).caption();
          int captionPanels = CaptionPanels.count(caption);
          int layoutPanels = 1;
          for (ImageRef ref : cur.images()) {
            Optional<ImageStatistics> st = cached.statistics(ref);
            if (st.isPresent()) {
              layoutPanels = Math.max(layoutPanels, st.get().layoutPanels());
            }
          }
          cur = cur.withScore("compound_caption_panels", captionPanels)
              .withScore("compound_layout_panels", layoutPanels);
          int minPanels = rule.intParam("minPanels", 2);
          if (captionPanels >= minPanels || layoutPanels >= minPanels) {
            cur = cur.withAttribute("compound", "true");
            if (rule.boolParam("drop", false)) {
              return drop(cur, rule, rule.reason(), "compound figure: " + captionPanels + " panels in the caption, "
                  + layoutPanels + " in the layout");
            }
          }
        }
        case ScoreThresholds.RULE -> {
          Optional<String> bad = thresholds.violation(cur.scores());
          if (bad.isPresent()) {
            return drop(cur, rule, rule.reason(), bad.get());
          }
        }
        default -> throw new IllegalStateException("unhandled rule " + rule.name());
      }
    }
    if (keep == null) {
      keep = FilterDecision.keep(order.length == 0 ? "none" : order[order.length - 1].name(), "passed");
      keepMessage = "passed every rule";
    }
    cur = cur.withAttribute("radmd_rule", keep.rule()).withAttribute("radmd_reason", keep.reason());
    return new Outcome(cur, keep, keepMessage);
  }

  /**
   * The {@code model-scores} check alone, for samples scored after {@link #apply}: the sample with
   * its scores, kept or dropped by the thresholds.
   */
  public Outcome checkScores(Sample scored) {
    FilterConfig.Rule rule = null;
    for (FilterConfig.Rule r : order) {
      if (r.name().equals(ScoreThresholds.RULE)) {
        rule = r;
      }
    }
    if (rule != null) {
      Optional<String> bad = thresholds.violation(scored.scores());
      if (bad.isPresent()) {
        return drop(scored, rule, rule.reason(), bad.get());
      }
    }
    String r = scored.attributes().getOrDefault("radmd_rule", ScoreThresholds.RULE);
    String reason = scored.attributes().getOrDefault("radmd_reason", "passed");
    return new Outcome(scored, FilterDecision.keep(r, reason), "scores within thresholds");
  }

  private static Outcome drop(Sample s, FilterConfig.Rule rule, String reason, String detail) {
    return new Outcome(s, FilterDecision.drop(rule.name(), reason), "RadMD rule " + rule.name() + " dropped "
        + s.id() + " (" + reason + "): " + detail);
  }

  /** The text the checks judge: the caption before cleaning (its panel letters and arrows are evidence). */
  private static SampleText forDecision(Sample s) {
    String original = s.attributes().get(ATTR_CAPTION_ORIGINAL);
    SampleText t = s.text();
    if (original == null) {
      return t;
    }
    return new SampleText(t.title(), original, t.inline(), t.question(), t.answer(), t.history(), t.findings(),
        t.impression(), t.discussion());
  }

  private static Sample withText(Sample s, SampleText t) {
    return new Sample(s.id(), s.source(), s.caseId(), t, s.images(), s.modalities(), s.anatomy(), s.diagnoses(),
        s.licence(), s.provenance(), s.attributes(), s.scores());
  }

  private Sample scrubPhi(Sample s) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<TextField, Object> results = new java.util.EnumMap<>(TextField.class);
    SampleText t = phi.scrub(s.text(), counts, results);
    Sample out = t == s.text() ? s : withText(s, t).withImages(movedImages(s, results));
    String original = s.attributes().get(ATTR_CAPTION_ORIGINAL);
    if (original != null) {
      out = out.withAttribute(ATTR_CAPTION_ORIGINAL, phi.scrub(original).text());
    }
    int total = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      out = out.withScore("phi_" + e.getKey(), e.getValue());
      total += e.getValue();
    }
    return out.withScore("phi_total", total);
  }

  /** The images with their positions moved past replaced identifiers in the field they point into. */
  @SuppressWarnings("unchecked")
  private static List<ImageRef> movedImages(Sample s, Map<TextField, Object> results) {
    return s.images().stream().map(i -> {
      Object r = results.get(i.textField());
      int p = i.position();
      if (r instanceof PhiScrubber.Result one) {
        p = one.position(p);
      } else if (r instanceof List<?> inline) {
        p = PhiScrubber.inlinePosition(s.text().inline(), (List<PhiScrubber.Result>) inline, p);
      }
      return p == i.position() ? i : moved(i, p);
    }).toList();
  }

  private static ImageRef moved(ImageRef i, int position) {
    return new ImageRef(i.id(), i.kind(), i.path(), i.sourceFiles(), i.shape(), i.textField(), position,
        i.modality(), i.modalityLabel(), i.plane(), i.caption(), i.pixelHash());
  }

  private Sample cleanCaption(Sample s) {
    String caption = s.text().caption();
    if (caption == null) {
      return s;
    }
    String cleaned = cleaner.clean(caption);
    if (cleaned.equals(caption)) {
      return s;
    }
    SampleText t = s.text();
    Sample out = withText(s, new SampleText(t.title(), cleaned, t.inline(), t.question(), t.answer(), t.history(),
        t.findings(), t.impression(), t.discussion()));
    // Readers place caption images at offset 0; any other offset is kept inside the shorter caption.
    out = out.withImages(s.images().stream().map(i -> i.textField() == TextField.CAPTION
        && i.position() > cleaned.length() ? moved(i, cleaned.length()) : i).toList());
    return out.withAttribute(ATTR_CAPTION_ORIGINAL, caption)
        .withScore("caption_chars_removed", caption.length() - cleaned.length());
  }

  private static Sample withRadiologyScores(Sample s, RadiologyFilter.Verdict v) {
    TextRadiologyDecision.Result t = v.text();
    if (t == null) {
      return s;
    }
    return s.withScore("radmd_modality_mentions", t.modalityMentions())
        .withScore("radmd_nonradiology_mentions", t.nonRadiologyMentions())
        .withScore("radmd_context_radiology", t.radiologyContext())
        .withScore("radmd_context_nonradiology", t.nonRadiologyContext());
  }

  private static Sample withImageScores(Sample s, ImageSource images) {
    double colour = -1;
    double white = -1;
    for (ImageRef ref : s.images()) {
      Optional<ImageStatistics> st = images.statistics(ref);
      if (st.isPresent()) {
        colour = Math.max(colour, st.get().colourFraction());
        white = Math.max(white, st.get().whiteFraction());
      }
    }
    return colour < 0 ? s : s.withScore("image_colour_fraction", colour).withScore("image_white_fraction", white);
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
