package org.radmd.index.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;
import org.radmd.core.image.Volume;

/** {@link VolumeSlices}: decoding to 8-bit grey, slice PNGs and the byte-bounded LRU cache. */
class VolumeSlicesTest {
  @TempDir Path dir;

  @Test
  void uint8VolumesKeepTheirValuesAndSlicesComeOutUpright() throws IOException {
    byte[] voxels = new byte[4 * 3 * 2];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = (byte) (i * 10);
    }
    Path file = dir.resolve("v.nii.gz");
    Nifti.writeNiftiGz(Volume.of(4, 3, 2, voxels, null), file);
    VolumeSlices.Grey g = new VolumeSlices(1 << 20).volume(file);
    assertEquals(4, g.width());
    assertEquals(3, g.height());
    assertEquals(2, g.depth());
    assertArrayEquals(voxels, g.voxels());
    BufferedImage slice1 = ImageIO.read(new ByteArrayInputStream(VolumeSlices.slicePng(g, 1)));
    assertEquals(4, slice1.getWidth());
    assertEquals(3, slice1.getHeight());
    // Voxel (x=1, y=2, z=1) is number 1 + 4 * (2 + 3 * 1) = 21.
    assertEquals(210, slice1.getRaster().getSample(1, 2, 0));
  }

  @Test
  void otherTypesAreScaledFromTheirRangeOntoZeroTo255() {
    double[] data = {-1000, 0, 1000, 3000};
    double[][] identity = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    NiftiImage int16 = new NiftiImage(new int[] {2, 2, 1}, 4, new double[] {1, 1, 1}, identity, 1, 0, data);
    assertArrayEquals(new byte[] {0, 64, (byte) 128, (byte) 255}, VolumeSlices.decode(int16).voxels());
    // scl_slope applies before scaling; a constant volume maps to 0.
    NiftiImage flat = new NiftiImage(new int[] {2, 1, 1}, 16, new double[] {1, 1, 1}, identity, 2, 5,
        new double[] {7, 7});
    assertArrayEquals(new byte[] {0, 0}, VolumeSlices.decode(flat).voxels());
  }

  @Test
  void theCacheKeepsRecentVolumesWithinItsByteBudget() throws IOException {
    Path a = dir.resolve("a.nii.gz");
    Path b = dir.resolve("b.nii.gz");
    Nifti.writeNiftiGz(Volume.of(10, 10, 10, new byte[1000], null), a);
    Nifti.writeNiftiGz(Volume.of(10, 10, 10, new byte[1000], null), b);
    VolumeSlices slices = new VolumeSlices(1500);
    VolumeSlices.Grey first = slices.volume(a);
    assertSame(first, slices.volume(a), "a hit returns the cached volume");
    slices.volume(b);
    assertEquals(1, slices.cachedVolumes(), "two volumes do not fit in 1500 bytes");
    assertSame(slices.volume(b), slices.volume(b));

    VolumeSlices none = new VolumeSlices(0);
    none.volume(a);
    assertEquals(0, none.cachedVolumes(), "a volume over the budget is not kept");
    slices.clear();
    assertEquals(0, slices.cachedVolumes());
  }
}
