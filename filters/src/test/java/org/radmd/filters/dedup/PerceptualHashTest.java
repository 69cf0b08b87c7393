package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;
import org.radmd.testing.SharedCorpus;

class PerceptualHashTest {
  static BufferedImage ct;
  static BufferedImage mr;

  @BeforeAll
  static void load() throws ImageDecodeException {
    ct = Images.read(SharedCorpus.corpus("medpix/images/MPX2483_synpic27408.png"));
    mr = Images.read(SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/1/axial-t2/image-010.jpg"));
  }

  @Test
  void medianThresholdSetsHalfTheBits() {
    assertEquals(32, Long.bitCount(PerceptualHash.of(ct)));
    assertEquals(32, Long.bitCount(PerceptualHash.of(mr)));
    long[] h256 = PerceptualHash.of256(ct);
    assertEquals(4, h256.length);
    assertEquals(128, Long.bitCount(h256[0]) + Long.bitCount(h256[1]) + Long.bitCount(h256[2])
        + Long.bitCount(h256[3]));
  }

  @Test
  void sameHashForSamePixelsInAnyStorage() {
    long h = PerceptualHash.of(mr);
    assertEquals(h, PerceptualHash.of(Images.toRgb(mr)), "RGB storage");
    assertEquals(h, PerceptualHash.of(Images.toGray(mr)), "grey storage of a grey picture");
    assertEquals(h, PerceptualHash.of(mr), "deterministic");
  }

  @Test
  void greyAndColourVersionsAgree() {
    assertEquals(PerceptualHash.of(ct), PerceptualHash.of(Images.toGray(ct)));
  }

  @Test
  void sixteenBitGreyEqualsEightBitGrey() {
    BufferedImage g8 = Images.toGray(mr);
    BufferedImage g16 = new BufferedImage(g8.getWidth(), g8.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = g16.getRaster();
    for (int y = 0; y < g8.getHeight(); y++) {
      for (int x = 0; x < g8.getWidth(); x++) {
        r.setSample(x, y, 0, g8.getRaster().getSample(x, y, 0) * 257);
      }
    }
    assertEquals(PerceptualHash.of(g8), PerceptualHash.of(g16));
  }

  @Test
  void subImagesAreReadFromTheirOwnOrigin() {
    BufferedImage rgb = Images.toRgb(ct);
    BufferedImage sub = rgb.getSubimage(10, 20, 200, 300);
    BufferedImage copy = new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB);
    copy.getGraphics().drawImage(sub, 0, 0, null);
    assertEquals(PerceptualHash.of(copy), PerceptualHash.of(sub));
  }

  @Test
  void robustToEditsThatKeepThePicture() {
    long h = PerceptualHash.of(mr);
    assertTrue(PerceptualHash.hamming(h, PerceptualHash.of(ImagePerturbation.jpeg(mr, 0.6f))) <= 4, "JPEG q60");
    assertTrue(PerceptualHash.hamming(h, PerceptualHash.of(ImagePerturbation.scale(mr, 0.25))) <= 4, "25 %");
    assertTrue(PerceptualHash.hamming(h, PerceptualHash.of(ImagePerturbation.scale(mr, 2.0))) <= 4, "200 %");
    assertTrue(PerceptualHash.hamming(h, PerceptualHash.of(ImagePerturbation.window(mr, 20, 230))) <= 6, "window");
  }

  @Test
  void differentPicturesAreFarApart() {
    assertTrue(PerceptualHash.hamming(PerceptualHash.of(ct), PerceptualHash.of(mr)) > 16);
  }

  @Test
  void planeHashEqualsImageHashOfTheSameValues() {
    BufferedImage g = Images.toGray(mr);
    float[] plane = new float[g.getWidth() * g.getHeight()];
    for (int y = 0; y < g.getHeight(); y++) {
      for (int x = 0; x < g.getWidth(); x++) {
        plane[y * g.getWidth() + x] = g.getRaster().getSample(x, y, 0) * 4.0f + 100;
      }
    }
    assertEquals(PerceptualHash.of(g), PerceptualHash.ofPlane(plane, g.getWidth(), g.getHeight()),
        "a positive linear intensity change keeps the hash");
    assertThrows(IllegalArgumentException.class, () -> PerceptualHash.ofPlane(plane, 3, 3));
  }

  @Test
  void hammingAndHex() {
    assertEquals(0, PerceptualHash.hamming(5L, 5L));
    assertEquals(64, PerceptualHash.hamming(0L, -1L));
    assertEquals(3, PerceptualHash.hamming(new long[] {1, 2}, new long[] {0, 1}));
    assertThrows(IllegalArgumentException.class, () -> PerceptualHash.hamming(new long[1], new long[2]));
    long h = PerceptualHash.of(ct);
    assertEquals(16, PerceptualHash.toHex(h).length());
    assertEquals(h, PerceptualHash.fromHex(PerceptualHash.toHex(h)));
    assertThrows(IllegalArgumentException.class, () -> PerceptualHash.fromHex("abc"));
  }

  @Test
  void uniformPictureHasNoBitsAndTinyPicturesWork() {
    BufferedImage flat = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
    assertEquals(0L, PerceptualHash.of(flat));
    BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    assertEquals(0L, PerceptualHash.of(one));
    assertNotEquals(0L, PerceptualHash.of(ImagePerturbation.scale(mr, 0.02)), "13 px picture still hashes");
  }
}
