package org.radmd.pipelines.dedup;

/**
 * One text unit of a sample under one LSH band key.
 *
 * @param unitKey {@code sampleId + "#" + unit} where unit is {@code all} (the joined text) or {@code caption}
 * @param sampleId the sample
 * @param source the sample's source dataset display name
 * @param caseId the sample's case
 */
record TextEntry(String unitKey, String sampleId, String source, String caseId) {
  /** Whether two entries may be compared: different samples, not both of one source and case. */
  boolean comparable(TextEntry o) {
    return !sampleId.equals(o.sampleId) && !(source.equals(o.source) && caseId.equals(o.caseId));
  }
}
