package org.radmd.pipelines.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radmd.core.Ids;

/**
 * Case-level train/test splits with a leakage guard.
 *
 * <p><b>Rule.</b> Samples are grouped by the connected components of a graph whose nodes are sample ids and case
 * ids, with an edge between every sample and its {@code caseId}, between a dedup representative and every id in
 * its {@code duplicates} attribute, and between a dropped duplicate and its representative (and the duplicate's
 * case, when its {@code DEDUP} reject names it) — see {@link DedupLink}. Case ids are compared as plain strings
 * across sources, so the same article under two sources (e.g. PMC-Inline and PMC-CaseReport share the PMCID) is one
 * case. A group's key is its lexicographically smallest case id; the group is {@code test} when
 * {@code u < testFraction}, where {@code u} in [0, 1) is the top 53 bits of the first 8 bytes of
 * SHA-256({@code seed + "\n" + key}) (UTF-8, big-endian) divided by 2^53, else {@code train}. So a case, every
 * sample of it, and every sample linked to it through deduplication land in one split; the assignment depends
 * only on the seed, the fraction and the group, never on input order or runner; and a group keeps its split when
 * unrelated samples are added. Splits are made after dedup, over MedMD (a superset of RadMD, so RadMD subsets
 * inherit them).
 *
 * <p>Memory holds the ids only (two strings per sample and per link), not the samples. Not thread-safe.
 */
public final class SplitAssigner {
  public static final String TRAIN = "train";
  public static final String TEST = "test";
  /** The splits, in output order. */
  public static final List<String> SPLITS = List.of(TRAIN, TEST);

  private final double testFraction;
  private final String seed;
  private final Map<String, String> parent = new HashMap<>();
  private Map<String, String> minCase;

  /**
   * @param testFraction share of groups (by hash) put in {@code test}, 0..1
   * @param seed any string; another seed gives another, equally deterministic, assignment
   * @throws IllegalArgumentException if the fraction is outside [0, 1] or the seed is null
   */
  public SplitAssigner(double testFraction, String seed) {
    if (!(testFraction >= 0 && testFraction <= 1)) {
      throw new IllegalArgumentException("test fraction must be in [0, 1]: " + testFraction);
    }
    if (seed == null) {
      throw new IllegalArgumentException("split seed must not be null");
    }
    this.testFraction = testFraction;
    this.seed = seed;
  }

  /**
   * Adds a kept sample: links it to its case and to each id of its dedup {@code duplicates} attribute
   * (comma-separated, may be null).
   */
  public void addSample(String sampleId, String caseId, String duplicates) {
    union(sampleNode(sampleId), caseNode(caseId));
    if (duplicates != null) {
      for (String d : duplicates.split(",")) {
        if (!d.isBlank()) {
          union(sampleNode(sampleId), sampleNode(d.strip()));
        }
      }
    }
  }

  /** Adds a dedup decision: the duplicate joins its representative's group, and its own case's. */
  public void addLink(DedupLink link) {
    union(sampleNode(link.duplicateId()), sampleNode(link.representativeId()));
    if (link.duplicateCase() != null) {
      union(sampleNode(link.duplicateId()), caseNode(link.duplicateCase()));
    }
  }

  /**
   * The split of a sample added before: {@link #TRAIN} or {@link #TEST}.
   *
   * @throws IllegalArgumentException if the sample was never added
   */
  public String split(String sampleId) {
    return isTest(seed, groupKey(sampleId), testFraction) ? TEST : TRAIN;
  }

  /**
   * The smallest case id of the sample's group.
   *
   * @throws IllegalArgumentException if the sample was never added or its group has no case
   */
  public String groupKey(String sampleId) {
    if (minCase == null) {
      minCase = new HashMap<>();
      for (String node : parent.keySet()) {
        if (node.startsWith("c\n")) {
          minCase.merge(find(node), node.substring(2), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
    }
    String node = sampleNode(sampleId);
    if (!parent.containsKey(node)) {
      throw new IllegalArgumentException("sample not added: " + sampleId);
    }
    String key = minCase.get(find(node));
    if (key == null) {
      throw new IllegalArgumentException("sample's group has no case: " + sampleId);
    }
    return key;
  }

  /** True when {@code sampleA} and {@code sampleB} are in one group. */
  public boolean sameGroup(String sampleA, String sampleB) {
    return find(sampleNode(sampleA)).equals(find(sampleNode(sampleB)));
  }

  /** The split rule for one group key (see the class comment). */
  public static boolean isTest(String seed, String groupKey, double testFraction) {
    byte[] h = Ids.sha256().digest((seed + "\n" + groupKey).getBytes(StandardCharsets.UTF_8));
    long bits = ByteBuffer.wrap(h, 0, 8).getLong();
    double u = (bits >>> 11) * 0x1.0p-53;
    return u < testFraction;
  }

  private static String sampleNode(String id) {
    return "s\n" + id;
  }

  private static String caseNode(String id) {
    return "c\n" + id;
  }

  private String find(String x) {
    String root = x;
    String p;
    while ((p = parent.get(root)) != null && !p.equals(root)) {
      root = p;
    }
    if (p == null) {
      parent.put(x, x);
      return x;
    }
    while (!x.equals(root)) {
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  private void union(String a, String b) {
    minCase = null;
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      // Attach the larger root under the smaller: the structure, like the result, does not depend on order.
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
