package org.radmd.core.dicom;

import java.util.Objects;

/**
 * An instance that must not be released because de-identification cannot make it safe, e.g. Burned In
 * Annotation (0028,0301) = YES without pixel cleaning (PS3.15 E.1.1, Clean Pixel Data Option).
 */
public class DeidentificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Reject code for images that may carry burned-in identifying text. */
  public static final String BURNED_IN_ANNOTATION = "dicom-burned-in-annotation";

  private final String reason;

  /**
   * @param reason a stable kebab-case reject code, e.g. {@link #BURNED_IN_ANNOTATION}
   * @param message a human-readable explanation (never containing identifying values)
   */
  public DeidentificationException(String reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The reject reason code. */
  public String reason() {
    return reason;
  }
}
