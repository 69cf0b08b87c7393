package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LshBandsTest {
  @Test
  void sCurveValuesOfTheJavadocTable() {
    LshBands d = LshBands.DEFAULT;
    assertEquals(128, d.hashesUsed());
    assertEquals(0.947, d.probability(0.8), 0.001);
    assertEquals(0.061, d.probability(0.5), 0.001);
    assertEquals(0.707, d.threshold(), 0.001);
    assertEquals(0.677, new LshBands(20, 13).probability(0.8), 0.001, "NeMo Curator");
    assertEquals(0.0, d.probability(0.0), 1e-12);
    assertEquals(1.0, d.probability(1.0), 1e-12);
  }

  @Test
  void datasketchOptimaMatchItsAlgorithm() {
    assertEquals(new LshBands(9, 13), LshBands.datasketchOptimum(0.8, 128, 0.5, 0.5));
    assertEquals(new LshBands(25, 5), LshBands.datasketchOptimum(0.5, 128, 0.5, 0.5));
    assertEquals(new LshBands(5, 25), LshBands.datasketchOptimum(0.9, 128, 0.5, 0.5));
  }

  @Test
  void keysAgreeExactlyWhereBandsAgree() {
    int[] a = new int[128];
    for (int i = 0; i < a.length; i++) {
      a[i] = i * 7919;
    }
    int[] b = a.clone();
    b[3] ^= 1; // band 0 differs
    long[] ka = LshBands.DEFAULT.keys(a);
    long[] kb = LshBands.DEFAULT.keys(b);
    assertEquals(16, ka.length);
    assertNotEquals(ka[0], kb[0]);
    for (int i = 1; i < 16; i++) {
      assertEquals(ka[i], kb[i]);
    }
    int[] same = new int[128];
    long[] k = LshBands.DEFAULT.keys(same);
    assertNotEquals(k[0], k[1], "equal band contents in different bands give different keys");
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new LshBands(0, 8));
    assertThrows(IllegalArgumentException.class, () -> LshBands.DEFAULT.keys(new int[100]));
    assertThrows(IllegalArgumentException.class, () -> LshBands.datasketchOptimum(1.0, 128, 0.5, 0.5));
    assertTrue(new LshBands(32, 4).probability(0.5) > 0.87);
  }
}
