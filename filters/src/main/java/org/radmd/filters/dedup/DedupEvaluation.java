package org.radmd.filters.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The dedup evaluation of issue 5 on the real sample corpus: near-duplicate images ({@link ImageEvaluation}),
 * volumes ({@link VolumeEvaluation}) and texts ({@link TextEvaluation}), with the corpus's real duplicates.
 *
 * <p>Run: {@code mvn -q -o -pl filters exec:java -Dexec.mainClass=org.radmd.filters.dedup.DedupEvaluation
 * [-Dexec.args="CORPUS_DIR --sweep"]}. Without a folder the corpus is looked up as the tests do: system
 * property {@code radmd.shared}, environment variable {@code RADMD_SHARED}, then {@code ../shared} beside the
 * working directory or any parent; {@code --sweep} adds the text parameter sweep (shingle lengths 3..8,
 * thresholds 0.6..0.9). Exit status 0 when every target holds, 1 when one fails, 2 on bad arguments.
 *
 * <p>Targets (issue 5): images precision at least 0.98 and recall at least 0.95; texts the same, and
 * document-level macro-F1 at least 0.953 (text-dedup's MinHash on CORE).
 */
public final class DedupEvaluation {
  /** Image and text precision target. */
  public static final double MIN_PRECISION = 0.98;
  /** Image and text recall target. */
  public static final double MIN_RECALL = 0.95;
  /** Text document-level macro-F1 target: text-dedup's MinHash on the CORE benchmark. */
  public static final double MIN_MACRO_F1 = 0.953;

  private DedupEvaluation() {}

  /** All three evaluations. */
  public record Report(ImageEvaluation.Report images, VolumeEvaluation.Report volumes,
      TextEvaluation.Report texts) {

    /** Whether every issue-5 target holds. */
    public boolean meetsTargets() {
      return images.clustered().precision() >= MIN_PRECISION && images.clustered().recall() >= MIN_RECALL
          && texts.pairs().precision() >= MIN_PRECISION && texts.pairs().recall() >= MIN_RECALL
          && texts.documents().macroF1() >= MIN_MACRO_F1;
    }

    /** The full printout. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append("== near-duplicate images (pHash crop family, LSH ").append(HammingBands.DEFAULT)
          .append(", ").append(ImageMatcher.DEFAULT).append(") ==\n").append(images.toText());
      sb.append("\n== near-duplicate volumes (").append(VolumeHash.FRACTIONS.length)
          .append(" slice pHashes at fixed relative depths) ==\n").append(volumes.toText());
      sb.append("\n== near-duplicate texts (MinHash ").append(MinHash.DEFAULT_NUM_HASHES).append(" hashes, LSH ")
          .append(LshBands.DEFAULT.bands()).append("x").append(LshBands.DEFAULT.rows()).append(", exact Jaccard >= ")
          .append(NearDuplicateText.DEFAULT.threshold()).append(", ").append(Shingles.DEFAULT_K)
          .append("-char shingles) ==\n").append(texts.toText());
      sb.append("\nLSH S-curve P(candidate | Jaccard s) = 1 - (1 - s^r)^b:\n");
      LshBands ds = LshBands.datasketchOptimum(0.8, 128, 0.5, 0.5);
      for (LshBands b : new LshBands[] {LshBands.DEFAULT, new LshBands(20, 13), ds}) {
        sb.append(String.format(Locale.ROOT, "  %2dx%-2d", b.bands(), b.rows()));
        for (double s : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
          sb.append(String.format(Locale.ROOT, "  P(%.1f)=%.3f", s, b.probability(s)));
        }
        sb.append(b == LshBands.DEFAULT ? "  radmd" : b.bands() == 20 ? "  NeMo Curator" : "  datasketch optimum"
            + " for t=0.8, 128 hashes").append('\n');
      }
      sb.append(String.format(Locale.ROOT, "%ntargets: images P>=%.2f R>=%.2f, texts P>=%.2f R>=%.2f macro-F1>=%.3f:"
          + " %s%n", MIN_PRECISION, MIN_RECALL, MIN_PRECISION, MIN_RECALL, MIN_MACRO_F1,
          meetsTargets() ? "MET" : "NOT MET"));
      return sb.toString();
    }
  }

  /**
   * Runs the three evaluations with the default detectors and seeds.
   *
   * @param corpus {@code shared/corpus}
   * @param sweep whether to add the text parameter sweep
   * @throws IllegalStateException or {@link java.io.UncheckedIOException} if the corpus is incomplete
   */
  public static Report run(Path corpus, boolean sweep) {
    return new Report(
        ImageEvaluation.run(corpus, ImageMatcher.DEFAULT, HammingBands.DEFAULT, ImageEvaluation.DEFAULT_SEED),
        VolumeEvaluation.run(corpus),
        TextEvaluation.run(corpus, NearDuplicateText.DEFAULT, TextEvaluation.DEFAULT_SEED, sweep));
  }

  /** Prints the evaluation; see the class comment for arguments and exit status. */
  public static void main(String[] args) {
    Path corpus = null;
    boolean sweep = false;
    for (String a : args) {
      if (a.equals("--sweep")) {
        sweep = true;
      } else if (corpus == null && !a.startsWith("-")) {
        corpus = Path.of(a);
      } else {
        System.err.println("usage: DedupEvaluation [CORPUS_DIR] [--sweep]");
        System.exit(2);
      }
    }
    if (corpus == null) {
      corpus = locateCorpus();
    }
    if (corpus == null || !Files.isDirectory(corpus)) {
      System.err.println("corpus not found: pass shared/corpus, or set -Dradmd.shared / RADMD_SHARED");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Report r = run(corpus, sweep);
    System.out.print(r.toText());
    System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    System.exit(r.meetsTargets() ? 0 : 1);
  }

  /** {@code shared/corpus} as the tests find it, or null. */
  static Path locateCorpus() {
    String prop = System.getProperty("radmd.shared");
    if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) {
      return Path.of(prop, "corpus");
    }
    String env = System.getenv("RADMD_SHARED");
    if (env != null && Files.isDirectory(Path.of(env, "corpus"))) {
      return Path.of(env, "corpus");
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path c = dir.resolveSibling("shared").resolve("corpus");
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    return null;
  }
}
