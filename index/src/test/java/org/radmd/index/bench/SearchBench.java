package org.radmd.index.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.index.CaseSearcher;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.ImageEmbedder;
import org.radmd.index.SampleIndexer;
import org.radmd.index.SearchRequest;
import org.radmd.index.StoredCorpus;
import org.radmd.testing.SharedCorpus;

/**
 * Indexing throughput and query latency of the radmd index on generated indexes derived from the real corpus
 * ({@link BenchCorpus}). One thread indexes (Lucene's merges run in the background) and one thread queries; run
 * it under {@code taskset -c 0} to confine the whole JVM to one core. Not a test: it asserts nothing.
 *
 * <p>Measured: documents per second from the first upsert to the end of the commit; then, on a warmed searcher,
 * the latency of {@link CaseSearcher#search} (grouped hits, facet counts over the three dimensions, highlighted
 * snippets, limit 20) for three query sets, half of each with a modality filter:
 *
 * <ul>
 *   <li>{@code disease-zipf}: disease names drawn with the same Zipf law that assigned them (popular diseases are
 *       queried more), with vocabulary synonym expansion;
 *   <li>{@code disease-rare}: names drawn uniformly from the whole vocabulary (mostly tail terms, few matches);
 *   <li>{@code corpus-words}: the corpus's own diagnoses ("medulloblastoma", "pulmonary embolism", ...), which
 *       occur in the copied texts of a large share of all documents: the worst case;
 * </ul>
 *
 * <p>and of {@link CaseSearcher#similar} (k = 10) for random samples. Each latency set is reported as wall time and,
 * under {@code cpu}, as the querying thread's CPU time, which is what a query costs on an otherwise idle core
 * (Lucene searches on the calling thread; no executor is configured).
 *
 * <pre>
 * mvn -B -q -o -pl index test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * taskset -c 0 java -Xmx3g -cp index/target/test-classes:index/target/classes:$(cat index/target/bench.cp) \
 *     org.radmd.index.bench.SearchBench --docs 100000 --dir /tmp/radmd-bench-1e5
 * </pre>
 *
 * <p>Options: {@code --docs N} (default 100000), {@code --dir DIR} (the index folder; must not exist; default a
 * temporary folder), {@code --queries N} per set (default 2000), {@code --seed S} (default 42),
 * {@code --no-vectors}, {@code --no-merge} (keep Lucene's segments instead of force-merging to one, as the build
 * does; indexing time includes the merge), {@code --keep} (keep the index), {@code --query-only} (query an index kept earlier with
 * the same {@code --docs} and {@code --seed}; nothing is indexed).
 */
public final class SearchBench {
  private static final List<String> CORPUS_DISEASES = List.of("medulloblastoma", "pulmonary embolism",
      "bladder diverticulum", "calcaneal stress fracture", "celiac artery aneurysm", "breast implant rupture",
      "ventriculoperitoneal shunt failure", "CNS PNET");
  private static final int WARMUP = 300;
  /** Thread CPU time: on this shared 2-core machine wall time also counts waiting for a core. */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int docs = Integer.parseInt(opt.getOrDefault("docs", "100000"));
    int queries = Integer.parseInt(opt.getOrDefault("queries", "2000"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
    boolean vectors = !opt.containsKey("no-vectors");
    Path work = Files.createTempDirectory("radmd-bench");
    Path dir = opt.containsKey("dir") ? Path.of(opt.get("dir")) : work.resolve("index");
    boolean queryOnly = opt.containsKey("query-only");
    if (Files.exists(dir) != queryOnly) {
      throw new IllegalArgumentException(queryOnly ? "--query-only needs an existing --dir (kept with --keep)"
          : "index folder exists already: " + dir);
    }
    StoredCorpus stored = StoredCorpus.build(work.resolve("out"));
    DiseaseVocabulary vocab = DiseaseVocabulary.loadDefault(SharedCorpus.root());
    List<String> names = BenchCorpus.termNames(SharedCorpus.root().resolve("vocab/doid.obo"));
    BenchCorpus gen = new BenchCorpus(stored.samples(), ImageEmbedder.storedImages(stored.root()), names, seed);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("docs", docs);
    report.put("vectors", vectors);
    report.put("seed", seed);
    report.put("processors", Runtime.getRuntime().availableProcessors());
    report.put("java", System.getProperty("java.version"));
    report.put("loadavg_start", loadAverage());

    if (!queryOnly) {
      index(dir, docs, vectors ? gen::embedding : ImageEmbedder.none(), gen, vocab, !opt.containsKey("no-merge"),
          report);
    }
    report.put("index_bytes", folderBytes(dir));

    Random rnd = new Random(seed + 1);
    try (CaseSearcher searcher = CaseSearcher.open(dir, vocab)) {
      List<SearchRequest> zipf = new ArrayList<>();
      List<SearchRequest> rare = new ArrayList<>();
      List<SearchRequest> corpus = new ArrayList<>();
      for (int i = 0; i < queries + WARMUP; i++) {
        zipf.add(request(gen.diseasesByRank().get(gen.zipfRank(rnd)), rnd));
        rare.add(request(names.get(rnd.nextInt(names.size())), rnd));
        corpus.add(request(CORPUS_DISEASES.get(rnd.nextInt(CORPUS_DISEASES.size())), rnd));
      }
      report.put("disease-zipf", latencies(searcher, zipf));
      report.put("disease-rare", latencies(searcher, rare));
      report.put("corpus-words", latencies(searcher, corpus));
      if (vectors) {
        report.put("similar-k10", similarLatencies(searcher, docs, queries, rnd));
      }
    }
    report.put("loadavg_end", loadAverage());
    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    if (!opt.containsKey("keep") && !queryOnly) {
      deleteTree(dir);
    }
    deleteTree(work);
  }

  /** Indexes {@code docs} generated samples on this thread and records the throughput. */
  private static void index(Path dir, int docs, ImageEmbedder embedder, BenchCorpus gen, DiseaseVocabulary vocab,
      boolean forceMerge, Map<String, Object> report) throws IOException {
    long start = System.nanoTime();
    long threadCpu0 = CPU.getCurrentThreadCpuTime();
    long processCpu0 = processCpuNanos();
    try (SampleIndexer indexer = SampleIndexer.open(dir, vocab, embedder)) {
      for (int i = 0; i < docs; i++) {
        indexer.upsert(gen.next(i));
        if ((i + 1) % 100_000 == 0) {
          System.err.printf(Locale.ROOT, "indexed %,d in %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
        }
      }
      indexer.commit();
      report.put("segments_before_merge", indexer.committedSegments());
      if (forceMerge) {
        // As radmd build does after writing the index (BuildJob): one segment.
        long m0 = System.nanoTime();
        indexer.forceMerge(1);
        report.put("force_merge_seconds", round((System.nanoTime() - m0) / 1e9));
      }
      report.put("segments", indexer.committedSegments());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double threadCpu = (CPU.getCurrentThreadCpuTime() - threadCpu0) / 1e9;
    double processCpu = (processCpuNanos() - processCpu0) / 1e9;
    report.put("index_seconds", round(seconds));
    report.put("index_docs_per_second", Math.round(docs / seconds));
    // The indexing thread alone, and the whole JVM (merges, GC and JIT included), per CPU-second.
    report.put("index_thread_cpu_seconds", round(threadCpu));
    report.put("index_process_cpu_seconds", round(processCpu));
    report.put("index_docs_per_process_cpu_second", Math.round(docs / processCpu));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static SearchRequest request(String disease, Random rnd) {
    Modality m = rnd.nextBoolean() ? null : (rnd.nextBoolean() ? Modality.CT : Modality.MR);
    return new SearchRequest(disease, m, null, null, 20);
  }

  /** Runs the warm-up requests, then times the rest one by one. */
  private static Map<String, Object> latencies(CaseSearcher searcher, List<SearchRequest> requests)
      throws IOException {
    long hits = 0;
    for (int i = 0; i < WARMUP; i++) {
      searcher.search(requests.get(i));
    }
    long[] nanos = new long[requests.size() - WARMUP];
    long[] cpu = new long[nanos.length];
    long matched = 0;
    for (int i = WARMUP; i < requests.size(); i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      var r = searcher.search(requests.get(i));
      nanos[i - WARMUP] = System.nanoTime() - t0;
      cpu[i - WARMUP] = CPU.getCurrentThreadCpuTime() - c0;
      hits += r.hits().size();
      matched += r.totalCases();
    }
    Map<String, Object> out = summary(nanos);
    out.put("cpu", summary(cpu));
    out.put("mean_cases_matched", Math.round((double) matched / nanos.length));
    out.put("mean_hits_returned", round((double) hits / nanos.length));
    return out;
  }

  private static Map<String, Object> similarLatencies(CaseSearcher searcher, int docs, int queries, Random rnd)
      throws IOException {
    for (int i = 0; i < WARMUP; i++) {
      searcher.similar("bench-" + rnd.nextInt(docs), 10);
    }
    long[] nanos = new long[queries];
    long[] cpu = new long[queries];
    for (int i = 0; i < queries; i++) {
      String id = "bench-" + rnd.nextInt(docs);
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      searcher.similar(id, 10);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = CPU.getCurrentThreadCpuTime() - c0;
    }
    Map<String, Object> out = summary(nanos);
    out.put("cpu", summary(cpu));
    return out;
  }

  private static Map<String, Object> summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("queries", sorted.length);
    out.put("p50_ms", ms(percentile(sorted, 0.50)));
    out.put("p90_ms", ms(percentile(sorted, 0.90)));
    out.put("p99_ms", ms(percentile(sorted, 0.99)));
    out.put("max_ms", ms(sorted[sorted.length - 1]));
    out.put("mean_ms", ms((long) Arrays.stream(sorted).average().orElse(0)));
    return out;
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long folderBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + args[i]);
      }
      String key = args[i].substring(2);
      boolean flag = key.equals("no-vectors") || key.equals("keep") || key.equals("query-only");
      opt.put(key, flag ? "" : args[++i]);
    }
    return opt;
  }
}
