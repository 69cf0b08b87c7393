package org.radmd.filters.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory near-duplicate text search over a list of texts, the single-machine twin of the Beam transform:
 * MinHash signatures, LSH band buckets, exact-Jaccard confirmation. For evaluation sets and reports (tens of
 * thousands of texts); memory grows with the number of texts times their shingles. Not thread-safe.
 */
public final class TextIndex {
  private final NearDuplicateText config;
  private final List<String> normalized;
  private final long[][] shingles;

  /**
   * @param config the detector
   * @param texts raw texts; normalized with {@link NearDuplicateText#normalize}
   */
  public TextIndex(NearDuplicateText config, List<String> texts) {
    this.config = config;
    this.normalized = texts.stream().map(config::normalize).toList();
    this.shingles = new long[texts.size()][];
  }

  /** Number of texts. */
  public int size() {
    return normalized.size();
  }

  /** Text {@code i} as normalized. */
  public String normalized(int i) {
    return normalized.get(i);
  }

  /** A confirmed pair {@code i < j} with its exact Jaccard similarity. */
  public record Match(int i, int j, double jaccard) {}

  /**
   * Candidate pairs (sharing an LSH band) among eligible texts, as {@code i << 32 | j} with {@code i < j},
   * sorted, without repeats.
   */
  public long[] candidates() {
    Map<Long, List<Integer>> buckets = new HashMap<>();
    for (int i = 0; i < normalized.size(); i++) {
      String t = normalized.get(i);
      if (!config.eligible(t)) {
        continue;
      }
      for (long key : config.bandKeys(t)) {
        buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    long[] pairs = new long[16];
    int n = 0;
    for (List<Integer> b : buckets.values()) {
      for (int x = 0; x < b.size(); x++) {
        for (int y = x + 1; y < b.size(); y++) {
          if (n == pairs.length) {
            pairs = Arrays.copyOf(pairs, n * 2);
          }
          int i = Math.min(b.get(x), b.get(y));
          int j = Math.max(b.get(x), b.get(y));
          pairs[n++] = (long) i << 32 | j;
        }
      }
    }
    long[] out = Arrays.copyOf(pairs, n);
    Arrays.sort(out);
    int m = 0;
    for (int k = 0; k < out.length; k++) {
      if (k == 0 || out[k] != out[k - 1]) {
        out[m++] = out[k];
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** Candidates confirmed by exact Jaccard at least the detector's threshold. */
  public List<Match> matches() {
    List<Match> out = new ArrayList<>();
    for (long p : candidates()) {
      int i = (int) (p >>> 32);
      int j = (int) p;
      double s = jaccard(i, j);
      if (s >= config.threshold()) {
        out.add(new Match(i, j, s));
      }
    }
    return out;
  }

  /** Exact Jaccard similarity of texts {@code i} and {@code j}. */
  public double jaccard(int i, int j) {
    return Shingles.jaccard(shingles(i), shingles(j));
  }

  private long[] shingles(int i) {
    if (shingles[i] == null) {
      shingles[i] = config.shingles(normalized.get(i));
    }
    return shingles[i];
  }
}
