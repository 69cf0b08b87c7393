package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DctTest {
  @Test
  void aCosinePatternExcitesItsOwnCoefficient() {
    int n = 32;
    float[] grid = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        grid[y * n + x] = (float) (Math.cos(Math.PI * (2 * y + 1) * 3 / (2.0 * n))
            * Math.cos(Math.PI * (2 * x + 1) * 5 / (2.0 * n)));
      }
    }
    double[] d = new Dct(n, 8).lowFrequencies(grid);
    int peak = 0;
    for (int i = 1; i < d.length; i++) {
      if (Math.abs(d[i]) > Math.abs(d[peak])) {
        peak = i;
      }
    }
    assertEquals((3 - 1) * 8 + (5 - 1), peak, "u=3 (vertical), v=5 (horizontal)");
    for (int i = 0; i < d.length; i++) {
      if (i != peak) {
        assertTrue(Math.abs(d[i]) < 1e-3, "orthogonal basis: coefficient " + i + " = " + d[i]);
      }
    }
  }

  @Test
  void rejectsBadSizes() {
    assertThrows(IllegalArgumentException.class, () -> new Dct(8, 8));
    assertThrows(IllegalArgumentException.class, () -> new Dct(32, 8).lowFrequencies(new float[10]));
  }
}
