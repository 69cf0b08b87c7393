/**
 * Near-duplicate detection primitives for issue 5 and their evaluation on the real sample corpus.
 *
 * <p><b>Images.</b> {@link org.radmd.filters.dedup.PerceptualHash} is the 64-bit DCT pHash (and a 256-bit
 * variant) with Hamming distance; {@link org.radmd.filters.dedup.ImageSignature} adds the pHashes of a
 * {@link org.radmd.filters.dedup.CropFamily} of 49 crops and a 64 x 64 luma thumbnail;
 * {@link org.radmd.filters.dedup.ImageMatcher} decides a pair by crop-tolerant Hamming distance, then aligned
 * correlation; {@link org.radmd.filters.dedup.HammingBands} generates candidate pairs by LSH banding over the
 * hash bits. {@link org.radmd.filters.dedup.VolumeHash} hashes volumes slice by slice at fixed relative depths.
 *
 * <p><b>Texts.</b> {@link org.radmd.filters.dedup.Shingles} (normalization, character shingles, exact
 * Jaccard), {@link org.radmd.filters.dedup.MinHash} (seeded hash family, signatures, estimate),
 * {@link org.radmd.filters.dedup.LshBands} (b x r banding, S-curve, datasketch's parameter choice), combined in
 * {@link org.radmd.filters.dedup.NearDuplicateText}; {@link org.radmd.filters.dedup.TextIndex} is an in-memory
 * index over a list of texts.
 *
 * <p><b>Evaluation.</b> {@link org.radmd.filters.dedup.DedupEvaluation} (main class) runs
 * {@link org.radmd.filters.dedup.ImageEvaluation}, {@link org.radmd.filters.dedup.VolumeEvaluation} and
 * {@link org.radmd.filters.dedup.TextEvaluation} over sets built from {@link org.radmd.filters.dedup.EvalCorpus}
 * with the edits of {@link org.radmd.filters.dedup.ImagePerturbation} and
 * {@link org.radmd.filters.dedup.TextPerturbation}, scored as {@link org.radmd.filters.dedup.PairMetrics} and
 * text-dedup's {@link org.radmd.filters.dedup.DocumentMetrics}.
 *
 * <p>Every parameter's default is documented where it is defined, with its source and the measurement that
 * chose it. The primitives are deterministic (seeded; no dependence on iteration order), stateless or
 * immutable, and thread-safe unless a class says otherwise; their records are {@link java.io.Serializable} so
 * Beam DoFns can hold them. Arguments are non-null unless documented otherwise.
 */
package org.radmd.filters.dedup;
