/**
 * Near-duplicate deduplication of the build at corpus scale, as Beam transforms: {@link
 * org.radmd.pipelines.dedup.NearDuplicateDedup} finds samples whose images are near-duplicates (pHash crop
 * family and LSH bands, Hamming distance, aligned correlation; volumes by slice-wise pHash) or whose texts are
 * (MinHash, LSH bands, exact Jaccard), clusters them by connected components ({@link
 * org.radmd.pipelines.dedup.ConnectedComponents}, large-star/small-star rounds), keeps one representative per
 * cluster ({@link org.radmd.pipelines.dedup.RepresentativeRule}) and turns the others into {@code DEDUP}
 * rejects. The primitives and their evaluation live in {@code org.radmd.filters.dedup}.
 *
 * <p>Every grouping is keyed (LSH band, image, sample pair, cluster), so no worker ever holds more than one
 * band bucket or one cluster; the largest are bounded by how many images share a 16-bit band value and by
 * cluster size. Every choice is independent of element order, so reruns give identical output.
 */
package org.radmd.pipelines.dedup;
