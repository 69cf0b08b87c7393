package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radmd.testing.SharedCorpus;

/** Typed NIfTI-1 writing with a full affine; read back with {@link Nifti#read}. */
class NiftiWriterTest {
  @TempDir
  Path tmp;

  @Test
  void int16RoundTripKeepsVoxelsAndAffine() throws Exception {
    double[][] affine = {{-0.5, 0, 0, 10}, {0, 0.5, 0, -20}, {0, 0, 2, 30}, {0, 0, 0, 1}};
    short[] v = new short[2 * 3 * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = (short) (i * 1000 - 12000);
    }
    for (String name : new String[] {"a.nii", "a.nii.gz"}) {
      Path out = tmp.resolve(name);
      NiftiWriter.writeInt16(out, new NiftiWriter.Header(new int[] {2, 3, 4}, affine, true, "radmd"), v);
      NiftiImage n = Nifti.read(out);
      assertEquals(NiftiWriter.DT_INT16, n.datatype());
      assertEquals(-12000 + 1000 * (1 + 2 * (2 + 3 * 3)), n.voxel(1, 2, 3));
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          assertEquals(affine[r][c], n.affine()[r][c], 1e-6);
        }
      }
      assertEquals(0.5, n.pixdim()[0], 1e-7);
      assertEquals(2, n.pixdim()[2], 1e-7);
    }
  }

  @Test
  void uint16AndFloat32() throws Exception {
    double[][] eye = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    NiftiWriter.Header h = new NiftiWriter.Header(new int[] {2, 1, 1}, eye, false, "");
    NiftiWriter.writeUint16(tmp.resolve("u.nii"), h, new short[] {(short) 65535, 7});
    assertEquals(65535, Nifti.read(tmp.resolve("u.nii")).voxel(0, 0, 0));
    NiftiWriter.writeFloat32(tmp.resolve("f.nii"), h, new float[] {-1.25f, 3.5f});
    assertEquals(3.5, Nifti.read(tmp.resolve("f.nii")).voxel(1, 0, 0));
  }

  /** nibabel's example4d.nii.gz: an oblique sform; the quaternion of its rotation reproduces it. */
  @Test
  void quaternionOfARealObliqueAffine() throws Exception {
    double[][] a = Nifti.read(SharedCorpus.corpus("nifti/example4d.nii.gz")).affine();
    NiftiQuaternion q = NiftiQuaternion.of(a);
    double bb = q.b();
    double cc = q.c();
    double dd = q.d();
    double aa = Math.sqrt(Math.max(0, 1 - (bb * bb + cc * cc + dd * dd)));
    double[][] r = {
        {aa * aa + bb * bb - cc * cc - dd * dd, 2 * (bb * cc - aa * dd), 2 * (bb * dd + aa * cc)},
        {2 * (bb * cc + aa * dd), aa * aa + cc * cc - bb * bb - dd * dd, 2 * (cc * dd - aa * bb)},
        {2 * (bb * dd - aa * cc), 2 * (cc * dd + aa * bb), aa * aa + dd * dd - cc * cc - bb * bb}};
    for (int j = 0; j < 3; j++) {
      double len = Math.sqrt(a[0][j] * a[0][j] + a[1][j] * a[1][j] + a[2][j] * a[2][j]);
      double f = j == 2 ? q.qfac() : 1;
      for (int i = 0; i < 3; i++) {
        assertEquals(a[i][j] / len, r[i][j] * f, 1e-4, "[" + i + "][" + j + "]");
      }
    }
  }

  /** Every corpus NIfTI (NIfTI-1 big-endian, gzipped 4D, NIfTI-2): its first volume rewritten reads back equal. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"anatomical.nii", "example4d.nii.gz", "example_nifti2.nii.gz"})
  void corpusVolumesRewriteLosslessly(String file) throws Exception {
    NiftiImage in = Nifti.read(SharedCorpus.corpus("nifti/" + file));
    int nx = in.size(0);
    int ny = in.size(1);
    int nz = in.size(2);
    short[] v = new short[nx * ny * nz];
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          v[x + nx * (y + ny * z)] = (short) in.voxel(x, y, z);
        }
      }
    }
    Path out = tmp.resolve(file.replace(".gz", "") + ".gz");
    NiftiWriter.writeInt16(out, new NiftiWriter.Header(new int[] {nx, ny, nz}, in.affine(), true, "radmd"), v);
    NiftiImage back = Nifti.read(out);
    for (int z = 0; z < nz; z++) {
      for (int y = 0; y < ny; y++) {
        for (int x = 0; x < nx; x++) {
          assertEquals(in.voxel(x, y, z), back.voxel(x, y, z));
        }
      }
    }
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(in.affine()[r][c], back.affine()[r][c], 1e-5);
      }
    }
  }

  @Test
  void rejectsMismatchedCountsAndLongDescrip() {
    double[][] eye = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    NiftiWriter.Header h = new NiftiWriter.Header(new int[] {2, 2, 1}, eye, true, "");
    assertThrows(IllegalArgumentException.class, () -> NiftiWriter.writeInt16(tmp.resolve("x.nii"), h, new short[3]));
    assertThrows(IllegalArgumentException.class,
        () -> new NiftiWriter.Header(new int[] {1}, eye, true, "x".repeat(80)));
  }
}
