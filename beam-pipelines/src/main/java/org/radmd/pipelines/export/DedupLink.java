package org.radmd.pipelines.export;

import org.radmd.core.Reject;
import org.radmd.core.Stage;

/**
 * One deduplication decision read back from a {@code DEDUP} reject: the dropped duplicate, the representative it
 * duplicates, the duplicate's case where the reject names it, and the kind of match.
 *
 * <p>Read from the messages the dedup stages write: {@code "duplicate_of=<representative>: <evidence>[; case=<case
 * id>][; cluster of <n>]"} (near-duplicate and exact dedup; a case id holds no "; ") or the older
 * {@code "same pixels and normalized text as <id>"}. The kind comes from the reason: {@code duplicate-exact} is
 * {@link #EXACT}; {@code duplicate-near-text} is {@link #NEAR_TEXT}; {@code duplicate-near-image} is
 * {@link #NEAR_VOLUME} when the evidence is a mean slice-wise
 * pHash (two volumes), else {@link #NEAR_IMAGE}.
 *
 * @param duplicateId the dropped sample's id
 * @param duplicateSource the dropped sample's source display name
 * @param representativeId the kept (or, for exact duplicates, first-kept) sample's id
 * @param duplicateCase the dropped sample's case id, or null when the reject does not name it
 * @param kind one of {@link #EXACT}, {@link #NEAR_IMAGE}, {@link #NEAR_VOLUME}, {@link #NEAR_TEXT}
 */
public record DedupLink(String duplicateId, String duplicateSource, String representativeId, String duplicateCase,
    String kind) {
  public static final String EXACT = "exact";
  public static final String NEAR_IMAGE = "near-image";
  public static final String NEAR_VOLUME = "near-volume";
  public static final String NEAR_TEXT = "near-text";
  private static final String PREFIX = "duplicate_of=";
  private static final String LEGACY_EXACT = "same pixels and normalized text as ";
  private static final String CASE = "; case=";

  /** The link a reject records, or null when it is not a dedup reject or names no representative. */
  public static DedupLink of(Reject r) {
    if (r.stage() != Stage.DEDUP || r.itemId() == null) {
      return null;
    }
    String m = r.message();
    String rep = null;
    if (m.startsWith(PREFIX)) {
      int colon = m.indexOf(": ", PREFIX.length());
      rep = (colon < 0 ? m.substring(PREFIX.length()) : m.substring(PREFIX.length(), colon)).strip();
    } else if (m.startsWith(LEGACY_EXACT)) {
      rep = m.substring(LEGACY_EXACT.length()).strip();
    }
    if (rep == null || rep.isEmpty()) {
      return null;
    }
    int c = m.lastIndexOf(CASE);
    String caseId = null;
    if (c >= 0) {
      int end = m.indexOf("; ", c + CASE.length());
      caseId = m.substring(c + CASE.length(), end < 0 ? m.length() : end).strip();
    }
    String kind = switch (r.reason()) {
      case "duplicate-exact" -> EXACT;
      case "duplicate-near-text" -> NEAR_TEXT;
      default -> m.contains("mean slice pHash") ? NEAR_VOLUME : NEAR_IMAGE;
    };
    return new DedupLink(r.itemId(), r.source(), rep, caseId == null || caseId.isEmpty() ? null : caseId, kind);
  }
}
