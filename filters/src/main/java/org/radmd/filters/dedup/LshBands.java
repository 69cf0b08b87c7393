package org.radmd.filters.dedup;

import java.io.Serializable;

/**
 * LSH banding of MinHash signatures (A. Rajaraman, J. Ullman, <i>Mining of Massive Datasets</i>, §3.4): the
 * signature is cut into {@code b} bands of {@code r} rows; two texts become a candidate pair when all rows of
 * at least one band agree. For Jaccard similarity {@code s} that happens with probability
 * {@code P(s) = 1 - (1 - s^r)^b}, an S-curve whose steepest point is near {@code (1/b)^(1/r)}.
 *
 * <p><b>Defaults: b = 16, r = 8 (128 hashes)</b>, for the confirmation threshold J = 0.8 of
 * {@link NearDuplicateText}. Candidates are confirmed by exact Jaccard, so a false candidate costs one
 * comparison while a missed pair is lost for good: the curve is placed left of 0.8 so it is nearly flat at 1
 * there. Values of {@link #probability}:
 *
 * <pre>
 *  s       0.3     0.5     0.6     0.7     0.8     0.9     (steepest ~ threshold())
 *  16x8    0.0010  0.061   0.24    0.61    0.947   0.9999  0.707   radmd default
 *  20x13   0.00000 0.0024  0.026   0.18    0.68    0.997   0.794   NeMo Curator (260 hashes, J &gt;= 0.8)
 *  9x13    0.00000 0.0011  0.012   0.084   0.40    0.93    0.844   datasketch optimum for t = 0.8, 128
 *  32x4    0.23    0.87    0.99    0.9999  1.0     1.0     0.420   (too many candidates)
 * </pre>
 *
 * NeMo Curator ({@code FuzzyDeduplicationWorkflow}: 20 bands x 13 hashes, Jaccard threshold 0.8) misses a
 * third of the pairs right at 0.8 and relies on real duplicates sitting well above it; datasketch's
 * {@code MinHashLSH(threshold=0.8, num_perm=128)} picks (b, r) minimizing the equally weighted integrals of
 * false-positive and false-negative probability ({@link #datasketchOptimum}), which puts the S-curve on the
 * threshold (9 x 13) and misses 60 % of the pairs at exactly 0.8. Our 16 x 8 keeps 94.7 % at 0.8 and
 * 99.99 % at 0.9 while only 6 % of pairs at J = 0.5 become candidates.
 *
 * <p>Band keys are 64-bit: the band index and the band's {@code r} values mixed with MurmurHash3's
 * {@code fmix64}, so keys of different bands never meet. Immutable and thread-safe.
 *
 * @param bands b, at least 1
 * @param rows r, at least 1
 */
public record LshBands(int bands, int rows) implements Serializable {
  /** The default banding: 16 bands of 8 rows over a 128-hash signature. */
  public static final LshBands DEFAULT = new LshBands(16, 8);

  public LshBands {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive: " + bands + "x" + rows);
    }
  }

  /** Signature length this banding reads: {@code bands * rows}. */
  public int hashesUsed() {
    return bands * rows;
  }

  /**
   * One key per band.
   *
   * @param signature a MinHash signature of at least {@link #hashesUsed()} values
   * @return {@code bands} keys; equal keys at the same index mean the band agrees (up to 2<sup>-64</sup>)
   * @throws IllegalArgumentException if the signature is too short
   */
  public long[] keys(int[] signature) {
    if (signature.length < hashesUsed()) {
      throw new IllegalArgumentException("signature of " + signature.length + " values is shorter than "
          + bands + "x" + rows);
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = Shingles.fmix64(0x9E3779B97F4A7C15L * (band + 1));
      for (int j = band * rows; j < (band + 1) * rows; j++) {
        h = Shingles.fmix64(h ^ (signature[j] & 0xFFFF_FFFFL));
      }
      keys[band] = h;
    }
    return keys;
  }

  /** {@code P(s) = 1 - (1 - s^r)^b}: the chance that texts of Jaccard similarity {@code s} become candidates. */
  public double probability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  /** The similarity where the S-curve is steepest, approximately {@code (1/b)^(1/r)}. */
  public double threshold() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /**
   * The banding datasketch's {@code MinHashLSH} chooses ({@code datasketch/lsh.py}, {@code _optimal_param}):
   * over all {@code b * r <= numHashes}, the one minimizing {@code fpWeight * integral_0^t P(s) ds +
   * fnWeight * integral_t^1 (1 - P(s)) ds}. Integrals by the midpoint rule with step 0.001 (datasketch's own
   * fallback when SciPy is missing).
   *
   * @param threshold Jaccard threshold t in (0, 1)
   * @param numHashes signature length
   * @param fpWeight weight of false positives (datasketch default 0.5)
   * @param fnWeight weight of false negatives (datasketch default 0.5)
   */
  public static LshBands datasketchOptimum(double threshold, int numHashes, double fpWeight, double fnWeight) {
    if (!(threshold > 0 && threshold < 1) || numHashes < 1) {
      throw new IllegalArgumentException("need 0 < threshold < 1 and numHashes >= 1");
    }
    double best = Double.POSITIVE_INFINITY;
    LshBands opt = null;
    for (int b = 1; b <= numHashes; b++) {
      for (int r = 1; r <= numHashes / b; r++) {
        LshBands c = new LshBands(b, r);
        double fp = integrate(c, 0, threshold, false);
        double fn = integrate(c, threshold, 1, true);
        double err = fpWeight * fp + fnWeight * fn;
        if (err < best) {
          best = err;
          opt = c;
        }
      }
    }
    return opt;
  }

  private static double integrate(LshBands c, double lo, double hi, boolean complement) {
    double step = 0.001;
    double area = 0;
    for (double x = lo; x < hi; x += step) {
      double p = c.probability(x + step / 2);
      area += (complement ? 1 - p : p) * step;
    }
    return area;
  }
}
