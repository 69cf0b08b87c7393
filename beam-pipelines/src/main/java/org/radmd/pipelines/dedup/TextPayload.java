package org.radmd.pipelines.dedup;

/**
 * One text unit for confirmation.
 *
 * @param sampleId the sample
 * @param unit {@code all} or {@code caption}
 * @param normalized the unit's text after {@link org.radmd.filters.dedup.Shingles#normalize}
 */
record TextPayload(String sampleId, String unit, String normalized) {}
