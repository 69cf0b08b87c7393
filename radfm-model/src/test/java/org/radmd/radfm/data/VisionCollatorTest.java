package org.radmd.radfm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisionCollatorTest {
  /** S images of [3, h, w, d], image i filled with value i + 1. */
  static ImageStacker.Stack stack(int images, int h, int w, int d) {
    int each = 3 * h * w * d;
    float[] data = new float[images * each];
    for (int i = 0; i < images; i++) {
      Arrays.fill(data, i * each, (i + 1) * each, i + 1);
    }
    return new ImageStacker.Stack(data, images, 3, h, w, d);
  }

  @Test
  void twoDimensionalBatchKeepsBaseSizeAndPadsImages() {
    VisionCollator c = new VisionCollator(64);
    VisionCollator.Batch b = c.collate(List.of(stack(1, 32, 32, 4), stack(2, 32, 32, 4)));
    assertArrayEquals(new int[] {2, 2, 3, 64, 64, 4}, b.shape());
    assertArrayEquals(new int[] {1, 2}, b.imageCounts());
    int each = 3 * 64 * 64 * 4;
    assertEquals(1f, b.data()[0]);
    assertEquals(0f, b.data()[each], "sample 0, image slot 1 is padding");
    assertEquals(0f, b.data()[2 * each - 1]);
    assertEquals(1f, b.data()[2 * each]);
    assertEquals(2f, b.data()[3 * each]);
  }

  @Test
  void singleDeepSampleIsHalvedAndManyImagesCapDepthAt32() {
    VisionCollator c = new VisionCollator(64);
    assertArrayEquals(new int[] {1, 1, 3, 32, 32, 24}, c.collate(List.of(stack(1, 64, 64, 24))).shape());
    assertArrayEquals(new int[] {1, 7, 3, 32, 32, 32}, c.collate(List.of(stack(7, 16, 16, 60))).shape(),
        "S > 6: depth list 4..32");
    assertArrayEquals(new int[] {1, 6, 3, 32, 32, 60}, c.collate(List.of(stack(6, 16, 16, 60))).shape());
    assertArrayEquals(new int[] {1, 1, 3, 64, 64, 4}, c.collate(List.of(stack(1, 64, 64, 4))).shape(),
        "D = 4 keeps the base size");
    assertEquals(4, VisionCollator.batchDepth(6, 64), "tie keeps the smaller");
    assertThrows(IllegalArgumentException.class, () -> c.collate(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new VisionCollator(96));
  }
}
