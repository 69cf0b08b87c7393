package org.radmd.radfm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;
import org.radmd.core.image.Volume;
import org.radmd.testing.SharedCorpus;

/**
 * Image loading on real files from ../shared/corpus. Reference values were recorded with Debian's /usr/bin/python3
 * (numpy 1.24.2, Pillow 9.4.0): the PNG via {@code np.asarray(Image.open(f).convert('RGB')) / 255}; the NIfTI by
 * reading the big-endian int16 voxels with {@code struct}/numpy, min-max scaling, and indexing with PyTorch's
 * nearest rule in float32 ({@code floor(np.float32(i) * (np.float32(in) / np.float32(out)))}).
 */
class RadfmImageLoaderTest {
  static final Path PNG = SharedCorpus.corpus("medpix/images/MPX2497_synpic11131.png");
  static final Path NII = SharedCorpus.corpus("nifti/anatomical.nii");

  static double sum(float[] a) {
    double s = 0;
    for (float v : a) {
      s += v;
    }
    return s;
  }

  @Test
  void pngAtItsOwnSizeMatchesPillow() throws IOException {
    ImageTensor t = new RadfmImageLoader(256).load(PNG);
    assertArrayEquals(new int[] {3, 256, 256, 1}, t.shape());
    // numpy: im.sum() over (256, 256, 3) = 43445.070588235285; im[100, 120] = 134/255 in all channels
    assertEquals(43445.0706, sum(t.data()), 1e-2);
    for (int c = 0; c < 3; c++) {
      assertEquals(0.5254902f, t.get(c, 100, 120, 0), 1e-7);
    }
  }

  @Test
  void pngIsResizedDeterministically() throws IOException {
    RadfmImageLoader loader = new RadfmImageLoader(512);
    ImageTensor a = loader.load(PNG);
    assertArrayEquals(new int[] {3, 512, 512, 1}, a.shape());
    assertArrayEquals(a.data(), loader.load(PNG).data());
    // Upsampling by 2 keeps the mean brightness within rounding: 43445.07 / (256 * 256 * 3) = 0.22097
    assertEquals(0.22097, sum(a.data()) / a.data().length, 2e-3);
  }

  @Test
  void niftiVolumeMatchesNumpyReference() throws IOException {
    ImageTensor t = new RadfmImageLoader(64).load(NII);
    // 33 x 41 x 25 int16, range [-610, 30393]; 25 slices snap to D = 24
    assertArrayEquals(new int[] {3, 64, 64, 24}, t.shape());
    assertEquals(3 * 28655.066966054495, sum(t.data()), 0.5);
    assertEquals(0.3600942f, t.get(0, 10, 20, 5), 1e-6);
    assertEquals(0.4028965f, t.get(1, 32, 32, 12), 1e-6);
    assertEquals(0.100925714f, t.get(2, 63, 63, 23), 1e-6);
  }

  @Test
  void radiopaediaVolumeBuiltLikeTheBuildLoads(@TempDir Path dir) throws IOException {
    // The build stacks a Radiopaedia series' JPEG slices into a uint8 NIfTI volume (core Volume + Nifti); do the
    // same with the first 9 slices of the shared case's axial series at 128 px (9 slices keep the test fast and
    // snap to D = 8), then load it at 64 px.
    Path series = SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/0/axial-non-contrast");
    List<Path> slices;
    try (var files = Files.list(series)) {
      slices = files.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(9).toList();
    }
    Path nii = dir.resolve("series.nii.gz");
    Nifti.writeNiftiGz(Volume.fromSlices(slices, 128), nii);
    NiftiImage stored = Nifti.read(nii);
    ImageTensor t = new RadfmImageLoader(64).load(nii);
    int depth = org.radmd.core.image.RadfmInput.snapDepth(slices.size());
    assertEquals(8, depth);
    assertArrayEquals(new int[] {3, 64, 64, depth}, t.shape());
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double v : stored.data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float lo = Float.MAX_VALUE;
    float hi = -Float.MAX_VALUE;
    for (float v : t.data()) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assertEquals(0f, lo);
    assertEquals(1f, hi);
    // (h, w, d) reads NIfTI (x = 2w, y = 2h, z = nearest(d)) since 128 / 64 = 2 exactly
    int d = depth - 1;
    int z = ImageTensor.Nearest.indices(depth, slices.size())[d];
    double expected = (stored.voxel(2 * 40, 2 * 30, z) - min) / (max - min);
    for (int c = 0; c < 3; c++) {
      assertEquals(expected, t.get(c, 30, 40, d), 1e-6);
    }
  }

  @Test
  void badFilesGiveIoExceptions(@TempDir Path dir) throws IOException {
    RadfmImageLoader loader = new RadfmImageLoader(64);
    assertThrows(IOException.class, () -> loader.load(dir.resolve("missing.png")));
    Path junk = Files.writeString(dir.resolve("junk.nii.gz"), "not a volume");
    assertThrows(IOException.class, () -> loader.load(junk));
    assertThrows(IllegalArgumentException.class, () -> new RadfmImageLoader(100));
  }

  @Test
  void stackingRepeatsTwoDimensionalSlicesToTheCommonDepth() throws IOException {
    RadfmImageLoader loader = new RadfmImageLoader(64);
    ImageTensor png = loader.load(PNG);
    ImageTensor vol = loader.load(NII);
    ImageStacker.Stack s = ImageStacker.stack(List.of(png, vol), 64, 64);
    assertArrayEquals(new int[] {2, 3, 64, 64, 24}, s.shape());
    int each = 3 * 64 * 64 * 24;
    // image 0, any slice = the 2D pixel; image 1 unchanged
    for (int d = 0; d < 24; d++) {
      assertEquals(png.get(1, 7, 9, 0), s.data()[((1 * 64 + 7) * 64 + 9) * 24 + d]);
    }
    assertEquals(vol.get(2, 63, 63, 23), s.data()[each + ((2 * 64 + 63) * 64 + 63) * 24 + 23]);
    ImageStacker.Stack only2d = ImageStacker.stack(List.of(png), 32, 32);
    assertArrayEquals(new int[] {1, 3, 32, 32, 4}, only2d.shape());
    ImageStacker.Stack none = ImageStacker.stack(List.of(), 32, 32);
    assertArrayEquals(new int[] {1, 3, 32, 32, 4}, none.shape());
    assertEquals(0.0, sum(none.data()));
  }

  @Test
  void stackDepthRuleTiesKeepTheSmaller() {
    assertEquals(4, ImageStacker.targetDepth(1));
    assertEquals(4, ImageStacker.targetDepth(6), "6 is as near to 4 as to 8");
    assertEquals(8, ImageStacker.targetDepth(7));
    assertEquals(64, ImageStacker.targetDepth(300));
  }

  @Test
  void nearestFollowsPytorchFloat32() {
    // PyTorch: in 26 -> out 44, index 22 reads floor(22 * 0.5909091f) = 12 (exact arithmetic would give 13)
    assertEquals(12, ImageTensor.Nearest.indices(44, 26)[22]);
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, ImageTensor.Nearest.indices(6, 3));
    assertArrayEquals(new int[] {0, 0, 0, 0}, ImageTensor.Nearest.indices(4, 1));
    assertArrayEquals(new int[] {0, 2}, ImageTensor.Nearest.indices(2, 4));
  }
}
