package org.radmd.core.image;

/**
 * The NIfTI-1 quaternion form of an affine's rotation (nifti1_io's {@code mat44_to_quatern}): columns
 * normalised, the nearest orthogonal matrix by polar decomposition ({@code mat33_polar}), qfac = sign of its
 * determinant (the third column negated when -1), then the quaternion (b, c, d) with a = sqrt(1 - b² - c² - d²)
 * not negative. Immutable.
 *
 * @param b quatern_b
 * @param c quatern_c
 * @param d quatern_d
 * @param qfac {@code pixdim[0]}: 1 or -1
 */
record NiftiQuaternion(double b, double c, double d, double qfac) {
  static NiftiQuaternion of(double[][] m) {
    double[][] r = new double[3][3];
    for (int j = 0; j < 3; j++) {
      double len = Math.sqrt(m[0][j] * m[0][j] + m[1][j] * m[1][j] + m[2][j] * m[2][j]);
      for (int i = 0; i < 3; i++) {
        r[i][j] = len == 0 ? (i == j ? 1 : 0) : m[i][j] / len;
      }
    }
    double[][] p = polar(r);
    double qfac = 1;
    if (det(p) <= 0) {
      qfac = -1;
      for (int i = 0; i < 3; i++) {
        p[i][2] = -p[i][2];
      }
    }
    double a = p[0][0] + p[1][1] + p[2][2] + 1;
    double b;
    double c;
    double d;
    if (a > 0.5) {
      a = 0.5 * Math.sqrt(a);
      b = 0.25 * (p[2][1] - p[1][2]) / a;
      c = 0.25 * (p[0][2] - p[2][0]) / a;
      d = 0.25 * (p[1][0] - p[0][1]) / a;
    } else {
      double xd = 1 + p[0][0] - (p[1][1] + p[2][2]);
      double yd = 1 + p[1][1] - (p[0][0] + p[2][2]);
      double zd = 1 + p[2][2] - (p[0][0] + p[1][1]);
      if (xd > 1) {
        b = 0.5 * Math.sqrt(xd);
        c = 0.25 * (p[0][1] + p[1][0]) / b;
        d = 0.25 * (p[0][2] + p[2][0]) / b;
        a = 0.25 * (p[2][1] - p[1][2]) / b;
      } else if (yd > 1) {
        c = 0.5 * Math.sqrt(yd);
        b = 0.25 * (p[0][1] + p[1][0]) / c;
        d = 0.25 * (p[1][2] + p[2][1]) / c;
        a = 0.25 * (p[0][2] - p[2][0]) / c;
      } else {
        d = 0.5 * Math.sqrt(zd);
        b = 0.25 * (p[0][2] + p[2][0]) / d;
        c = 0.25 * (p[1][2] + p[2][1]) / d;
        a = 0.25 * (p[1][0] - p[0][1]) / d;
      }
      if (a < 0) {
        b = -b;
        c = -c;
        d = -d;
      }
    }
    return new NiftiQuaternion(b, c, d, qfac);
  }

  /** nifti1_io's {@code mat33_polar}: the orthogonal matrix closest to {@code a}. */
  static double[][] polar(double[][] a) {
    double[][] x = copy(a);
    double gam = det(x);
    while (gam == 0) {
      gam = 0.00001 * (0.001 + rowNorm(x));
      for (int i = 0; i < 3; i++) {
        x[i][i] += gam;
      }
      gam = det(x);
    }
    double dif = 1;
    double[][] z = x;
    for (int k = 0; k <= 100; k++) {
      double[][] y = inverse(x);
      double g;
      double gi;
      if (dif > 0.3) {
        double alp = Math.sqrt(rowNorm(x) * colNorm(x));
        double bet = Math.sqrt(rowNorm(y) * colNorm(y));
        g = Math.sqrt(bet / alp);
        gi = 1 / g;
      } else {
        g = 1;
        gi = 1;
      }
      z = new double[3][3];
      dif = 0;
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          z[i][j] = 0.5 * (g * x[i][j] + gi * y[j][i]);
          dif += Math.abs(z[i][j] - x[i][j]);
        }
      }
      if (dif < 3e-6) {
        break;
      }
      x = z;
    }
    return z;
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[3][];
    for (int i = 0; i < 3; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  static double det(double[][] r) {
    return r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
        + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
  }

  private static double[][] inverse(double[][] r) {
    double d = det(r);
    double[][] i = new double[3][3];
    i[0][0] = (r[1][1] * r[2][2] - r[1][2] * r[2][1]) / d;
    i[0][1] = (r[0][2] * r[2][1] - r[0][1] * r[2][2]) / d;
    i[0][2] = (r[0][1] * r[1][2] - r[0][2] * r[1][1]) / d;
    i[1][0] = (r[1][2] * r[2][0] - r[1][0] * r[2][2]) / d;
    i[1][1] = (r[0][0] * r[2][2] - r[0][2] * r[2][0]) / d;
    i[1][2] = (r[0][2] * r[1][0] - r[0][0] * r[1][2]) / d;
    i[2][0] = (r[1][0] * r[2][1] - r[1][1] * r[2][0]) / d;
    i[2][1] = (r[0][1] * r[2][0] - r[0][0] * r[2][1]) / d;
    i[2][2] = (r[0][0] * r[1][1] - r[0][1] * r[1][0]) / d;
    return i;
  }

  private static double rowNorm(double[][] a) {
    double m = 0;
    for (int i = 0; i < 3; i++) {
      m = Math.max(m, Math.abs(a[i][0]) + Math.abs(a[i][1]) + Math.abs(a[i][2]));
    }
    return m;
  }

  private static double colNorm(double[][] a) {
    double m = 0;
    for (int j = 0; j < 3; j++) {
      m = Math.max(m, Math.abs(a[0][j]) + Math.abs(a[1][j]) + Math.abs(a[2][j]));
    }
    return m;
  }
}
