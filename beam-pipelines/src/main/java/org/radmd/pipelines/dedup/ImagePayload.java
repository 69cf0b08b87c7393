package org.radmd.pipelines.dedup;

import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.VolumeHash;

/**
 * What the confirmation step needs of one stored image: whose it is, how many images its sample has (for the
 * covering rule), and its signature (2D) or volume hash (3D); exactly one of the two is set.
 *
 * @param sampleId the sample
 * @param index the image's index in the sample
 * @param count the number of images of the sample
 * @param picture the 2D signature, or null
 * @param volume the volume hash, or null
 */
record ImagePayload(String sampleId, int index, int count, ImageSignature picture, VolumeHash volume) {}
