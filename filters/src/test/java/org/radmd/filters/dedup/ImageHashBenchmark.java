package org.radmd.filters.dedup;

import dev.brachtendorf.jimagehash.hash.Hash;
import dev.brachtendorf.jimagehash.hashAlgorithms.PerceptiveHash;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;
import org.radmd.filters.dedup.EvalCorpus.CorpusImage;
import org.radmd.testing.SharedCorpus;

/**
 * Same-run comparison of our pHash with a library baseline from Maven Central, JImageHash 1.0.0
 * ({@code dev.brachtendorf:JImageHash}, {@code PerceptiveHash(64)}), on the images of the labelled evaluation
 * set: speed (hashes/s, one thread, the same decoded images) and agreement (same decisions on the same labelled
 * pairs). Not a test: timings depend on the machine and its load.
 *
 * <p>Run: {@code mvn -q -o -pl filters exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.radmd.filters.dedup.ImageHashBenchmark [-Dexec.args="STRIDE"]}; every STRIDE-th
 * Radiopaedia slice is used (default 4; all other corpus images always), each with its six edits.
 *
 * <p>Labels as in {@link ImageEvaluation}: an original and its edits are duplicates; images of different cases
 * are distinct; pairs within one case are left out. Each hasher is scored at the whole-image Hamming threshold
 * that maximizes its F1; agreement is the share of labelled pairs on which both decide alike.
 */
public final class ImageHashBenchmark {
  private ImageHashBenchmark() {}

  private record Row(int group, String caseId, long ours, Hash theirs) {}

  public static void main(String[] args) throws ImageDecodeException {
    int stride = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    List<CorpusImage> originals = new ArrayList<>();
    int slice = 0;
    for (CorpusImage c : EvalCorpus.images(SharedCorpus.corpus())) {
      if (!c.source().equals("RP3D") || slice++ % stride == 0) {
        originals.add(c);
      }
    }
    PerceptiveHash jih = new PerceptiveHash(64);
    BufferedImage warm = Images.read(originals.get(0).file());
    for (int i = 0; i < 200; i++) {
      PerceptualHash.of(warm);
      ImageSignature.of(warm);
      jih.hash(warm);
    }
    List<Row> rows = new ArrayList<>();
    long tOurs = 0;
    long tSignature = 0;
    long tTheirs = 0;
    int bits = 0;
    for (int g = 0; g < originals.size(); g++) {
      CorpusImage c = originals.get(g);
      BufferedImage img = Images.read(c.file());
      Random rnd = new Random(ImageEvaluation.DEFAULT_SEED ^ c.id().hashCode() * 0x9E3779B97F4A7C15L);
      List<BufferedImage> versions = new ArrayList<>(List.of(img));
      for (ImagePerturbation p : ImagePerturbation.values()) {
        versions.add(p.apply(img, rnd));
      }
      for (BufferedImage v : versions) {
        long t0 = System.nanoTime();
        long ours = PerceptualHash.of(v);
        long t1 = System.nanoTime();
        ImageSignature.of(v);
        long t2 = System.nanoTime();
        Hash theirs = jih.hash(v);
        long t3 = System.nanoTime();
        tOurs += t1 - t0;
        tSignature += t2 - t1;
        tTheirs += t3 - t2;
        bits = theirs.getBitResolution();
        rows.add(new Row(g, c.caseId(), ours, theirs));
      }
    }
    int n = rows.size();
    System.out.printf(Locale.ROOT, "image hash benchmark: %d originals x 7 versions = %d images; JImageHash"
        + " PerceptiveHash(64) gives %d-bit hashes; one thread (JVM %s)%n", originals.size(), n, bits,
        System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "  radmd PerceptualHash.of        %8.0f hashes/s  (%.2f ms each)%n",
        n / (tOurs / 1e9), tOurs / 1e6 / n);
    System.out.printf(Locale.ROOT, "  radmd ImageSignature.of        %8.0f hashes/s  (%.2f ms each; 49 crops +"
        + " thumbnail)%n", n / (tSignature / 1e9), tSignature / 1e6 / n);
    System.out.printf(Locale.ROOT, "  JImageHash PerceptiveHash(64)  %8.0f hashes/s  (%.2f ms each)%n",
        n / (tTheirs / 1e9), tTheirs / 1e6 / n);
    System.out.printf(Locale.ROOT, "  speed ratio radmd pHash / JImageHash: %.2fx%n", (double) tTheirs / tOurs);
    agreement(rows, bits);
  }

  private static void agreement(List<Row> rows, int theirBits) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        Row a = rows.get(i);
        Row b = rows.get(j);
        boolean pos = a.group() == b.group();
        if (!pos && a.caseId().equals(b.caseId())) {
          continue;
        }
        pairs.add(new int[] {pos ? 1 : 0, Long.bitCount(a.ours() ^ b.ours()),
            a.theirs().hammingDistance(b.theirs())});
      }
    }
    int bestOurs = bestThreshold(pairs, 1, 64);
    int bestTheirs = bestThreshold(pairs, 2, theirBits);
    long agree = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int[] p : pairs) {
      boolean o = p[1] <= bestOurs;
      boolean t = p[2] <= bestTheirs;
      agree += o == t ? 1 : 0;
      double x = p[1] / 64.0;
      double y = p[2] / (double) theirBits;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    int m = pairs.size();
    double r = (sxy - sx * sy / m) / Math.sqrt((sxx - sx * sx / m) * (syy - sy * sy / m));
    System.out.printf(Locale.ROOT, "agreement on %d labelled pairs (%d duplicate): %.4f; Pearson r of normalized"
        + " Hamming distances %.3f%n", m, pairs.stream().filter(p -> p[0] == 1).count(), (double) agree / m, r);
    System.out.printf(Locale.ROOT, "  radmd pHash, whole image, Hamming <= %d: %s%n", bestOurs,
        metrics(pairs, 1, bestOurs));
    System.out.printf(Locale.ROOT, "  JImageHash PerceptiveHash, Hamming <= %d: %s%n", bestTheirs,
        metrics(pairs, 2, bestTheirs));
  }

  private static int bestThreshold(List<int[]> pairs, int col, int max) {
    int best = 0;
    double bestF1 = -1;
    for (int t = 0; t <= max; t++) {
      double f1 = metrics(pairs, col, t).f1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = t;
      }
    }
    return best;
  }

  private static PairMetrics metrics(List<int[]> pairs, int col, int t) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int[] p : pairs) {
      boolean predicted = p[col] <= t;
      if (predicted && p[0] == 1) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (p[0] == 1) {
        fn++;
      }
    }
    return new PairMetrics(tp, fp, fn);
  }
}
