package org.radmd.filters;

import java.io.Serializable;
import java.util.Objects;

/**
 * One named rule's verdict on a sample.
 *
 * @param keep true to keep the sample
 * @param rule the rule that decided, e.g. {@code "min-text-length"}, {@code "radiology-modality"}
 * @param reason a kebab-case code: why it was dropped (e.g. {@code "text-too-short"}, {@code "non-radiology"},
 *     {@code "no-radiology-modality"}; becomes the {@link org.radmd.core.Reject#reason()}), or what it was
 *     kept for (e.g. {@code "modality:CT,MR"})
 */
public record FilterDecision(boolean keep, String rule, String reason) implements Serializable {
  private static final long serialVersionUID = 1L;

  public FilterDecision {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }

  /** A keep verdict. */
  public static FilterDecision keep(String rule, String reason) {
    return new FilterDecision(true, rule, reason);
  }

  /** A drop verdict. */
  public static FilterDecision drop(String rule, String reason) {
    return new FilterDecision(false, rule, reason);
  }
}
