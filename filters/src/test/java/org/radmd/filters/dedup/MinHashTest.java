package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHashTest {
  private final MinHash mh = MinHash.defaults();

  @Test
  void familyIsFixedBySeed() {
    long[] set = {1L << 40, 7L << 50, -3L};
    assertArrayEquals(mh.signature(set), MinHash.defaults().signature(set));
    assertFalse(Arrays.equals(mh.signature(set), new MinHash(128, 1).signature(set)));
    assertEquals(MinHash.defaults(), new MinHash(128, MinHash.DEFAULT_SEED));
    assertEquals(128, mh.signature(set).length);
  }

  @Test
  void orderAndRepeatsDoNotMatter() {
    long[] a = {11L << 33, 22L << 33, 33L << 33};
    long[] b = {33L << 33, 11L << 33, 22L << 33, 11L << 33};
    assertArrayEquals(mh.signature(a), mh.signature(b));
  }

  @Test
  void emptySetIsAllMaxValue() {
    int[] s = mh.signature(new long[0]);
    assertTrue(Arrays.stream(s).allMatch(v -> v == Integer.MAX_VALUE));
  }

  /** The estimate is unbiased with the binomial standard error sqrt(J (1 - J) / 128). */
  @Test
  void estimateIsUnbiasedWithBinomialError() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (double j : new double[] {0.2, 0.5, 0.8}) {
      int trials = 400;
      double sum = 0;
      double sq = 0;
      for (int t = 0; t < trials; t++) {
        int union = 150;
        int common = (int) Math.round(j * union);
        int onlyA = (union - common) / 2;
        int onlyB = union - common - onlyA;
        long[] a = new long[common + onlyA];
        long[] b = new long[common + onlyB];
        for (int i = 0; i < common; i++) {
          a[i] = b[i] = rnd.nextLong();
        }
        for (int i = common; i < a.length; i++) {
          a[i] = rnd.nextLong();
        }
        for (int i = common; i < b.length; i++) {
          b[i] = rnd.nextLong();
        }
        double exact = (double) common / union;
        double e = MinHash.estimate(mh.signature(a), mh.signature(b)) - exact;
        sum += e;
        sq += e * e;
      }
      double bias = sum / trials;
      double sd = Math.sqrt(sq / trials - bias * bias);
      double expected = Math.sqrt(j * (1 - j) / 128);
      assertTrue(Math.abs(bias) < 0.01, "bias at J=" + j + ": " + bias);
      assertTrue(sd < expected * 1.25 && sd > expected * 0.75, "sd at J=" + j + ": " + sd + " vs " + expected);
    }
  }

  @Test
  void estimateOfRealCaptions() {
    String a = Shingles.normalize("Axial CT of the abdomen showing a large hypodense mass in the right lobe of the"
        + " liver with peripheral enhancement.");
    String b = Shingles.normalize("Figure 2: Axial CT of the abdomen showing a large hypodense mass in the right"
        + " lobe of the liver with peripheral enhancement.");
    double exact = Shingles.jaccard(Shingles.of(a, 5), Shingles.of(b, 5));
    double est = MinHash.estimate(mh.signatureOfText(a, 5), mh.signatureOfText(b, 5));
    assertTrue(Math.abs(exact - est) < 0.1, exact + " vs " + est);
    assertEquals(1.0, MinHash.estimate(mh.signatureOfText(a, 5), mh.signatureOfText(a, 5)));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new MinHash(0, 1));
    assertThrows(IllegalArgumentException.class, () -> MinHash.estimate(new int[2], new int[3]));
  }
}
