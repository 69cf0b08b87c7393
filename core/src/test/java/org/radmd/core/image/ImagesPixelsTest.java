package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

/** Colour conversion, resizing, hashing and PNG output. */
class ImagesPixelsTest {
  static final Path T1_SLICE =
      SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/1/axial-t1-c+/image-000.jpg");
  static final Path MEDPIX = SharedCorpus.corpus("medpix/images/MPX1009_synpic46283.png");

  @Test
  void capLongestSideKeepsAspectRoundsHalfUpAndNeverUpscales() throws IOException {
    BufferedImage img = Images.read(T1_SLICE);
    assertEquals(630, img.getWidth());
    assertEquals(601, img.getHeight());
    BufferedImage capped = Images.capLongestSide(img, 512);
    assertEquals(512, capped.getWidth());
    assertEquals(488, capped.getHeight(), "601 * 512 / 630 = 488.4");
    assertEquals(BufferedImage.TYPE_INT_RGB, capped.getType());
    assertSame(img, Images.capLongestSide(img, 630), "fits already");
    assertSame(img, Images.capLongestSide(img, 4096), "never upscales");
    BufferedImage portrait = Images.capLongestSide(rgb(3, 7, 0x808080), 2);
    assertEquals(1, portrait.getWidth(), "3 * 2 / 7 = 0.86 rounds to 1");
    assertEquals(2, portrait.getHeight());
    assertEquals(Images.pixelHash(capped), Images.pixelHash(Images.capLongestSide(img, 512)), "deterministic");
    assertThrows(IllegalArgumentException.class, () -> Images.capLongestSide(img, 0));
  }

  @Test
  void roundingIsHalfUp() {
    assertEquals(3, Images.scaledSide(5, 1, 2), "2.5 -> 3");
    assertEquals(2, Images.scaledSide(9, 1, 4), "2.25 -> 2");
  }

  @Test
  void areaAveragingAveragesBlocks() {
    BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
    int[] v = {0, 100, 200, 201, 10, 30, 50, 50};
    img.getRaster().setSamples(0, 0, 4, 2, 0, v);
    BufferedImage half = Images.capLongestSide(img, 2);
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, half.getType());
    int[] got = half.getRaster().getSamples(0, 0, 2, 1, 0, new int[2]);
    assertArrayEquals(new int[] {35, 125}, got, "(0+100+10+30)/4 = 35, (200+201+50+50)/4 = 125.25");
  }

  @Test
  void resizeIsBilinearWithPixelCentres() {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 200});
    BufferedImage wide = Images.resize(img, 4, 1);
    int[] got = wide.getRaster().getSamples(0, 0, 4, 1, 0, new int[4]);
    assertArrayEquals(new int[] {0, 50, 150, 200}, got, "centres at -0.25, 0.25, 0.75, 1.25 (clamped)");
    BufferedImage uniform = Images.resize(rgb(630, 601, 0x336699), 512, 512);
    assertEquals(0x336699, uniform.getRGB(100, 300) & 0xffffff);
    assertEquals(BufferedImage.TYPE_INT_RGB, uniform.getType());
  }

  @Test
  void grayIsPilLumaAndRgbCompositesAlphaOnBlack() {
    BufferedImage c = rgb(1, 1, 0xff8000);
    BufferedImage g = Images.toGray(c);
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, g.getType());
    assertEquals(151, g.getRaster().getSample(0, 0, 0), "PIL: 255*0.299 + 128*0.587 + 0 = 151.4");

    BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x80ff0000);
    BufferedImage rgb = Images.toRgb(argb);
    assertEquals(BufferedImage.TYPE_INT_RGB, rgb.getType());
    assertEquals(0x800000, rgb.getRGB(0, 0) & 0xffffff, "255 * 128 / 255 on black");

    BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 77);
    assertEquals(0x4d4d4d, Images.toRgb(grey).getRGB(0, 0) & 0xffffff, "grey replicated, no gamma change");
    assertEquals(77, Images.toGray(grey).getRaster().getSample(0, 0, 0));
  }

  @Test
  void realPictureToGrayMatchesLumaOfItsRgb() throws IOException {
    BufferedImage img = Images.read(MEDPIX);
    BufferedImage rgb = Images.toRgb(img);
    BufferedImage g = Images.toGray(img);
    for (int[] xy : new int[][] {{0, 0}, {256, 256}, {100, 400}, {511, 511}}) {
      int p = rgb.getRGB(xy[0], xy[1]);
      int expected = Pixels8.luma((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
      assertEquals(expected, g.getRaster().getSample(xy[0], xy[1], 0));
    }
  }

  @Test
  void pixelHashIgnoresLosslessEncodingButSeesOnePixel(@TempDir Path dir) throws IOException {
    BufferedImage img = Images.toRgb(Images.read(MEDPIX));
    Path png = dir.resolve("a.png");
    Path bmp = dir.resolve("a.bmp");
    ImageIO.write(img, "png", png.toFile());
    ImageIO.write(img, "bmp", bmp.toFile());
    String h = Images.pixelHash(Images.read(png));
    assertEquals(h, Images.pixelHash(Images.read(bmp)), "PNG and BMP of the same picture");
    assertEquals(h, Images.pixelHash(Images.read(MEDPIX)));
    assertEquals(64, h.length());

    img.setRGB(10, 10, img.getRGB(10, 10) ^ 1);
    assertNotEquals(h, Images.pixelHash(img), "one pixel changed by one level");
  }

  @Test
  void pixelHashOfGreyEqualsThatOfItsRgbCopy() throws IOException {
    BufferedImage g = Images.toGray(Images.read(MEDPIX));
    assertEquals(Images.pixelHash(g), Images.pixelHash(Images.toRgb(g)));
  }

  @Test
  void writePngIsByteIdenticalAndLossless(@TempDir Path dir) throws IOException {
    BufferedImage img = Images.capLongestSide(Images.read(T1_SLICE), 512);
    Path a = dir.resolve("x/y/a.png");
    Path b = dir.resolve("b.png");
    Images.writePng(img, a);
    Images.writePng(img, b);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    Images.writePng(img, a);
    assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a), "overwrite gives the same bytes");
    assertEquals(Images.pixelHash(img), Images.pixelHash(Images.read(a)));
    try (var left = Files.list(a.getParent())) {
      assertEquals(1, left.count(), "no temporary file left behind");
    }
    BufferedImage grey = Images.toGray(img);
    Images.writePng(grey, b);
    BufferedImage back = Images.read(b);
    assertEquals(1, back.getRaster().getNumBands(), "grey stays grey");
    assertEquals(Images.pixelHash(grey), Images.pixelHash(back));
  }

  static BufferedImage rgb(int w, int h, int colour) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, colour);
      }
    }
    return img;
  }
}
