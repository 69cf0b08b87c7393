package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radmd.core.Json;
import org.radmd.testing.SharedCorpus;

/** Real nibabel test files: NIfTI-1 big-endian, NIfTI-1 gzipped 4D, NIfTI-2 gzipped. */
class NiftiReadTest {

  static JsonNode measured(String file) throws IOException {
    JsonNode root = Json.mapper().readTree(SharedCorpus.corpus("nifti/expected.json").toFile());
    for (JsonNode f : root.get("files")) {
      if (f.get("file").asText().equals(file)) {
        return f.get("nibabel_measured");
      }
    }
    throw new AssertionError("no entry for " + file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"anatomical.nii", "example4d.nii.gz", "example_nifti2.nii.gz"})
  void headerAndDataMatchNibabel(String file) throws IOException {
    JsonNode m = measured(file);
    NiftiImage n = Nifti.read(SharedCorpus.corpus("nifti/" + file));

    int[] shape = new int[m.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = m.get("shape").get(i).asInt();
    }
    assertArrayEquals(shape, n.dim(), "shape");
    double[] zooms = new double[m.get("zooms").size()];
    for (int i = 0; i < zooms.length; i++) {
      zooms[i] = m.get("zooms").get(i).asDouble();
    }
    assertArrayEquals(zooms, n.pixdim(), 1e-5, "zooms");
    double[][] affine = n.affine();
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(m.get("affine").get(r).get(c).asDouble(), affine[r][c], 1e-4, "affine " + r + "," + c);
      }
    }
    assertEquals(4, n.datatype(), "int16 (" + m.get("dtype").asText() + ")");

    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double v : n.data()) {
      double s = n.scale(v);
      min = Math.min(min, s);
      max = Math.max(max, s);
      sum += s;
    }
    assertEquals(m.get("data_min").asDouble(), min, 1e-6);
    assertEquals(m.get("data_max").asDouble(), max, 1e-6);
    assertEquals(m.get("data_sum").asDouble(), sum, 1e-3);
  }

  @Test
  void anatomicalIsBigEndianTwoMillimetreNifti1() throws IOException {
    Path p = SharedCorpus.corpus("nifti/anatomical.nii");
    byte[] head = Files.readAllBytes(p);
    assertArrayEquals(new byte[] {0, 0, 1, 0x5c}, Arrays.copyOf(head, 4), "sizeof_hdr 348 big-endian");
    NiftiImage n = Nifti.read(p);
    assertArrayEquals(new int[] {33, 41, 25}, n.dim());
    assertArrayEquals(new double[] {2, 2, 2}, n.pixdim());
    assertEquals(3, n.ndim());
    assertEquals(n.data()[1 + 33 * (2 + 41 * 3)], n.voxel(1, 2, 3));
  }

  @Test
  void nifti2Is4dAndSecondVolumeIsAddressable() throws IOException {
    NiftiImage n = Nifti.read(SharedCorpus.corpus("nifti/example_nifti2.nii.gz"));
    assertArrayEquals(new int[] {32, 20, 12, 2}, n.dim());
    assertEquals(n.data()[32 * 20 * 12], n.voxel(0, 0, 0, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> n.voxel(0, 0, 0, 2));
  }

  @Test
  void truncatedAndForeignFilesAreErrors(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(SharedCorpus.corpus("nifti/anatomical.nii"));
    Path half = Files.write(dir.resolve("half.nii"), Arrays.copyOf(all, all.length / 2));
    IOException e = assertThrows(IOException.class, () -> Nifti.read(half));
    assertTrue(e.getMessage().contains("half.nii") && e.getMessage().contains("truncated"), e.getMessage());
    byte[] gz = Files.readAllBytes(SharedCorpus.corpus("nifti/example_nifti2.nii.gz"));
    Path cutGz = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2));
    e = assertThrows(IOException.class, () -> Nifti.read(cutGz));
    assertTrue(e.getMessage().contains("cut.nii.gz"), e.getMessage());
    Path png = SharedCorpus.corpus("medpix/images/MPX1009_synpic46283.png");
    e = assertThrows(IOException.class, () -> Nifti.read(png));
    assertTrue(e.getMessage().contains("not a NIfTI file"), e.getMessage());
  }
}
