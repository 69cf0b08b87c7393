package org.radmd.filters.dedup;

/**
 * The low-frequency corner of a 2D DCT-II of an {@code n x n} grid, computed as {@code C X C^T} with only the
 * first {@code k + 1} rows of the DCT basis {@code C[u][x] = cos(pi (2x + 1) u / 2n)}.
 *
 * <p>The orthonormal scale factors are left out: every coefficient with {@code u, v >= 1} would be scaled by
 * the same {@code 2 / n}, which does not change a median threshold. Immutable and thread-safe.
 */
final class Dct {
  private final int n;
  private final int k;
  private final double[][] basis;

  /**
   * @param n grid side (32 for the 64-bit pHash, 64 for the 256-bit one)
   * @param k the block side kept: frequencies {@code 1..k} in each direction
   */
  Dct(int n, int k) {
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("need 1 <= k < n: k=" + k + ", n=" + n);
    }
    this.n = n;
    this.k = k;
    basis = new double[k + 1][n];
    for (int u = 0; u <= k; u++) {
      for (int x = 0; x < n; x++) {
        basis[u][x] = Math.cos(Math.PI * (2 * x + 1) * u / (2.0 * n));
      }
    }
  }

  int gridSide() {
    return n;
  }

  /**
   * The {@code k x k} coefficients {@code D[u][v]} for {@code u, v = 1..k} (the DC row and column dropped),
   * row-major: index {@code (u - 1) * k + (v - 1)}; u is the vertical frequency, v the horizontal one.
   *
   * @param grid {@code n * n} values, row-major
   */
  double[] lowFrequencies(float[] grid) {
    if (grid.length != n * n) {
      throw new IllegalArgumentException("grid has " + grid.length + " values, expected " + n * n);
    }
    // rowsT[v][y] = sum_x grid[y][x] * basis[v][x]  (horizontal transform, frequencies 1..k)
    double[][] rowsT = new double[k][n];
    for (int y = 0; y < n; y++) {
      int off = y * n;
      for (int v = 1; v <= k; v++) {
        double[] b = basis[v];
        double s = 0;
        for (int x = 0; x < n; x++) {
          s += grid[off + x] * b[x];
        }
        rowsT[v - 1][y] = s;
      }
    }
    double[] out = new double[k * k];
    for (int u = 1; u <= k; u++) {
      double[] b = basis[u];
      for (int v = 1; v <= k; v++) {
        double[] col = rowsT[v - 1];
        double s = 0;
        for (int y = 0; y < n; y++) {
          s += col[y] * b[y];
        }
        out[(u - 1) * k + (v - 1)] = s;
      }
    }
    return out;
  }
}
