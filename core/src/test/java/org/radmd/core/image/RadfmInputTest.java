package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

class RadfmInputTest {

  @Test
  void depthSnapsToNearestMultipleOfFourBetweenFourAndSixtyFour() {
    assertEquals(4, RadfmInput.snapDepth(1), "a 2D image is repeated to 4 slices");
    assertEquals(4, RadfmInput.snapDepth(6), "tie 4 vs 8 keeps the smaller");
    assertEquals(8, RadfmInput.snapDepth(7));
    assertEquals(20, RadfmInput.snapDepth(21));
    assertEquals(24, RadfmInput.snapDepth(24));
    assertEquals(32, RadfmInput.snapDepth(32));
    assertEquals(64, RadfmInput.snapDepth(200));
    assertEquals(List.of(3, 512, 512, 20), RadfmInput.shape(19));
  }

  @Test
  void nearestFollowsPyTorch() {
    assertArrayEquals(new int[] {0, 0, 1, 1}, RadfmInput.nearest(4, 2));
    assertArrayEquals(new int[] {0, 2}, RadfmInput.nearest(2, 4));
  }

  @Test
  void writesNpyOfARealVolumeInRadfmLayout(@TempDir Path dir) throws IOException {
    // The real 33 x 41 x 25 big-endian int16 NIfTI-1 from nibabel's test data.
    NiftiImage img = Nifti.read(SharedCorpus.corpus("nifti/anatomical.nii"));
    Path npy = dir.resolve("a.npy");
    RadfmInput.writeNpy(img, npy);
    byte[] bytes = Files.readAllBytes(npy);
    int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
    assertEquals(0, (10 + headerLen) % 64, "npy header is 64-byte aligned");
    assertEquals(true, header.contains("'shape': (3, 512, 512, 24)"), header);
    assertEquals(true, header.contains("'descr': '<f4'"), header);
    int depth = 24;
    assertEquals(10 + headerLen + 4L * 3 * 512 * 512 * depth, bytes.length);
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLen, bytes.length - 10 - headerLen)
        .slice().order(ByteOrder.LITTLE_ENDIAN);
    double[] raw = img.data();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double v : raw) {
      min = Math.min(min, img.scale(v));
      max = Math.max(max, img.scale(v));
    }
    // Element [c, h, w, d] maps to voxel (x = floor(w*33/512), y = floor(h*41/512), z = floor(d*25/24)).
    int[][] probes = {{0, 0, 0, 0}, {1, 256, 300, 12}, {2, 511, 511, 23}, {0, 100, 17, 5}};
    for (int[] p : probes) {
      int x = (int) Math.floor(p[2] * 33.0 / 512);
      int y = (int) Math.floor(p[1] * 41.0 / 512);
      int z = (int) Math.floor(p[3] * 25.0 / 24);
      float expected = (float) ((img.scale(img.voxel(x, y, z)) - min) / (max - min));
      int index = ((p[0] * 512 + p[1]) * 512 + p[2]) * depth + p[3];
      assertEquals(expected, data.getFloat(index * 4), 1e-6, "element " + java.util.Arrays.toString(p));
    }
    for (int i = 0; i < 3 * 512 * 512 * depth; i += 997) {
      float f = data.getFloat(i * 4);
      assertEquals(true, f >= 0 && f <= 1, "value outside [0, 1] at " + i + ": " + f);
    }
  }
}
