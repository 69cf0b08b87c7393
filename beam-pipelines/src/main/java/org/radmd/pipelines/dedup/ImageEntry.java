package org.radmd.pipelines.dedup;

/**
 * One image under one LSH band key: a registration (a crop-family member of the image, or a volume's key
 * slice) or a probe (the image's whole-picture hash). Two entries meet when they share a key.
 *
 * @param imageKey {@code sampleId + "#" + image index}
 * @param sampleId the sample
 * @param source the sample's source dataset display name
 * @param caseId the sample's case
 * @param probe true for a probe, false for a registration
 * @param hash the hash this entry stands for: the family member's (registration) or the whole picture's
 *     (probe); for volumes the key slice's
 */
record ImageEntry(String imageKey, String sampleId, String source, String caseId, boolean probe, long hash) {
  /** Whether two entries may be compared: different samples, not both of one source and case. */
  boolean comparable(ImageEntry o) {
    return !sampleId.equals(o.sampleId) && !(source.equals(o.source) && caseId.equals(o.caseId));
  }
}
