package org.radmd.pipelines.dedup;

import org.radmd.core.Sample;

/**
 * A sample in a near-duplicate cluster, with its strongest link.
 *
 * @param sample the sample
 * @param edge its strongest confirmed edge ({@link Edge#STRONGEST_FIRST})
 */
record Member(Sample sample, Edge edge) {}
