package org.radmd.filters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code model-scores} rule: inclusive {@code [min, max]} bounds per score name, from the filter
 * configuration ({@code params.thresholds}: {@code {"image_text_loglik": {"min": -6.0}}}). A sample whose score
 * lies outside a bound fails; a sample without that score (no scorer configured, or the scorer could not
 * score it) passes, so the rule is inert until a {@link org.radmd.filters.score.SampleScorer} runs.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScoreThresholds implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RULE = "model-scores";

  /** One bound; NaN for an open side. */
  public record Bound(double min, double max) implements Serializable {
    private static final long serialVersionUID = 1L;

    boolean contains(double v) {
      return !(v < min) && !(v > max) && !Double.isNaN(v);
    }
  }

  private final Map<String, Bound> bounds;

  public ScoreThresholds(Map<String, Bound> bounds) {
    this.bounds = Map.copyOf(bounds);
  }

  /** Reads {@code params.thresholds} of a rule. */
  public static ScoreThresholds of(FilterConfig.Rule rule) {
    Map<String, Bound> b = new LinkedHashMap<>();
    JsonNode t = rule.objectParam("thresholds");
    t.properties().forEach(e -> {
      JsonNode v = e.getValue();
      double min = v.hasNonNull("min") ? v.get("min").asDouble() : Double.NEGATIVE_INFINITY;
      double max = v.hasNonNull("max") ? v.get("max").asDouble() : Double.POSITIVE_INFINITY;
      if (min > max) {
        throw new IllegalArgumentException("threshold " + e.getKey() + ": min " + min + " > max " + max);
      }
      b.put(e.getKey(), new Bound(min, max));
    });
    return new ScoreThresholds(b);
  }

  /** The bounds by score name. */
  public Map<String, Bound> bounds() {
    return bounds;
  }

  /** The first score of {@code scores} outside its bound, as "name=value outside [min, max]". */
  public Optional<String> violation(Map<String, Double> scores) {
    for (Map.Entry<String, Bound> e : bounds.entrySet()) {
      Double v = scores.get(e.getKey());
      if (v != null && !e.getValue().contains(v)) {
        return Optional.of(e.getKey() + "=" + v + " outside [" + e.getValue().min() + ", " + e.getValue().max()
            + "]");
      }
    }
    return Optional.empty();
  }
}
