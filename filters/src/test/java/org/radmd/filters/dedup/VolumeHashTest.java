package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.Volume;
import org.radmd.testing.SharedCorpus;

class VolumeHashTest {
  static List<Path> t2;
  static Volume volume;

  @BeforeAll
  static void load() throws IOException {
    t2 = EvalCorpus.slices(SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/1/axial-t2"));
    volume = Volume.fromSlices(t2, 96);
  }

  @Test
  void storedNiftiHashesLikeTheVolume(@TempDir Path dir) throws IOException {
    Path nii = dir.resolve("v.nii.gz");
    Nifti.writeNiftiGz(volume, nii);
    assertEquals(VolumeHash.of(volume), VolumeHash.of(Nifti.read(nii)));
  }

  @Test
  void everySecondSliceStaysClose() throws IOException {
    List<Path> half = new ArrayList<>();
    for (int i = 0; i < t2.size(); i += 2) {
      half.add(t2.get(i));
    }
    double d = VolumeHash.distance(VolumeHash.of(volume), VolumeHash.of(Volume.fromSlices(half, 96)));
    assertTrue(d <= VolumeHash.DEFAULT_MAX_MEAN_HAMMING, "resliced: " + d);
  }

  @Test
  void anotherPatientIsFar() throws IOException {
    VolumeHash other = VolumeHash.of(Nifti.read(SharedCorpus.corpus("nifti/anatomical.nii")));
    assertTrue(VolumeHash.distance(VolumeHash.of(volume), other) > 2 * VolumeHash.DEFAULT_MAX_MEAN_HAMMING);
  }

  @Test
  void positionsAndDistances() {
    assertEquals(1.6, VolumeHash.position(0.1, 21), 1e-12);
    assertEquals(0.0, VolumeHash.position(0.1, 1), 1e-12);
    assertEquals(20.0, VolumeHash.position(1.0, 21), 1e-12);
    VolumeHash a = new VolumeHash(new long[9]);
    long[] s = new long[9];
    s[0] = 0xFFL;
    VolumeHash b = new VolumeHash(s);
    assertEquals(8.0 / 9, VolumeHash.distance(a, b), 1e-12);
    assertEquals(8, VolumeHash.maxDistance(a, b));
    assertEquals(0L, a.keySlice());
    assertThrows(IllegalArgumentException.class, () -> new VolumeHash(new long[3]));
  }
}
