package org.radmd.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/** Large-star/small-star connected components on the DirectRunner against an in-memory union-find. */
class ConnectedComponentsTest {

  static Pipeline pipeline() {
    PipelineOptions o = PipelineOptionsFactory.create();
    o.setRunner(DirectRunner.class);
    return Pipeline.create(o);
  }

  @Test
  void labelsAreTheSmallestIdOfEachComponent() {
    List<KV<String, String>> edges = new ArrayList<>();
    // a long path (worst case for label propagation), with ids out of order along it
    SplittableRandom rnd = new SplittableRandom(1);
    List<String> path = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      path.add(String.format("p%05d", rnd.nextInt(100_000)));
    }
    for (int i = 1; i < path.size(); i++) {
      edges.add(ordered(path.get(i - 1), path.get(i)));
    }
    // a star, a triangle with a repeated edge, a pair, and a random sparse graph
    for (int i = 1; i <= 20; i++) {
      edges.add(ordered("s99", "s" + String.format("%02d", i)));
    }
    edges.add(ordered("t1", "t2"));
    edges.add(ordered("t2", "t3"));
    edges.add(ordered("t1", "t3"));
    edges.add(ordered("t1", "t3"));
    edges.add(ordered("x", "y"));
    for (int i = 0; i < 400; i++) {
      String a = "r" + rnd.nextInt(500);
      String b = "r" + rnd.nextInt(500);
      if (!a.equals(b)) {
        edges.add(ordered(a, b));
      }
    }
    Map<String, String> expected = unionFindLabels(edges);
    List<KV<String, String>> expectedKv = new ArrayList<>();
    expected.forEach((k, v) -> expectedKv.add(KV.of(k, v)));

    Pipeline p = pipeline();
    PCollection<KV<String, String>> labels = p
        .apply(Create.of(edges).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(new ConnectedComponents(ConnectedComponents.DEFAULT_ROUNDS));
    PAssert.that(labels).containsInAnyOrder(expectedKv);
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(0, unconverged(result), "converged within the default rounds");
  }

  @Test
  void tooFewRoundsAreCountedNotHidden() {
    List<KV<String, String>> edges = new ArrayList<>();
    for (int i = 1; i < 200; i++) {
      // a path whose ids alternate ends, so small-star cannot shortcut it
      edges.add(ordered(String.format("n%03d", (i - 1) % 2 == 0 ? i - 1 : 400 - i + 1),
          String.format("n%03d", i % 2 == 0 ? i : 400 - i)));
    }
    Pipeline p = pipeline();
    p.apply(Create.of(edges).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(new ConnectedComponents(1));
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long unconverged = unconverged(result);
    Map<String, String> truth = unionFindLabels(edges);
    assertEquals(1, truth.values().stream().distinct().count(), "one component");
    assertEquals(true, unconverged > 0, "one round cannot finish a 200-node path: " + unconverged);
    assertThrows(IllegalArgumentException.class, () -> new ConnectedComponents(0));
  }

  static long unconverged(PipelineResult result) {
    MetricQueryResults m = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("dedup", "components_unconverged")).build());
    long n = 0;
    for (var c : m.getCounters()) {
      n += c.getAttempted();
    }
    return n;
  }

  static KV<String, String> ordered(String a, String b) {
    return a.compareTo(b) < 0 ? KV.of(a, b) : KV.of(b, a);
  }

  static Map<String, String> unionFindLabels(List<KV<String, String>> edges) {
    Map<String, String> parent = new HashMap<>();
    for (KV<String, String> e : edges) {
      union(parent, e.getKey(), e.getValue());
    }
    Map<String, String> labels = new HashMap<>();
    for (String n : parent.keySet()) {
      labels.put(n, find(parent, n));
    }
    return labels;
  }

  private static String find(Map<String, String> parent, String x) {
    parent.putIfAbsent(x, x);
    while (!parent.get(x).equals(x)) {
      x = parent.get(x);
    }
    return x;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
