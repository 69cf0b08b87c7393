package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LumaGridTest {
  @Test
  void areaAverageOfAGreyImage() {
    BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(0, 0, 0, 0);
    img.getRaster().setSample(1, 0, 0, 90);
    img.getRaster().setSample(2, 0, 0, 180);
    assertArrayEquals(new float[] {90f}, LumaGrid.of(img, 1), 1e-4f);
    // 3 px onto 2 cells: cell 0 = px0 + half px1, cell 1 = half px1 + px2, each over 1.5 px
    float[] two = LumaGrid.of(new float[] {0, 90, 180}, 3, 1, 2);
    assertEquals(30f, two[0], 1e-4f);
    assertEquals(150f, two[1], 1e-4f);
    assertEquals(30f, two[2], 1e-4f, "a 1-row plane fills both grid rows");
  }

  @Test
  void bt601LumaOfColour() {
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xff0000);
    assertEquals(0.299f * 255, LumaGrid.of(img, 1)[0], 1e-3f);
    BufferedImage bgr = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
    bgr.setRGB(0, 0, 0x0000ff);
    assertEquals(0.114f * 255, LumaGrid.of(bgr, 1)[0], 1e-3f);
  }

  @Test
  void alphaIsCompositedOnBlack() {
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, 0x80ffffff);
    assertEquals(255f * 128 / 255, LumaGrid.of(img, 1)[0], 1e-2f);
  }

  @Test
  void enlargingCopiesPixels() {
    float[] g = LumaGrid.of(new float[] {10, 20, 30, 40}, 2, 2, 4);
    assertEquals(10f, g[0], 1e-4f);
    assertEquals(10f, g[1], 1e-4f);
    assertEquals(20f, g[2], 1e-4f);
    assertEquals(40f, g[15], 1e-4f);
  }

  @Test
  void wholeRegionEqualsDirectAveraging() {
    float[] grid = new float[16 * 16];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (i * 37) % 255;
    }
    assertArrayEquals(LumaGrid.of(grid, 16, 16, 4), LumaGrid.region(grid, 16, 0, 1, 0, 1, 4), 1e-3f);
    float[] quarter = LumaGrid.region(grid, 16, 0, 0.5, 0, 0.5, 8);
    assertEquals(grid[17], quarter[9], 1e-3f, "8 cells over 8 pixels copy them");
    float[] halved = LumaGrid.region(grid, 16, 0, 0.5, 0, 0.5, 4);
    assertEquals(grid[0] + grid[1] + grid[16] + grid[17], 4 * halved[0], 1e-3f);
    float[] shifted = LumaGrid.region(grid, 16, 0.25 / 16, 1.25 / 16, 0, 1.0 / 16, 1);
    assertEquals(0.75f * grid[0] + 0.25f * grid[1], shifted[0], 1e-3f, "fractional edges weigh by overlap");
    assertThrows(IllegalArgumentException.class, () -> LumaGrid.region(grid, 16, 0.5, 0.4, 0, 1, 4));
  }
}
