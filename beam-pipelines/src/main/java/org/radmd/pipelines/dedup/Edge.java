package org.radmd.pipelines.dedup;

import java.util.Comparator;
import java.util.Locale;

/**
 * A confirmed near-duplicate link between two samples, {@code a < b} by id.
 *
 * @param a the smaller sample id
 * @param b the larger sample id
 * @param kind what matched
 * @param score IMAGE: pHash Hamming distance in bits (2D: crop-tolerant; 3D: mean slice-wise); TEXT: exact
 *     Jaccard similarity
 * @param detail human-readable evidence, e.g. {@code "pHash Hamming 4/64, correlation 0.962"}
 */
record Edge(String a, String b, Kind kind, double score, String detail) {
  /** What matched. IMAGE ranks before TEXT when a pair matched both ways. */
  enum Kind {
    IMAGE("duplicate-near-image", "image"),
    TEXT("duplicate-near-text", "text");

    final String reason;
    final String noun;

    Kind(String reason, String noun) {
      this.reason = reason;
      this.noun = noun;
    }
  }

  /** Strongest first: images before texts, then smaller distance or larger Jaccard, then by ids. */
  static final Comparator<Edge> STRONGEST_FIRST = Comparator.comparing(Edge::kind)
      .thenComparingDouble(e -> e.kind() == Kind.IMAGE ? e.score() : -e.score())
      .thenComparing(Edge::a).thenComparing(Edge::b);

  Edge {
    if (a.compareTo(b) >= 0) {
      throw new IllegalArgumentException("edge ends must be ordered and distinct: " + a + ", " + b);
    }
  }

  /** An edge between two samples given in any order. */
  static Edge of(String x, String y, Kind kind, double score, String detail) {
    return x.compareTo(y) < 0 ? new Edge(x, y, kind, score, detail) : new Edge(y, x, kind, score, detail);
  }

  /** The other end. */
  String other(String id) {
    return id.equals(a) ? b : a;
  }

  /** {@code a + "\n" + b}: the key of the sample pair. */
  String pairKey() {
    return a + "\n" + b;
  }

  /** For messages: {@code "near-duplicate image of X (pHash Hamming 4/64, correlation 0.962)"}. */
  String describe(String from) {
    return String.format(Locale.ROOT, "near-duplicate %s of %s (%s)", kind.noun, other(from), detail);
  }
}
