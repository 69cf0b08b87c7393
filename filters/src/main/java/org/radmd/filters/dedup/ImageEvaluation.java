package org.radmd.filters.dedup;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;
import org.radmd.filters.dedup.EvalCorpus.CorpusImage;

/**
 * The labelled 2D image evaluation of issue 5, built from the real corpus images ({@link EvalCorpus#images}).
 *
 * <ul>
 *   <li><b>Groups</b> (labelled duplicates): each original with its six {@link ImagePerturbation} edits
 *       (parameters from a generator seeded by the seed and the image id), plus the real duplicates of the
 *       corpus: byte- or pixel-identical files (the four copies of the Radiopaedia histology image) and the PMC
 *       {@code .gif} thumbnails of the full-size JPEGs (100 px wide, palette GIF).
 *   <li><b>Negatives</b>: every pair of images of different groups and different cases. Pairs within one case
 *       (one patient or article) are not labelled: they include adjacent slices of one series and the same
 *       slice position in co-registered sequences of one study (T2 and FLAIR at the skull base are 4 bits
 *       apart in pHash and correlate 0.985), which are distinct images that no 2D method can tell from edits
 *       of one, and which the build never compares (samples of one source and case are not linked). Their
 *       match rate is reported ({@link Report#sameCaseMatchRate}).
 *   <li><b>Prediction</b> mirrors the pipeline: candidates from {@link HammingBands} (each image's crop family
 *       registered, its whole-image hash probing; a pair is kept when a family member that shares a band with
 *       the other's hash is within the Hamming threshold of it), confirmed by {@link ImageMatcher}, never
 *       between two images of the same source and case (an edit counts as another source); links clustered by
 *       connected components; every pair in a cluster counts as predicted.
 * </ul>
 * Deterministic for a given seed (signatures are computed in parallel, results collected in order).
 */
public final class ImageEvaluation {
  /** Seed of the default evaluation set. */
  public static final long DEFAULT_SEED = 20260005L;

  private ImageEvaluation() {}

  /** One image of the set; {@code kind} is ORIGINAL, REAL_COPY, REAL_THUMBNAIL or an edit's name. */
  public record Item(String id, String source, String caseId, int group, String kind, ImageSignature signature) {}

  /** Edge-level precision and recall of one rule at one threshold. */
  public record CurvePoint(String rule, double threshold, PairMetrics metrics) {}

  /**
   * The outcome.
   *
   * @param originals distinct original pictures
   * @param items images in the set
   * @param positivePairs labelled duplicate pairs
   * @param negativePairs labelled distinct pairs
   * @param clustered cluster-level pair metrics of the default detector
   * @param recallByKind cluster-level recall of (original, edit or real copy) pairs by kind
   * @param lshRecall share of duplicate pairs within the Hamming threshold that the LSH bands find
   * @param candidatesPerImage LSH candidate pairs per image (cost indicator)
   * @param curves edge-level curves: whole-image pHash, crop-tolerant pHash, and crop-tolerant pHash 10 bits
   *     then correlation
   * @param sameCaseMatchRate share of unlabelled same-case pairs the detector links (edge level)
   * @param crossCaseMatches linked pairs of originals from different cases: real duplicates across sources
   *     if any (none expected in this corpus)
   */
  public record Report(int originals, int items, long positivePairs, long negativePairs, PairMetrics clustered,
      Map<String, Double> recallByKind, double lshRecall, double candidatesPerImage, List<CurvePoint> curves,
      double sameCaseMatchRate, List<String> crossCaseMatches) {

    /** Human-readable summary. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "images: %d originals, %d images, %d duplicate pairs, %d distinct pairs"
          + " (pairs within one case not labelled)%n", originals, items, positivePairs, negativePairs));
      sb.append("clustered (LSH + Hamming + correlation + connected components): ").append(clustered).append('\n');
      sb.append("recall by kind:");
      recallByKind.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
      sb.append(String.format(Locale.ROOT, "%nLSH stage: finds %.4f of duplicate pairs within the Hamming threshold;"
          + " %.1f candidate pairs per image%n", lshRecall, candidatesPerImage));
      sb.append(String.format(Locale.ROOT, "same-case pairs linked (unlabelled, never compared by the build): %.4f%n",
          sameCaseMatchRate));
      sb.append("edge-level curves:\n");
      for (CurvePoint p : curves) {
        sb.append(String.format(Locale.ROOT, "  %-34s %6.2f %s%n", p.rule(), p.threshold(), p.metrics()));
      }
      sb.append("cross-case matches between originals: ").append(crossCaseMatches.isEmpty() ? "none" : "")
          .append('\n');
      crossCaseMatches.forEach(m -> sb.append("  ").append(m).append('\n'));
      return sb.toString();
    }
  }

  /**
   * Builds the set and scores the detector.
   *
   * @param corpus {@code shared/corpus}
   * @param matcher the pair rule
   * @param bands the candidate generation
   * @param seed seed of the edits
   * @throws IllegalStateException if a corpus image cannot be decoded
   */
  public static Report run(Path corpus, ImageMatcher matcher, HammingBands bands, long seed) {
    List<Item> items = build(corpus, seed);
    int n = items.size();
    long[] hash = items.stream().mapToLong(i -> i.signature().hash()).toArray();
    long[][] fam = items.stream().map(i -> i.signature().familyNoCopy()).toArray(long[][]::new);
    int[] group = items.stream().mapToInt(Item::group).toArray();
    Clusters clusters = new Clusters(group);
    Clusters.Ignored sameCase = (i, j) -> items.get(i).caseId().equals(items.get(j).caseId());
    int[] thresholds = {0, 2, 4, 6, 8, 10, 12, 14, 16};
    double[] correlations = {0.80, 0.85, 0.88, 0.90, 0.92, 0.95};
    long[][] whole = new long[thresholds.length][3];
    long[][] crop = new long[thresholds.length][3];
    long[][] twoStep = new long[correlations.length][3];
    long positives = 0;
    long negatives = 0;
    long withinThreshold = 0;
    long foundByLsh = 0;
    long candidates = 0;
    long sameCasePairs = 0;
    long sameCaseLinked = 0;
    List<String> cross = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean pos = group[i] == group[j];
        boolean unlabelled = !pos && sameCase.test(i, j);
        int d = Math.min(best(fam[i], hash[j]), best(fam[j], hash[i]));
        int dw = Long.bitCount(hash[i] ^ hash[j]);
        candidates += meet(bands, fam[i], hash[j], 64) || meet(bands, fam[j], hash[i], 64) ? 1 : 0;
        boolean cand = meet(bands, fam[i], hash[j], matcher.maxHamming())
            || meet(bands, fam[j], hash[i], matcher.maxHamming());
        boolean compared = cand && !sameSourceAndCase(items.get(i), items.get(j));
        double c = compared ? ImageMatcher.correlation(items.get(i).signature(), items.get(j).signature())
            : Double.NaN;
        boolean linked = compared && c >= matcher.minCorrelation();
        if (linked) {
          clusters.link(i, j);
        }
        if (unlabelled) {
          sameCasePairs++;
          sameCaseLinked += linked ? 1 : 0;
          continue;
        }
        if (pos) {
          positives++;
          if (d <= matcher.maxHamming()) {
            withinThreshold++;
            foundByLsh += cand ? 1 : 0;
          }
        } else {
          negatives++;
          if (linked && items.get(i).kind().equals("ORIGINAL") && items.get(j).kind().equals("ORIGINAL")) {
            cross.add(String.format(Locale.ROOT, "%s ~ %s (Hamming %d, correlation %.3f)", items.get(i).id(),
                items.get(j).id(), d, c));
          }
        }
        for (int t = 0; t < thresholds.length; t++) {
          count(whole[t], pos, dw <= thresholds[t]);
          count(crop[t], pos, d <= thresholds[t]);
        }
        boolean within = d <= matcher.maxHamming();
        double cc = within && Double.isNaN(c) ? ImageMatcher.correlation(items.get(i).signature(),
            items.get(j).signature()) : c;
        for (int t = 0; t < correlations.length; t++) {
          count(twoStep[t], pos, within && cc >= correlations[t]);
        }
      }
    }
    List<CurvePoint> curves = new ArrayList<>();
    for (int t = 0; t < thresholds.length; t++) {
      curves.add(new CurvePoint("whole-image pHash Hamming <=", thresholds[t], metrics(whole[t])));
    }
    for (int t = 0; t < thresholds.length; t++) {
      curves.add(new CurvePoint("crop-tolerant pHash Hamming <=", thresholds[t], metrics(crop[t])));
    }
    for (int t = 0; t < correlations.length; t++) {
      curves.add(new CurvePoint("Hamming <= " + matcher.maxHamming() + ", correlation >=", correlations[t],
          metrics(twoStep[t])));
    }
    int originals = (int) items.stream().filter(i -> i.kind().equals("ORIGINAL")).count();
    return new Report(originals, n, positives, negatives, clusters.metrics(sameCase), byKind(items, clusters),
        withinThreshold == 0 ? 1 : (double) foundByLsh / withinThreshold, 2.0 * candidates / n, curves,
        sameCasePairs == 0 ? 0 : (double) sameCaseLinked / sameCasePairs, cross);
  }

  /** The labelled set: originals, their edits and the corpus's real duplicates. */
  static List<Item> build(Path corpus, long seed) {
    List<CorpusImage> images = EvalCorpus.images(corpus);
    List<BufferedImage> decoded = IntStream.range(0, images.size()).parallel()
        .mapToObj(i -> decode(images.get(i).file())).toList();
    Map<String, Integer> groupOfPixels = new LinkedHashMap<>();
    List<List<Item>> perImage = IntStream.range(0, images.size()).parallel().mapToObj(i -> {
      CorpusImage ci = images.get(i);
      List<Item> out = new ArrayList<>();
      out.add(new Item(ci.id(), ci.source(), ci.caseId(), -1, "ORIGINAL", ImageSignature.of(decoded.get(i))));
      Random rnd = new Random(seed ^ ci.id().hashCode() * 0x9E3779B97F4A7C15L);
      for (ImagePerturbation p : ImagePerturbation.values()) {
        out.add(new Item(ci.id() + "~" + p, ci.source() + "+" + p, ci.caseId(), -1, p.name(),
            ImageSignature.of(p.apply(decoded.get(i), rnd))));
      }
      return out;
    }).toList();
    List<Item> items = new ArrayList<>();
    Map<String, Integer> groupOfJpeg = new LinkedHashMap<>();
    for (int i = 0; i < images.size(); i++) {
      String pixels = Images.pixelHash(decoded.get(i));
      Integer g = groupOfPixels.get(pixels);
      if (g != null) {
        Item o = perImage.get(i).get(0);
        items.add(new Item(o.id(), o.source(), o.caseId(), g, "REAL_COPY", o.signature()));
        continue;
      }
      int group = groupOfPixels.size();
      groupOfPixels.put(pixels, group);
      groupOfJpeg.put(images.get(i).file().toString(), group);
      for (Item it : perImage.get(i)) {
        items.add(new Item(it.id(), it.source(), it.caseId(), group, it.kind(), it.signature()));
      }
    }
    for (EvalCorpus.Thumbnail t : EvalCorpus.thumbnails(corpus)) {
      Integer g = groupOfJpeg.get(t.jpeg().toString());
      if (g != null) {
        items.add(new Item("pmc/" + t.caseId() + "/" + t.gif().getFileName(), "PMC-thumbnail", t.caseId(), g,
            "REAL_THUMBNAIL", ImageSignature.of(decode(t.gif()))));
      }
    }
    return items;
  }

  private static BufferedImage decode(Path file) {
    try {
      return Images.read(file);
    } catch (ImageDecodeException e) {
      throw new IllegalStateException("corpus image unreadable: " + e.getMessage(), e);
    }
  }

  private static boolean sameSourceAndCase(Item a, Item b) {
    return a.source().equals(b.source()) && a.caseId().equals(b.caseId());
  }

  private static int best(long[] family, long hash) {
    int b = 64;
    for (long f : family) {
      b = Math.min(b, Long.bitCount(f ^ hash));
    }
    return b;
  }

  /**
   * What the pipeline's band groups find: some family member shares a band with the other's whole-image hash
   * and is within {@code max} bits of it.
   */
  private static boolean meet(HammingBands bands, long[] family, long hash, int max) {
    for (long f : family) {
      if (Long.bitCount(f ^ hash) <= max && bands.meet(f, hash)) {
        return true;
      }
    }
    return false;
  }

  private static void count(long[] c, boolean positive, boolean predicted) {
    if (predicted && positive) {
      c[0]++;
    } else if (predicted) {
      c[1]++;
    } else if (positive) {
      c[2]++;
    }
  }

  private static PairMetrics metrics(long[] c) {
    return new PairMetrics(c[0], c[1], c[2]);
  }

  private static Map<String, Double> byKind(List<Item> items, Clusters clusters) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<Integer, Integer> firstOfGroup = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      firstOfGroup.putIfAbsent(items.get(i).group(), i);
    }
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.kind().equals("ORIGINAL")) {
        continue;
      }
      long[] c = counts.computeIfAbsent(it.kind(), k -> new long[2]);
      c[1]++;
      if (clusters.together(firstOfGroup.get(it.group()), i)) {
        c[0]++;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    counts.forEach((k, c) -> out.put(k, (double) c[0] / c[1]));
    return out;
  }
}
