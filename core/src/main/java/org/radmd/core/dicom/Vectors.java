package org.radmd.core.dicom;

/** Small 3-vector helpers for patient-space geometry. Stateless. */
final class Vectors {
  private Vectors() {}

  static double[] cross(double[] a, double[] b) {
    return new double[] {
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0]};
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** {@code a / |a|}; {@code a} unchanged when its length is 0. */
  static double[] normalize(double[] a) {
    double n = norm(a);
    return n == 0 ? a.clone() : new double[] {a[0] / n, a[1] / n, a[2] / n};
  }

  static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  /** Angle between two vectors in degrees (0..180); 0 when either has zero length. */
  static double angleDegrees(double[] a, double[] b) {
    double na = norm(a);
    double nb = norm(b);
    if (na == 0 || nb == 0) {
      return 0;
    }
    double c = Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
    return Math.toDegrees(Math.acos(c));
  }
}
