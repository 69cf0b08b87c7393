package org.radmd.filters.dedup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.radmd.filters.dedup.EvalCorpus.CorpusText;

/**
 * The labelled text evaluation of issue 5, built from the real corpus texts ({@link EvalCorpus#texts}).
 *
 * <ol>
 *   <li>Texts shorter than the detector's {@code minChars} after normalization are left out (counted).
 *   <li><b>Real near-duplicates</b> among the corpus texts are found first: every pair with exact Jaccard at
 *       least 0.5 (LSH 32 x 4, which finds 87 % of pairs at 0.5 and 99.99 % at 0.7). Pairs at or above the
 *       detector's threshold are reported ({@link Report#realDuplicates}); of every cluster of such similar
 *       texts only the first (by id) stays an original, so the labels below are not contradicted by copies
 *       already in the corpus.
 *   <li>Half of the originals (a seeded coin per text) get one variant per {@link TextPerturbation} that
 *       applies to them; originals and their variants form a labelled group. The other half stay singletons
 *       (documents without duplicates, needed for text-dedup's document-level metrics).
 *   <li>The detector (in-memory twin of the pipeline, {@link TextIndex}) links confirmed pairs, except pairs of
 *       the same source and case, which the pipeline never compares; a variant counts as a text from another
 *       source. Links are clustered (connected components) and every pair in a cluster counts as predicted.
 * </ol>
 *
 * Pairs of different groups from the same source and case are not labelled either way. Deterministic for a
 * given seed.
 */
public final class TextEvaluation {
  /** Seed of the default evaluation set. */
  public static final long DEFAULT_SEED = 20260005L;

  private TextEvaluation() {}

  /** One text of the evaluation set. {@code kind} is "ORIGINAL" or a {@link TextPerturbation} name. */
  public record Item(String id, String source, String caseId, int group, String kind, String text) {}

  /** A pair of corpus texts at or above the detector's threshold. */
  public record RealDuplicate(String idA, String idB, boolean sameCase, double jaccard, String textA,
      String textB) {}

  /** Pair-level metrics for one (shingle length, threshold) setting. */
  public record SweepPoint(int shingleLength, double threshold, PairMetrics metrics) {}

  /**
   * The outcome.
   *
   * @param corpusTexts texts loaded from the corpus
   * @param ineligible texts too short to take part
   * @param removedAsSimilar corpus texts dropped because a similar one (Jaccard &gt;= 0.5) came first
   * @param groups originals with variants
   * @param singletons originals without variants
   * @param items texts in the evaluation set
   * @param pairs cluster-level pair metrics of the default detector
   * @param estimated the same with the MinHash estimate instead of exact Jaccard for confirmation
   * @param documents text-dedup's document-level metrics
   * @param recallByKind recall of (original, variant) pairs per edit
   * @param sweep pair metrics over shingle lengths and thresholds
   * @param realDuplicates corpus pairs at or above the threshold, by id
   */
  public record Report(int corpusTexts, int ineligible, int removedAsSimilar, int groups, int singletons,
      int items, PairMetrics pairs, PairMetrics estimated, DocumentMetrics documents,
      Map<TextPerturbation, Double> recallByKind, List<SweepPoint> sweep, List<RealDuplicate> realDuplicates) {

    /** Human-readable summary. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "texts: %d from the corpus, %d too short, %d set aside as similar to an"
          + " earlier one; %d groups (original + variants), %d singletons, %d texts evaluated%n", corpusTexts,
          ineligible, removedAsSimilar, groups, singletons, items));
      sb.append("pairs (exact Jaccard, clustered):     ").append(pairs).append('\n');
      sb.append("pairs (MinHash-estimated Jaccard):    ").append(estimated).append('\n');
      sb.append("documents (text-dedup CORE protocol): ").append(documents).append('\n');
      sb.append("recall by edit:");
      recallByKind.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
      sb.append('\n');
      if (!sweep.isEmpty()) {
        sb.append("sweep (shingle chars k, Jaccard threshold t):\n");
      }
      for (SweepPoint p : sweep) {
        sb.append(String.format(Locale.ROOT, "  k=%d t=%.2f %s%n", p.shingleLength(), p.threshold(), p.metrics()));
      }
      Map<String, Integer> bySources = new java.util.TreeMap<>();
      List<RealDuplicate> crossCase = new ArrayList<>();
      for (RealDuplicate d : realDuplicates) {
        String key = source(d.idA()) + " / " + source(d.idB()) + (d.sameCase() ? ", same article or case" : "");
        bySources.merge(key, 1, Integer::sum);
        if (!d.sameCase()) {
          crossCase.add(d);
        }
      }
      sb.append("real near-duplicates among the corpus texts (Jaccard >= threshold): ").append(realDuplicates.size())
          .append(" pairs\n");
      bySources.forEach((k, v) -> sb.append("  ").append(v).append("  ").append(k).append('\n'));
      sb.append("  (pairs within one source and case are sibling figures' captions; the build never compares them)\n");
      sb.append("across articles or cases:\n");
      for (RealDuplicate d : crossCase) {
        sb.append(String.format(Locale.ROOT, "  %.3f %s | %s%n      \"%s\"%n      \"%s\"%n", d.jaccard(), d.idA(),
            d.idB(), clip(d.textA()), clip(d.textB())));
      }
      return sb.toString();
    }
  }

  /**
   * Builds the set and scores the detector.
   *
   * @param corpus {@code shared/corpus}
   * @param config the detector to score
   * @param seed seed of the set
   * @param sweep whether to also score shingle lengths 3..8 and thresholds 0.6..0.9 (20 more runs)
   */
  public static Report run(Path corpus, NearDuplicateText config, long seed, boolean sweep) {
    List<CorpusText> all = EvalCorpus.texts(corpus);
    List<CorpusText> eligible = new ArrayList<>();
    for (CorpusText t : all) {
      if (config.eligible(config.normalize(t.text()))) {
        eligible.add(t);
      }
    }
    eligible.sort((a, b) -> a.id().compareTo(b.id()));
    List<RealDuplicate> real = new ArrayList<>();
    List<CorpusText> originals = dropSimilar(eligible, config, real);
    List<Item> items = build(originals, seed);
    int groups = (int) items.stream().filter(i -> !i.kind().equals("ORIGINAL")).map(Item::group).distinct().count();
    Scored exact = score(items, config, false);
    Scored est = score(items, config, true);
    List<SweepPoint> points = new ArrayList<>();
    for (int k : sweep ? new int[] {3, 4, 5, 6, 8} : new int[0]) {
      for (double t : new double[] {0.6, 0.7, 0.8, 0.9}) {
        points.add(new SweepPoint(k, t, score(items, config.withShingleLength(k).withThreshold(t), false).pairs()));
      }
    }
    return new Report(all.size(), all.size() - eligible.size(), eligible.size() - originals.size(), groups,
        originals.size() - groups, items.size(), exact.pairs(), est.pairs(), exact.documents(), exact.byKind(),
        points, real);
  }

  private static List<CorpusText> dropSimilar(List<CorpusText> texts, NearDuplicateText config,
      List<RealDuplicate> real) {
    NearDuplicateText loose = config.withThreshold(0.5).withBands(new LshBands(32, 4));
    TextIndex index = new TextIndex(loose, texts.stream().map(CorpusText::text).toList());
    UnionFind uf = new UnionFind(texts.size());
    for (TextIndex.Match m : index.matches()) {
      uf.union(m.i(), m.j());
      if (m.jaccard() >= config.threshold()) {
        CorpusText a = texts.get(m.i());
        CorpusText b = texts.get(m.j());
        real.add(new RealDuplicate(a.id(), b.id(), a.source().equals(b.source()) && a.caseId().equals(b.caseId()),
            m.jaccard(), a.text(), b.text()));
      }
    }
    real.sort((x, y) -> x.idA().equals(y.idA()) ? x.idB().compareTo(y.idB()) : x.idA().compareTo(y.idA()));
    List<CorpusText> kept = new ArrayList<>();
    Set<Integer> seenRoots = new HashSet<>();
    for (int i = 0; i < texts.size(); i++) {
      if (seenRoots.add(uf.find(i))) {
        kept.add(texts.get(i));
      }
    }
    return kept;
  }

  static List<Item> build(List<CorpusText> originals, long seed) {
    Random coin = new Random(seed);
    List<Item> items = new ArrayList<>();
    for (int g = 0; g < originals.size(); g++) {
      CorpusText o = originals.get(g);
      items.add(new Item(o.id(), o.source(), o.caseId(), g, "ORIGINAL", o.text()));
      if (!coin.nextBoolean()) {
        continue;
      }
      Random rnd = new Random(seed ^ o.id().hashCode() * 0x9E3779B97F4A7C15L);
      for (TextPerturbation p : TextPerturbation.values()) {
        String v = p.apply(o.text(), rnd);
        if (v != null && !v.equals(o.text())) {
          items.add(new Item(o.id() + "~" + p, o.source() + "+" + p, o.caseId(), g, p.name(), v));
        }
      }
    }
    return items;
  }

  private record Scored(PairMetrics pairs, DocumentMetrics documents, Map<TextPerturbation, Double> byKind) {}

  private static Scored score(List<Item> items, NearDuplicateText config, boolean estimated) {
    TextIndex index = new TextIndex(config, items.stream().map(Item::text).toList());
    int[] group = items.stream().mapToInt(Item::group).toArray();
    Clusters clusters = new Clusters(group);
    Clusters.Ignored ignored = (i, j) -> sameSourceAndCase(items.get(i), items.get(j));
    if (estimated) {
      int[][] sig = new int[items.size()][];
      for (long p : index.candidates()) {
        int i = (int) (p >>> 32);
        int j = (int) p;
        if (sig[i] == null) {
          sig[i] = config.signature(index.normalized(i));
        }
        if (sig[j] == null) {
          sig[j] = config.signature(index.normalized(j));
        }
        if (!ignored.test(i, j) && MinHash.estimate(sig[i], sig[j]) >= config.threshold()) {
          clusters.link(i, j);
        }
      }
    } else {
      for (TextIndex.Match m : index.matches()) {
        if (!ignored.test(m.i(), m.j())) {
          clusters.link(m.i(), m.j());
        }
      }
    }
    return new Scored(clusters.metrics(ignored), documents(items, clusters, ignored), byKind(items, clusters));
  }

  private static boolean sameSourceAndCase(Item a, Item b) {
    return a.group() != b.group() && a.source().equals(b.source()) && a.caseId().equals(b.caseId());
  }

  private static DocumentMetrics documents(List<Item> items, Clusters clusters, Clusters.Ignored ignored) {
    Map<Integer, List<Integer>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      byGroup.computeIfAbsent(items.get(i).group(), k -> new ArrayList<>()).add(i);
    }
    Map<Integer, List<Integer>> byCluster = new LinkedHashMap<>();
    for (List<Integer> c : clusters.clusters()) {
      for (int i : c) {
        byCluster.put(i, c);
      }
    }
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    long exact = 0;
    for (int i = 0; i < items.size(); i++) {
      Set<Integer> truth = new HashSet<>(byGroup.get(items.get(i).group()));
      truth.remove(i);
      Set<Integer> pred = new HashSet<>();
      for (int j : byCluster.getOrDefault(i, List.of())) {
        if (j != i && !(items.get(i).group() != items.get(j).group() && ignored.test(i, j))) {
          pred.add(j);
        }
      }
      if (pred.isEmpty()) {
        if (truth.isEmpty()) {
          tn++;
        } else {
          fn++;
        }
      } else if (!truth.isEmpty() && pred.containsAll(truth)) {
        tp++;
      } else {
        fp++;
      }
      if (pred.equals(truth)) {
        exact++;
      }
    }
    return new DocumentMetrics(tp, fp, tn, fn, exact);
  }

  private static Map<TextPerturbation, Double> byKind(List<Item> items, Clusters clusters) {
    Map<TextPerturbation, long[]> counts = new EnumMap<>(TextPerturbation.class);
    int original = -1;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.kind().equals("ORIGINAL")) {
        original = i;
        continue;
      }
      long[] c = counts.computeIfAbsent(TextPerturbation.valueOf(it.kind()), k -> new long[2]);
      c[1]++;
      if (clusters.together(original, i)) {
        c[0]++;
      }
    }
    Map<TextPerturbation, Double> out = new EnumMap<>(TextPerturbation.class);
    counts.forEach((k, c) -> out.put(k, (double) c[0] / c[1]));
    return out;
  }

  private static String source(String id) {
    return id.substring(0, id.indexOf('/'));
  }

  static String clip(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }
}
