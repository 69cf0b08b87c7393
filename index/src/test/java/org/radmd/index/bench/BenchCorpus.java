package org.radmd.index.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.index.ImageEmbedder;

/**
 * Generates benchmark samples from the real corpus samples: each generated case copies the text, images,
 * modalities and licence of one real sample (drawn uniformly), with its sentences shuffled and about 5% of its
 * words dropped, under a new id, and states one disease drawn from the 2016 Disease Ontology's term names with a
 * Zipf(1) distribution over a shuffled rank order (so a few diseases are common and most are rare, as in a real
 * teaching file). A case has one or two samples. Each sample's image embedding is its real sample's embedding plus
 * Gaussian noise (sigma 0.05 per dimension), re-normalised.
 *
 * <p>Deterministic for a seed. Not thread-safe.
 */
final class BenchCorpus {
  private static final double DROP_WORD = 0.05;
  private static final double NOISE = 0.05;

  private final List<Sample> bases;
  private final List<float[]> baseEmbeddings;
  private final List<String> diseases;
  private final double[] zipfCdf;
  private final Random rnd;

  private int nextCase;
  private int samplesLeftInCase;
  private int caseBase;
  private String caseDisease = "";

  BenchCorpus(List<Sample> bases, ImageEmbedder embedder, List<String> diseaseNames, long seed) {
    this.bases = List.copyOf(bases);
    this.baseEmbeddings = bases.stream().map(embedder::embed).toList();
    this.rnd = new Random(seed);
    List<String> shuffled = new ArrayList<>(diseaseNames);
    Collections.shuffle(shuffled, rnd);
    this.diseases = List.copyOf(shuffled);
    this.zipfCdf = zipfCdf(diseases.size());
  }

  /** The disease names in Zipf rank order: index 0 is the most frequent. */
  List<String> diseasesByRank() {
    return diseases;
  }

  /** The real samples generated documents derive from. */
  List<Sample> bases() {
    return bases;
  }

  /** The next generated sample; its embedding is {@link #embedding}'s answer for it. */
  Sample next(int i) {
    if (samplesLeftInCase == 0) {
      nextCase++;
      samplesLeftInCase = 1 + rnd.nextInt(2);
      caseBase = rnd.nextInt(bases.size());
      caseDisease = diseases.get(zipfRank());
    }
    samplesLeftInCase--;
    Sample base = bases.get(caseBase);
    SampleText t = base.text();
    SampleText text = SampleText.builder()
        .title(capitalize(caseDisease) + (base.anatomy() == null ? "" : ", " + base.anatomy().toLowerCase()))
        .caption(perturb(t.caption()))
        .history(perturb(t.history()))
        .findings(perturb(t.findings()))
        .impression(perturb(t.impression()))
        .discussion(perturb(t.discussion()))
        .build();
    return new Sample("bench-" + i, base.source(), "BENCH-" + nextCase, text, base.images(), base.modalities(),
        base.anatomy(), List.of(caseDisease), base.licence(), base.provenance(), Map.of("bench_base",
        Integer.toString(caseBase)), Map.of());
  }

  /** The perturbed embedding of a generated sample, or null when its real sample has none. */
  float[] embedding(Sample generated) {
    float[] base = baseEmbeddings.get(Integer.parseInt(generated.attributes().get("bench_base")));
    if (base == null) {
      return null;
    }
    float[] v = new float[base.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (base[i] + rnd.nextGaussian() * NOISE);
      norm += v[i] * v[i];
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  /** A Zipf(1) rank, 0-based, drawn with the generator's own random numbers. */
  int zipfRank() {
    return zipfRank(rnd);
  }

  /**
   * A Zipf(1) rank, 0-based, drawn with {@code random}: queries use their own, so that they do not depend on how
   * many documents were generated before.
   */
  int zipfRank(Random random) {
    int r = Arrays.binarySearch(zipfCdf, random.nextDouble());
    return Math.min(diseases.size() - 1, r >= 0 ? r : -r - 1);
  }

  /** Live term names of an OBO file (a plain line reader: {@code name:} of non-obsolete {@code [Term]}s). */
  static List<String> termNames(Path obo) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(obo, StandardCharsets.UTF_8)) {
      String name = null;
      boolean term = false;
      boolean obsolete = false;
      for (String line = in.readLine(); ; line = in.readLine()) {
        if (line == null || line.startsWith("[")) {
          if (term && name != null && !obsolete) {
            names.add(name);
          }
          if (line == null) {
            break;
          }
          term = line.strip().equals("[Term]");
          name = null;
          obsolete = false;
        } else if (line.startsWith("name: ")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("is_obsolete: true")) {
          obsolete = true;
        }
      }
    }
    return names;
  }

  private String perturb(String text) {
    if (text == null || text.isBlank()) {
      return text;
    }
    List<String> sentences = new ArrayList<>(Arrays.asList(text.split("(?<=[.!?])\\s+")));
    Collections.shuffle(sentences, rnd);
    StringBuilder sb = new StringBuilder(text.length());
    for (String sentence : sentences) {
      for (String word : sentence.split("\\s+")) {
        if (rnd.nextDouble() >= DROP_WORD) {
          sb.append(word).append(' ');
        }
      }
    }
    return sb.toString().strip();
  }

  private static double[] zipfCdf(int n) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int r = 0; r < n; r++) {
      sum += 1.0 / (r + 1);
      cdf[r] = sum;
    }
    for (int r = 0; r < n; r++) {
      cdf[r] /= sum;
    }
    return cdf;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
