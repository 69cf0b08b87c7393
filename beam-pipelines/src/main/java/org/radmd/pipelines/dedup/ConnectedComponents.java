package org.radmd.pipelines.dedup;

import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Connected components of an undirected graph given as an edge list, as Beam transforms: alternating
 * Large-Star and Small-Star rounds (R. Kiveris, S. Lattanzi, V. Mirrokni, V. Rastogi, S. Vassilvitskii,
 * "Connected Components in MapReduce and Beyond", SoCC 2014, Algorithm "Alternating"), a fixed number of
 * times.
 *
 * <ul>
 *   <li><b>Large-Star</b>: every node u links each neighbour larger than itself to {@code m(u)}, the smallest
 *       of u and its neighbours.
 *   <li><b>Small-Star</b>: every node u links itself and each neighbour smaller than itself to the smallest of
 *       those.
 * </ul>
 * Both keep every component connected; alternating them turns each component into a star around its smallest
 * node in O(log^2 n) rounds (in practice a handful). The label of a node is then the smallest of itself and its
 * neighbours: the component's smallest id. Each round is one GroupByKey over the current edges, so a worker
 * holds one node's neighbourhood, never the graph.
 *
 * <p>The rounds are unrolled into the pipeline ({@code rounds} pairs, default {@value #DEFAULT_ROUNDS}): enough
 * for any component of up to 2<sup>{@value #DEFAULT_ROUNDS}</sup> nodes even along a path. Convergence is
 * checked afterwards: every input edge whose ends got different labels counts in
 * {@code dedup.components_unconverged}; such a component is then split into sub-clusters, each resolved on its
 * own (fewer duplicates removed, none wrongly).
 *
 * <p>Input: edges {@code KV(a, b)} with {@code a < b}, repeats allowed. Output: {@code KV(node, label)} for
 * every node with an edge.
 */
public final class ConnectedComponents
    extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
  private static final long serialVersionUID = 1L;
  /** Default number of Large-Star + Small-Star round pairs. */
  public static final int DEFAULT_ROUNDS = 8;
  private final int rounds;

  /** @param rounds Large-Star + Small-Star round pairs, at least 1 */
  public ConnectedComponents(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
    }
    this.rounds = rounds;
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    KvCoder<String, String> coder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    PCollection<KV<String, String>> current = edges;
    for (int r = 0; r < rounds; r++) {
      current = current
          .apply("LargeStarEmit" + r, ParDo.of(new BothWaysFn())).setCoder(coder)
          .apply("LargeStarGroup" + r, GroupByKey.create())
          .apply("LargeStar" + r, ParDo.of(new LargeStarFn())).setCoder(coder)
          .apply("SmallStarEmit" + r, ParDo.of(new DownFn())).setCoder(coder)
          .apply("SmallStarGroup" + r, GroupByKey.create())
          .apply("SmallStar" + r, ParDo.of(new SmallStarFn())).setCoder(coder);
    }
    PCollection<KV<String, String>> labels = current
        .apply("LabelEmit", ParDo.of(new BothWaysFn())).setCoder(coder)
        .apply("LabelGroup", GroupByKey.create())
        .apply("Label", ParDo.of(new LabelFn())).setCoder(coder);
    check(edges, labels, coder);
    return labels;
  }

  /** Counts input edges whose ends got different labels (none once converged). */
  private static void check(PCollection<KV<String, String>> edges, PCollection<KV<String, String>> labels,
      KvCoder<String, String> coder) {
    TupleTag<String> other = new TupleTag<>("other");
    TupleTag<String> label = new TupleTag<>("label");
    PCollection<KV<String, String>> rightWithLeftLabel = KeyedPCollectionTuple.of(other, edges).and(label, labels)
        .apply("CheckByLeft", CoGroupByKey.create())
        .apply("CarryLabel", ParDo.of(new DoFn<KV<String, CoGbkResult>, KV<String, String>>() {
          private static final long serialVersionUID = 1L;

          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, String>> out) {
            String l = e.getValue().getOnly(label, null);
            for (String b : e.getValue().getAll(other)) {
              out.output(KV.of(b, l == null ? "" : l));
            }
          }
        })).setCoder(coder);
    TupleTag<String> carried = new TupleTag<>("carried");
    KeyedPCollectionTuple.of(carried, rightWithLeftLabel).and(label, labels)
        .apply("CheckByRight", CoGroupByKey.create())
        .apply("CountUnconverged", ParDo.of(new DoFn<KV<String, CoGbkResult>, Void>() {
          private static final long serialVersionUID = 1L;
          private final Counter unconverged = Metrics.counter("dedup", "components_unconverged");

          @ProcessElement
          public void process(@Element KV<String, CoGbkResult> e) {
            String l = e.getValue().getOnly(label, null);
            for (String left : e.getValue().getAll(carried)) {
              if (!left.equals(l)) {
                unconverged.inc();
              }
            }
          }
        }));
  }

  /** Edge {a, b} as (a, b) and (b, a). */
  static final class BothWaysFn extends DoFn<KV<String, String>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      out.output(e);
      out.output(KV.of(e.getValue(), e.getKey()));
    }
  }

  /** Edge {@code (a, b)}, {@code a < b}, as {@code (b, a)}: each node sees its smaller neighbours. */
  static final class DownFn extends DoFn<KV<String, String>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(e.getValue(), e.getKey()));
    }
  }

  /** Large-Star at node u over all its neighbours. */
  static final class LargeStarFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, OutputReceiver<KV<String, String>> out) {
      String u = node.getKey();
      TreeSet<String> n = new TreeSet<>();
      node.getValue().forEach(n::add);
      String m = n.isEmpty() || u.compareTo(n.first()) < 0 ? u : n.first();
      for (String v : n.tailSet(u, false)) {
        if (!v.equals(m)) {
          out.output(ordered(v, m));
        }
      }
    }
  }

  /** Small-Star at node u over its smaller neighbours. */
  static final class SmallStarFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, OutputReceiver<KV<String, String>> out) {
      String u = node.getKey();
      TreeSet<String> n = new TreeSet<>();
      node.getValue().forEach(n::add);
      n.add(u);
      String m = n.first();
      for (String v : n) {
        if (!v.equals(m)) {
          out.output(ordered(v, m));
        }
      }
    }
  }

  /** The label of node u: the smallest of u and its neighbours. */
  static final class LabelFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> node, OutputReceiver<KV<String, String>> out) {
      String m = node.getKey();
      for (String v : node.getValue()) {
        if (v.compareTo(m) < 0) {
          m = v;
        }
      }
      out.output(KV.of(node.getKey(), m));
    }
  }

  private static KV<String, String> ordered(String x, String y) {
    return x.compareTo(y) < 0 ? KV.of(x, y) : KV.of(y, x);
  }
}
