package org.radmd.pipelines.dedup;

/**
 * A confirmed near-duplicate pair of images of two samples, {@code sampleA < sampleB}.
 *
 * @param sampleA the smaller sample id
 * @param indexA the image's index in sample A
 * @param countA the number of images of sample A
 * @param sampleB the larger sample id
 * @param indexB the image's index in sample B
 * @param countB the number of images of sample B
 * @param hamming pHash distance in bits: crop-tolerant (2D) or mean slice-wise (3D)
 * @param correlation aligned correlation (2D), NaN for volumes
 */
record ImageMatch(String sampleA, int indexA, int countA, String sampleB, int indexB, int countB, double hamming,
    double correlation) {}
