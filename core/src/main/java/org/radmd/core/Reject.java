package org.radmd.core;

import java.util.Objects;

/**
 * An item a stage could not use or chose to drop: the pipeline's dead-letter record. Nothing is dropped
 * without one.
 *
 * @param source the source dataset's display name, or "unknown" when not yet known
 * @param stage the stage that produced the reject
 * @param reason a short stable code, kebab-case (e.g. "image-missing", "xml-malformed",
 *     "duplicate-exact", "non-radiology"); counted per code in stats.json
 * @param message a human-readable explanation naming the offending value
 * @param origin the origin file or URL (relative to the input root where possible)
 * @param itemId the sample or image id the reject is about, or null when no sample was formed
 */
public record Reject(String source, Stage stage, String reason, String message, String origin,
    String itemId) {
  public static final String UNKNOWN_SOURCE = "unknown";

  public Reject {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(origin, "origin");
  }

  /** A reject about a formed sample. */
  public static Reject of(Sample s, Stage stage, String reason, String message) {
    return new Reject(s.source().displayName(), stage, reason, message, s.provenance().origin(), s.id());
  }
}
