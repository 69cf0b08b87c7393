package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HammingBandsTest {
  @Test
  void probeCountsAndGuarantee() {
    assertEquals(3, new HammingBands(4, 0).guaranteedDistance());
    assertEquals(7, new HammingBands(4, 1).guaranteedDistance());
    assertEquals(11, new HammingBands(4, 2).guaranteedDistance());
    assertEquals(4, new HammingBands(4, 0).probes(123L).length);
    assertEquals(4 * 17, new HammingBands(4, 1).probes(123L).length);
    assertEquals(4 * 137, new HammingBands(4, 2).probes(123L).length);
    assertEquals(16, HammingBands.DEFAULT.bandBits());
  }

  /** Every pair within the guaranteed distance shares a key; keys and probes agree with {@code meet}. */
  @Test
  void pigeonholeGuaranteeHoldsAndKeysAgreeWithMeet() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (HammingBands b : new HammingBands[] {new HammingBands(4, 0), new HammingBands(4, 1),
        new HammingBands(8, 1), new HammingBands(4, 2)}) {
      for (int t = 0; t < 2000; t++) {
        long a = rnd.nextLong();
        long c = a;
        int flips = rnd.nextInt(b.guaranteedDistance() + 6);
        for (int f = 0; f < flips; f++) {
          c ^= 1L << rnd.nextInt(64);
        }
        boolean shared = shares(b.keys(a), b.probes(c));
        assertEquals(b.meet(a, c), shared, b + " " + Long.toHexString(a) + " " + Long.toHexString(c));
        if (Long.bitCount(a ^ c) <= b.guaranteedDistance()) {
          assertTrue(shared, b + ": pair within the guaranteed distance must meet");
        }
      }
    }
  }

  @Test
  void bandsNeverCollideWithEachOther() {
    long[] keys = HammingBands.DEFAULT.keys(0L);
    assertEquals(4, Arrays.stream(keys).distinct().count());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, HammingBands.bandOf(keys[i]));
    }
    assertFalse(new HammingBands(4, 0).meet(0x0001_0001_0001_0001L, 0L));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new HammingBands(3, 0));
    assertThrows(IllegalArgumentException.class, () -> new HammingBands(4, 4));
  }

  private static boolean shares(long[] keys, long[] probes) {
    for (long k : keys) {
      if (Arrays.binarySearch(probes, k) >= 0) {
        return true;
      }
    }
    return false;
  }
}
