package org.radmd.pipelines.dedup.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.pipelines.Runners;
import org.radmd.pipelines.build.ExactDedup;
import org.radmd.pipelines.coders.JsonRecordCoder;
import org.radmd.pipelines.dedup.NearDuplicateDedup;

/**
 * One point of the dedup scale benchmark (issue 5): generates a {@link ScaleCorpus} of N samples inside the
 * pipeline and runs the build's dedup transforms on it, {@link ExactDedup} then {@link NearDuplicateDedup}
 * (the same classes and defaults {@code BuildPipeline} uses; only the image signatures come from
 * {@link GeneratedSignatures} instead of stored pixels), on embedded Flink at the given parallelism. Prints
 * wall time, samples/s, the JVM's peak resident memory (VmHWM), and duplicates found against those planted.
 * Run one point per JVM ({@code scripts/bench-dedup}) so the peak memory is the point's own.
 *
 * <pre>
 * DedupScaleBench --build-pool --corpus ../shared/corpus --pool POOL
 * DedupScaleBench --pool POOL --samples 10000 [--parallelism 2] [--seed 5] [--near 0.2] [--exact 0.02]
 *                 [--flip-bits 8] [--runner flink|direct]
 * </pre>
 */
public final class DedupScaleBench {
  private static final TupleTag<Sample> KEPT = new TupleTag<>("kept") {};
  private static final TupleTag<Reject> REJECTED = new TupleTag<>("rejected") {};
  static final int CHUNK = 2_000;

  private DedupScaleBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = options(args);
    Path poolFile = Path.of(required(a, "pool"));
    long seed = Long.parseLong(a.getOrDefault("seed", "5"));
    if (a.containsKey("build-pool")) {
      long t0 = System.nanoTime();
      SignaturePool pool = SignaturePool.build(Path.of(required(a, "corpus")), seed);
      pool.write(poolFile);
      System.out.printf(Locale.ROOT, "pool: %d signatures of %d real images, %d texts, %.1f s -> %s%n",
          pool.entries().size(), pool.groups(), pool.texts().size(), (System.nanoTime() - t0) / 1e9, poolFile);
      return;
    }
    long n = Long.parseLong(required(a, "samples"));
    int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "2"));
    ScaleCorpus corpus = new ScaleCorpus(poolFile, n, seed, Double.parseDouble(a.getOrDefault("near", "0.2")),
        Double.parseDouble(a.getOrDefault("exact", "0.02")), Integer.parseInt(a.getOrDefault("flip-bits", "8")));
    SignaturePool.cached(poolFile);
    System.out.println(corpus);

    PipelineOptions o = PipelineOptionsFactory.create();
    Runners.configure(o, Runners.Kind.valueOf(a.getOrDefault("runner", "flink").toUpperCase(Locale.ROOT)), null,
        parallelism);
    Pipeline p = Pipeline.create(o);
    expand(p, corpus);
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    PipelineResult r = p.run();
    r.waitUntilFinish();
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;

    Map<String, Long> c = counters(r.metrics().allMetrics());
    long plantedExact = corpus.plantedExact();
    Map<ScaleCorpus.Role, Long> planted = plantedNear(corpus);
    StringBuilder line = new StringBuilder("RESULT");
    put(line, "samples", n);
    put(line, "parallelism", parallelism);
    put(line, "wall_s", String.format(Locale.ROOT, "%.1f", wall));
    put(line, "samples_per_s", String.format(Locale.ROOT, "%.0f", n / wall));
    put(line, "cpu_s", String.format(Locale.ROOT, "%.1f", cpu));
    put(line, "samples_per_cpu_s", String.format(Locale.ROOT, "%.0f", n / cpu));
    put(line, "vmhwm_mb", vmHwmKb() / 1024);
    put(line, "heap_max_mb", Runtime.getRuntime().maxMemory() >> 20);
    put(line, "kept", c.getOrDefault("bench/kept", 0L));
    put(line, "expected_kept", corpus.originals());
    put(line, "exact_found", c.getOrDefault("bench/true_EXACT", 0L));
    put(line, "exact_planted", plantedExact);
    long nearFound = 0;
    long nearPlanted = 0;
    for (ScaleCorpus.Role role : List.of(ScaleCorpus.Role.NEAR_IMAGE_AND_TEXT, ScaleCorpus.Role.NEAR_IMAGE,
        ScaleCorpus.Role.NEAR_TEXT)) {
      long found = c.getOrDefault("bench/true_" + role, 0L);
      put(line, role.name().toLowerCase(Locale.ROOT) + "_found", found + "/" + planted.get(role));
      nearFound += found;
      nearPlanted += planted.get(role);
    }
    put(line, "near_recall", String.format(Locale.ROOT, "%.4f", nearPlanted == 0 ? 1.0 : (double) nearFound
        / nearPlanted));
    put(line, "false_duplicates", c.getOrDefault("bench/false", 0L));
    for (String k : List.of("dedup/pictures_hashed", "dedup/image_candidates", "dedup/image_pairs_confirmed",
        "dedup/image_pairs_rejected", "dedup/text_units", "dedup/text_pairs_confirmed", "dedup/text_pairs_rejected",
        "dedup/images_unreadable", "dedup/exact_duplicates")) {
      put(line, k.substring(k.indexOf('/') + 1), c.getOrDefault(k, 0L));
    }
    for (Map.Entry<String, DistributionResult> d : distributions(r.metrics().allMetrics()).entrySet()) {
      String k = d.getKey().substring(d.getKey().indexOf('/') + 1);
      put(line, k + "_max", d.getValue().getMax());
      put(line, k + "_mean", String.format(Locale.ROOT, "%.1f", d.getValue().getMean()));
      put(line, k + "_buckets", d.getValue().getCount());
    }
    System.out.println(line);
  }

  /** Generation, exact dedup, near dedup, and the checks against the planted duplicates. */
  static void expand(Pipeline p, ScaleCorpus corpus) {
    List<Long> starts = new ArrayList<>();
    for (long s = 0; s < corpus.samples(); s += CHUNK) {
      starts.add(s);
    }
    PCollection<Sample> samples = p.apply("Chunks", Create.of(starts).withCoder(VarLongCoder.of()))
        .apply("Generate", ParDo.of(new GenerateFn(corpus))).setCoder(JsonRecordCoder.samples());
    PCollectionTuple exact = samples.apply("ExactDedup", new ExactDedup());
    PCollection<Reject> exactRejects = exact.get(ExactDedup.REJECTED).setCoder(JsonRecordCoder.rejects());
    PCollectionTuple near = exact.get(ExactDedup.KEPT).setCoder(JsonRecordCoder.samples())
        .apply("NearDuplicateDedup", new NearDuplicateDedup("generated", KEPT, REJECTED)
            .withImageSignatures(new GeneratedSignatures(corpus)));
    near.get(KEPT).apply("CountKept", ParDo.of(new CountFn()));
    PCollectionList.of(exactRejects).and(near.get(REJECTED))
        .apply("AllRejects", Flatten.pCollections()).setCoder(JsonRecordCoder.rejects())
        .apply("CheckRejects", ParDo.of(new CheckFn(corpus)));
  }

  /** Samples {@code start .. start + CHUNK - 1} of the corpus. */
  static final class GenerateFn extends DoFn<Long, Sample> {
    private static final long serialVersionUID = 1L;
    private final ScaleCorpus corpus;

    GenerateFn(ScaleCorpus corpus) {
      this.corpus = corpus;
    }

    @ProcessElement
    public void process(@Element Long start, OutputReceiver<Sample> out) {
      for (long i = start; i < Math.min(start + CHUNK, corpus.samples()); i++) {
        out.output(corpus.sample(i));
      }
    }
  }

  static final class CountFn extends DoFn<Sample, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter kept = Metrics.counter("bench", "kept");

    @ProcessElement
    public void process(@Element Sample s) {
      kept.inc();
    }
  }

  /**
   * A reject is a true duplicate when it and the sample it names share an identity; it is counted under the
   * role of the planted member of the pair.
   */
  static final class CheckFn extends DoFn<Reject, Void> {
    private static final long serialVersionUID = 1L;
    private final ScaleCorpus corpus;

    CheckFn(ScaleCorpus corpus) {
      this.corpus = corpus;
    }

    @ProcessElement
    public void process(@Element Reject r) {
      long a = ScaleCorpus.indexOf(r.itemId());
      long b = ScaleCorpus.indexOf(representative(r.message()));
      ScaleCorpus.Role roleA = corpus.role(a);
      ScaleCorpus.Role role = roleA != ScaleCorpus.Role.ORIGINAL ? roleA : corpus.role(b);
      boolean truth = corpus.identity(a) == corpus.identity(b) && role != ScaleCorpus.Role.ORIGINAL;
      Metrics.counter("bench", truth ? "true_" + role : "false").inc();
      if (!truth) {
        System.err.println("FALSE DUPLICATE " + r.itemId() + " (" + roleA + "): " + r.message());
      }
    }
  }

  /** The sample a dedup reject's message names. */
  static String representative(String message) {
    String exact = "same pixels and normalized text as ";
    if (message.startsWith(exact)) {
      return message.substring(exact.length()).strip();
    }
    if (message.startsWith("duplicate_of=")) {
      return message.substring("duplicate_of=".length(), message.indexOf(':'));
    }
    throw new IllegalArgumentException("unexpected dedup reject message: " + message);
  }

  static Map<ScaleCorpus.Role, Long> plantedNear(ScaleCorpus corpus) {
    Map<ScaleCorpus.Role, Long> out = new TreeMap<>();
    for (ScaleCorpus.Role r : ScaleCorpus.Role.values()) {
      out.put(r, 0L);
    }
    for (long i = corpus.originals(); i < corpus.originals() + corpus.plantedNear(); i++) {
      out.merge(corpus.role(i), 1L, Long::sum);
    }
    return out;
  }

  private static Map<String, Long> counters(MetricQueryResults m) {
    Map<String, Long> out = new TreeMap<>();
    for (MetricResult<Long> c : m.getCounters()) {
      out.merge(c.getName().getNamespace() + "/" + c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return out;
  }

  private static Map<String, DistributionResult> distributions(MetricQueryResults m) {
    Map<String, DistributionResult> out = new TreeMap<>();
    for (MetricResult<DistributionResult> d : m.getDistributions()) {
      out.merge(d.getName().getNamespace() + "/" + d.getName().getName(), d.getAttempted(),
          (x, y) -> DistributionResult.create(x.getSum() + y.getSum(), x.getCount() + y.getCount(),
              Math.min(x.getMin(), y.getMin()), Math.max(x.getMax(), y.getMax())));
    }
    return out;
  }

  /** CPU time of this JVM, all threads, in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Peak resident set size of this JVM in KiB ({@code VmHWM} of /proc/self/status), or -1 where unknown. */
  static long vmHwmKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static void put(StringBuilder line, String key, Object value) {
    line.append(' ').append(key).append('=').append(value);
  }

  private static String required(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + args[i]);
      }
      String k = args[i].substring(2);
      if (k.equals("build-pool")) {
        out.put(k, "true");
      } else if (i + 1 < args.length) {
        out.put(k, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + k + " needs a value");
      }
    }
    return out;
  }
}
