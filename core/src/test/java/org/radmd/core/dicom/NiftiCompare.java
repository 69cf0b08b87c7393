package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.radmd.core.image.NiftiImage;

/**
 * Compares two NIfTI images as objects in world space: the voxel grids may differ by axis permutations and
 * flips (e.g. dcm2niix's flipped rows vs dicom2nifti's unflipped ones), but every voxel must land on the same
 * world point (within a tolerance, mm) with the same scaled value.
 */
final class NiftiCompare {
  private NiftiCompare() {}

  /**
   * Asserts that {@code b} is {@code a} re-indexed: {@code inverse(affine_b) * affine_a} is a signed axis
   * permutation with integer offsets, the voxel-centre world coordinates of a's corners agree within
   * {@code tolMm}, and every voxel has the same value after {@code scl_slope/scl_inter}.
   */
  static void assertSameInWorld(NiftiImage a, NiftiImage b, double tolMm) {
    int[] da = {a.size(0), a.size(1), a.size(2)};
    int[] db = {b.size(0), b.size(1), b.size(2)};
    double[][] t = multiply(invert(b.affine()), a.affine());
    int[] perm = new int[3];
    int[] sign = new int[3];
    long[] offset = new long[3];
    for (int r = 0; r < 3; r++) {
      int found = -1;
      for (int c = 0; c < 3; c++) {
        if (Math.abs(Math.abs(t[r][c]) - 1) < 1e-3) {
          found = c;
        } else if (Math.abs(t[r][c]) > 1e-3) {
          fail("voxel grids are not axis-aligned: row " + r + " of inv(B)A = " + Arrays.toString(t[r]));
        }
      }
      assertTrue(found >= 0, "no axis maps to b's axis " + r + ": " + Arrays.deepToString(t));
      perm[r] = found;
      sign[r] = (int) Math.signum(t[r][found]);
      offset[r] = Math.round(t[r][3]);
      assertEquals(offset[r], t[r][3], 1e-3, "offset along b's axis " + r);
      assertEquals(db[r], da[found], "size of b's axis " + r);
    }
    int[] ia = new int[3];
    for (int corner = 0; corner < 8; corner++) {
      for (int i = 0; i < 3; i++) {
        ia[i] = ((corner >> i) & 1) == 0 ? 0 : da[i] - 1;
      }
      double[] wa = world(a.affine(), ia);
      double[] wb = world(b.affine(), map(ia, perm, sign, offset));
      for (int i = 0; i < 3; i++) {
        assertEquals(wa[i], wb[i], tolMm, "world coordinate " + i + " of corner " + Arrays.toString(ia));
      }
    }
    for (int z = 0; z < da[2]; z++) {
      for (int y = 0; y < da[1]; y++) {
        for (int x = 0; x < da[0]; x++) {
          ia[0] = x;
          ia[1] = y;
          ia[2] = z;
          int[] ib = map(ia, perm, sign, offset);
          double va = a.scale(a.voxel(x, y, z));
          double vb = b.scale(b.voxel(ib[0], ib[1], ib[2]));
          if (Math.abs(va - vb) > 1e-3 * Math.max(1, Math.abs(va))) {
            fail("voxel " + Arrays.toString(ia) + " = " + va + " but " + Arrays.toString(ib) + " = " + vb);
          }
        }
      }
    }
  }

  /** Asserts equal shape, affine within {@code tolMm} element-wise, and equal scaled voxels, same layout. */
  static void assertSameLayout(NiftiImage a, NiftiImage b, double tolMm) {
    assertEquals(a.size(0), b.size(0));
    assertEquals(a.size(1), b.size(1));
    assertEquals(a.size(2), b.size(2));
    double[][] ma = a.affine();
    double[][] mb = b.affine();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(mb[r][c], ma[r][c], tolMm, "affine[" + r + "][" + c + "]");
      }
    }
    for (int z = 0; z < a.size(2); z++) {
      for (int y = 0; y < a.size(1); y++) {
        for (int x = 0; x < a.size(0); x++) {
          double va = a.scale(a.voxel(x, y, z));
          double vb = b.scale(b.voxel(x, y, z));
          if (Math.abs(va - vb) > 1e-3 * Math.max(1, Math.abs(va))) {
            fail("voxel (" + x + "," + y + "," + z + "): " + va + " vs " + vb);
          }
        }
      }
    }
  }

  private static int[] map(int[] ia, int[] perm, int[] sign, long[] offset) {
    int[] ib = new int[3];
    for (int r = 0; r < 3; r++) {
      ib[r] = (int) (sign[r] * ia[perm[r]] + offset[r]);
    }
    return ib;
  }

  private static double[] world(double[][] m, int[] i) {
    double[] w = new double[3];
    for (int r = 0; r < 3; r++) {
      w[r] = m[r][0] * i[0] + m[r][1] * i[1] + m[r][2] * i[2] + m[r][3];
    }
    return w;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 4; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  /** Inverse of an affine 4x4 (last row 0 0 0 1). */
  static double[][] invert(double[][] m) {
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      r[i] = Arrays.copyOf(m[i], 3);
    }
    double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
        + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
    double[][] inv = new double[4][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        int i1 = (j + 1) % 3;
        int i2 = (j + 2) % 3;
        int j1 = (i + 1) % 3;
        int j2 = (i + 2) % 3;
        inv[i][j] = (r[i1][j1] * r[i2][j2] - r[i1][j2] * r[i2][j1]) / det;
      }
    }
    for (int i = 0; i < 3; i++) {
      inv[i][3] = -(inv[i][0] * m[0][3] + inv[i][1] * m[1][3] + inv[i][2] * m[2][3]);
    }
    inv[3][3] = 1;
    return inv;
  }
}
