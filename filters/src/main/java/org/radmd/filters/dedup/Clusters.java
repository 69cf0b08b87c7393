package org.radmd.filters.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores predicted duplicate edges against labelled groups, as dedup is judged: edges are closed under
 * transitivity (connected components, as the pipeline clusters them), and every pair inside a predicted
 * cluster counts as predicted duplicate.
 *
 * <p>Labels: items with the same group number are duplicates; items of different groups are distinct unless
 * {@code ignored} says the pair is not labelled (e.g. two parts of one case). Not thread-safe.
 */
final class Clusters {
  /** Whether a pair of items of different groups is left out of the counts. */
  interface Ignored {
    boolean test(int i, int j);
  }

  private final int[] group;
  private final UnionFind uf;

  Clusters(int[] group) {
    this.group = group.clone();
    this.uf = new UnionFind(group.length);
  }

  void link(int i, int j) {
    uf.union(i, j);
  }

  boolean together(int i, int j) {
    return uf.find(i) == uf.find(j);
  }

  /** Predicted clusters with at least two members, each sorted, in order of their smallest member. */
  List<List<Integer>> clusters() {
    Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < group.length; i++) {
      byRoot.computeIfAbsent(uf.find(i), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> c : byRoot.values()) {
      if (c.size() > 1) {
        out.add(c);
      }
    }
    return out;
  }

  /** Pair counts over all labelled pairs. */
  PairMetrics metrics(Ignored ignored) {
    long tp = 0;
    long fp = 0;
    for (List<Integer> c : clusters()) {
      for (int x = 0; x < c.size(); x++) {
        for (int y = x + 1; y < c.size(); y++) {
          int i = c.get(x);
          int j = c.get(y);
          if (group[i] == group[j]) {
            tp++;
          } else if (!ignored.test(i, j)) {
            fp++;
          }
        }
      }
    }
    Map<Integer, Integer> sizes = new LinkedHashMap<>();
    for (int g : group) {
      sizes.merge(g, 1, Integer::sum);
    }
    long positives = 0;
    for (int s : sizes.values()) {
      positives += (long) s * (s - 1) / 2;
    }
    return new PairMetrics(tp, fp, positives - tp);
  }
}
