package org.radmd.filters.dedup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.radmd.filters.dedup.EvalCorpus.CorpusText;
import org.radmd.testing.SharedCorpus;

/**
 * MinHash throughput over ROCO's 8,179 test-split radiology captions, one thread (captions/s/core; issue 5 goal
 * at least 100,000). Not a test: timings depend on the machine and its load.
 *
 * <p>Run: {@code mvn -q -o -pl filters exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.radmd.filters.dedup.MinHashBenchmark [-Dexec.args="ROUNDS"]}.
 *
 * <p>Stages timed separately, each over all captions, best of ROUNDS rounds after as many warm-up rounds:
 * normalization ({@link Shingles#normalize}), shingling ({@link Shingles#hashes}), the 128-hash signature
 * ({@link MinHash#signature}) and the 16 band keys; "end to end" is all of them from the raw caption.
 */
public final class MinHashBenchmark {
  private MinHashBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Path corpus = SharedCorpus.corpus();
    List<String> raw = EvalCorpus.texts(corpus).stream().filter(t -> t.source().equals("ROCO"))
        .map(CorpusText::text).toList();
    NearDuplicateText d = NearDuplicateText.DEFAULT;
    MinHash mh = d.minHash();
    String[] normalized = raw.stream().map(Shingles::normalize).toArray(String[]::new);
    long[][] shingles = new long[normalized.length][];
    for (int i = 0; i < normalized.length; i++) {
      shingles[i] = Shingles.hashes(normalized[i], d.shingleLength());
    }
    long totalShingles = 0;
    for (long[] s : shingles) {
      totalShingles += s.length;
    }
    int[][] sigs = new int[normalized.length][];
    long sink = 0;
    double bestNorm = Double.MAX_VALUE;
    double bestShingle = Double.MAX_VALUE;
    double bestSig = Double.MAX_VALUE;
    double bestBands = Double.MAX_VALUE;
    double bestAll = Double.MAX_VALUE;
    for (int r = 0; r < 2 * rounds; r++) {
      long t0 = System.nanoTime();
      for (String s : raw) {
        sink += Shingles.normalize(s).length();
      }
      long t1 = System.nanoTime();
      for (String s : normalized) {
        sink += Shingles.hashes(s, d.shingleLength()).length;
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < shingles.length; i++) {
        sigs[i] = mh.signature(shingles[i]);
      }
      long t3 = System.nanoTime();
      for (int[] sig : sigs) {
        sink += d.bands().keys(sig)[0];
      }
      long t4 = System.nanoTime();
      for (String s : raw) {
        sink += d.bandKeys(d.normalize(s))[0];
      }
      long t5 = System.nanoTime();
      if (r >= rounds) {
        bestNorm = Math.min(bestNorm, t1 - t0);
        bestShingle = Math.min(bestShingle, t2 - t1);
        bestSig = Math.min(bestSig, t3 - t2);
        bestBands = Math.min(bestBands, t4 - t3);
        bestAll = Math.min(bestAll, t5 - t4);
      }
    }
    int n = raw.size();
    System.out.printf(Locale.ROOT, "MinHash benchmark: %d ROCO captions, mean %.1f shingles (%d-char), %d hashes,"
        + " %dx%d bands; one thread, best of %d rounds after %d warm-up (JVM %s, %d CPUs)%n", n,
        (double) totalShingles / n, d.shingleLength(), mh.numHashes(), d.bands().bands(), d.bands().rows(), rounds,
        rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    print("normalize", n, bestNorm);
    print("shingle", n, bestShingle);
    print("signature (128 hashes)", n, bestSig);
    print("band keys", n, bestBands);
    print("end to end (raw caption -> band keys)", n, bestAll);
    System.out.printf(Locale.ROOT, "signature inner loop: %.2f ns per (shingle x hash)%n",
        bestSig / ((double) totalShingles * mh.numHashes()));
    System.out.println("(checksum " + sink + ")");
  }

  private static void print(String stage, int n, double nanos) {
    System.out.printf(Locale.ROOT, "  %-40s %,12.0f captions/s/core  (%.2f us each)%n", stage, n / (nanos / 1e9),
        nanos / 1e3 / n);
  }
}
