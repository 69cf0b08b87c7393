package org.radmd.pipelines.dedup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.filters.dedup.EvalCorpus;
import org.radmd.filters.dedup.ImageMatcher;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.NearDuplicateText;
import org.radmd.pipelines.dedup.bench.ScaleCorpus.Role;
import org.radmd.testing.SharedCorpus;

/**
 * The dedup scale benchmark's generator, on a pool built from a few real corpus images (a few of each source)
 * and the real corpus texts: planted counts, determinism, that planted duplicates are duplicates (and generated
 * distinct samples are not) under the build's own image and text rules, and that the build's dedup transforms
 * find exactly the planted ones (DirectRunner, 150 samples).
 */
class ScaleCorpusTest {
  static SignaturePool pool;

  @BeforeAll
  static void pool() {
    Path corpus = SharedCorpus.corpus();
    List<EvalCorpus.CorpusImage> all = EvalCorpus.images(corpus);
    List<EvalCorpus.CorpusImage> some = new ArrayList<>();
    for (String source : List.of("MPx", "PMC", "MedICaT", "RP3D")) {
      all.stream().filter(i -> i.source().equals(source)).limit(3).forEach(some::add);
    }
    List<String> texts = EvalCorpus.texts(corpus).stream().map(EvalCorpus.CorpusText::text).toList();
    pool = SignaturePool.build(some, texts, 7);
  }

  @Test
  void poolHoldsEveryEditOfEveryImageAndSurvivesTheFile(@TempDir Path dir) throws IOException {
    assertEquals(12, pool.groups());
    assertEquals(12 * (1 + SignaturePool.EDITS.size() * SignaturePool.DRAWS), pool.entries().size());
    assertEquals(4, pool.groupsBySource().length);
    Path file = dir.resolve("pool.bin");
    pool.write(file);
    SignaturePool back = SignaturePool.read(file);
    assertEquals(pool.entries(), back.entries());
    assertEquals(pool.texts(), back.texts());
  }

  @Test
  void plantsTheRequestedNumbersOfEachKind() {
    ScaleCorpus c = new ScaleCorpus(pool, 1000, 11, 0.2, 0.02, 8);
    assertEquals(780, c.originals());
    assertEquals(200, c.plantedNear());
    assertEquals(20, c.plantedExact());
    Map<Role, Integer> roles = new EnumMap<>(Role.class);
    for (long i = 0; i < c.samples(); i++) {
      roles.merge(c.role(i), 1, Integer::sum);
      long identity = c.identity(i);
      assertTrue(identity >= 0 && identity < c.originals() && c.role(identity) == Role.ORIGINAL);
      assertTrue(c.role(i) != Role.ORIGINAL || identity == i);
    }
    assertEquals(780, roles.get(Role.ORIGINAL));
    assertEquals(20, roles.get(Role.EXACT));
    assertEquals(200, roles.get(Role.NEAR_IMAGE_AND_TEXT) + roles.get(Role.NEAR_IMAGE) + roles.get(Role.NEAR_TEXT));
    // kinds drawn 1/2, 1/4, 1/4: each well away from zero
    assertTrue(roles.get(Role.NEAR_IMAGE_AND_TEXT) > 70 && roles.get(Role.NEAR_IMAGE) > 30
        && roles.get(Role.NEAR_TEXT) > 30, roles.toString());
    // identities are used once: every cluster has two members
    assertEquals(220, Stream.iterate(780L, i -> i + 1).limit(220).map(c::identity).distinct().count());
    assertThrows(IllegalArgumentException.class, () -> new ScaleCorpus(pool, 10, 1, 0.4, 0.2, 8));
  }

  @Test
  void sameSeedSameCorpusOtherSeedOtherCorpus() {
    ScaleCorpus a = new ScaleCorpus(pool, 500, 3, 0.2, 0.02, 8);
    ScaleCorpus b = new ScaleCorpus(pool, 500, 3, 0.2, 0.02, 8);
    ScaleCorpus other = new ScaleCorpus(pool, 500, 4, 0.2, 0.02, 8);
    int differ = 0;
    int compared = 0;
    for (long i = 0; i < 500; i += 7) {
      compared++;
      assertEquals(a.sample(i), b.sample(i));
      differ += a.sample(i).equals(other.sample(i)) ? 0 : 1;
      for (ImageRef r : a.sample(i).images()) {
        assertEquals(a.signature(r.path()), b.signature(r.path()));
      }
    }
    assertEquals(compared, differ);
  }

  @Test
  void plantedDuplicatesMatchUnderTheBuildRulesAndDistinctSamplesDoNot() {
    ScaleCorpus c = new ScaleCorpus(pool, 2000, 5, 0.2, 0.02, 8);
    NearDuplicateText text = NearDuplicateText.DEFAULT;
    int imagePairs = 0;
    int imageMatched = 0;
    int textPairs = 0;
    int textMatched = 0;
    for (long i = c.originals(); i < c.samples(); i++) {
      Sample dup = c.sample(i);
      Sample of = c.sample(c.identity(i));
      assertNotEquals(of.source(), dup.source());
      Role role = c.role(i);
      if (role == Role.EXACT) {
        assertEquals(of.text(), dup.text());
        assertEquals(of.images().stream().map(ImageRef::pixelHash).toList(),
            dup.images().stream().map(ImageRef::pixelHash).toList());
        continue;
      }
      assertEquals(of.images().size(), dup.images().size());
      if (role != Role.NEAR_TEXT) {
        for (int k = 0; k < of.images().size(); k++) {
          imagePairs++;
          imageMatched += match(c, of.images().get(k), dup.images().get(k)) ? 1 : 0;
        }
      }
      if (role != Role.NEAR_IMAGE) {
        textPairs++;
        textMatched += text.duplicates(text.normalize(of.text().caption()), text.normalize(dup.text().caption()))
            ? 1 : 0;
      }
    }
    assertTrue(imagePairs > 250 && textPairs > 250, imagePairs + " image pairs, " + textPairs + " text pairs");
    // the real edits are within the matcher's reach for about 98 % of pairs (DedupEvaluation)
    assertTrue(imageMatched >= 0.9 * imagePairs, imageMatched + " of " + imagePairs);
    assertTrue(textMatched >= 0.97 * textPairs, textMatched + " of " + textPairs);

    // distinct identities drawn from one real image: never a duplicate pair, by image or by text
    int sameImage = 0;
    List<ImageRef> refs = new ArrayList<>();
    List<long[]> shingles = new ArrayList<>();
    for (long i = 0; i < 400; i++) {
      Sample x = c.sample(i);
      refs.addAll(x.images());
      shingles.add(text.shingles(text.normalize(x.text().caption())));
    }
    for (int i = 0; i < refs.size(); i++) {
      for (int j = i + 1; j < refs.size(); j++) {
        ImageRef rx = refs.get(i);
        ImageRef ry = refs.get(j);
        if (group(rx) == group(ry) && !sampleOf(rx).equals(sampleOf(ry))) {
          sameImage++;
          assertTrue(!match(c, rx, ry), rx.path() + " vs " + ry.path());
        }
      }
    }
    for (int i = 0; i < shingles.size(); i++) {
      for (int j = i + 1; j < shingles.size(); j++) {
        double jaccard = org.radmd.filters.dedup.Shingles.jaccard(shingles.get(i), shingles.get(j));
        assertTrue(jaccard < text.threshold(), "samples " + i + " and " + j + ": Jaccard " + jaccard);
      }
    }
    assertTrue(sameImage > 1000, sameImage + " pairs from one real image");
  }

  @Test
  void generatedSignaturesKeepThePoolFamilyUnderOneMask() {
    ScaleCorpus c = new ScaleCorpus(pool, 100, 5, 0.2, 0.02, 8);
    ImageRef r = c.sample(0).images().get(0);
    String[] f = r.path().split("/");
    ImageSignature base = pool.entry(Integer.parseInt(f[1])).signature();
    ImageSignature s = c.signature(r.path());
    long mask = Long.parseUnsignedLong(f[2], 16);
    assertEquals(8, Long.bitCount(mask));
    assertEquals(base.hash() ^ mask, s.hash());
    for (int i = 0; i < base.family().length; i++) {
      assertEquals(base.family()[i] ^ mask, s.family()[i]);
    }
    assertThrows(IllegalArgumentException.class, () -> c.signature("medmd/images/00/x.png"));
  }

  @Test
  void theBuildDedupTransformsFindEveryPlantedDuplicateOfASmallGeneratedCorpus(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("pool.bin");
    pool.write(file);
    ScaleCorpus c = new ScaleCorpus(file, 150, 9, 0.2, 0.02, 8);
    PipelineOptions o = PipelineOptionsFactory.create();
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    DedupScaleBench.expand(p, c);
    PipelineResult r = p.run();
    r.waitUntilFinish();
    Map<Role, Long> planted = DedupScaleBench.plantedNear(c);
    assertEquals(c.originals(), counter(r, "kept"));
    assertEquals(0, counter(r, "false"));
    assertEquals(c.plantedExact(), counter(r, "true_EXACT"));
    for (Role role : List.of(Role.NEAR_IMAGE_AND_TEXT, Role.NEAR_IMAGE, Role.NEAR_TEXT)) {
      assertEquals(planted.get(role), counter(r, "true_" + role), role.name());
    }
  }

  private static long counter(PipelineResult r, String name) {
    long sum = 0;
    for (MetricResult<Long> m : r.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("bench", name)).build()).getCounters()) {
      sum += m.getAttempted();
    }
    return sum;
  }

  @Test
  void readsTheRepresentativeOfBothRejectMessages() {
    assertEquals("bench-12", DedupScaleBench.representative("same pixels and normalized text as bench-12"));
    assertEquals("bench-12", DedupScaleBench.representative(
        "duplicate_of=bench-12: same pixels and normalized text; case=case-12"));
    assertEquals("bench-7", DedupScaleBench.representative(
        "duplicate_of=bench-7: pHash Hamming 3/64, correlation 0.981; 1 of 1 and 1 of 1 images matched; cluster of 2"));
  }

  private static final Map<String, ImageSignature> SIGNATURES = new java.util.HashMap<>();

  private static boolean match(ScaleCorpus c, ImageRef a, ImageRef b) {
    return ImageMatcher.DEFAULT.match(SIGNATURES.computeIfAbsent(a.path(), c::signature),
        SIGNATURES.computeIfAbsent(b.path(), c::signature)).duplicate();
  }

  private static String sampleOf(ImageRef r) {
    return r.id().substring(0, r.id().lastIndexOf("-img"));
  }

  private static int group(ImageRef r) {
    return pool.entry(Integer.parseInt(r.path().split("/")[1])).group();
  }
}
