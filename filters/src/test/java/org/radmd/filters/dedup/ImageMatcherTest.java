package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;
import org.radmd.testing.SharedCorpus;

class ImageMatcherTest {
  static BufferedImage medpixCt;
  static BufferedImage otherCt;
  static BufferedImage chart;

  @BeforeAll
  static void load() throws ImageDecodeException {
    medpixCt = Images.read(SharedCorpus.corpus("medpix/images/MPX1322_synpic45731.png"));
    otherCt = Images.read(SharedCorpus.corpus("medpix/images/MPX2040_synpic27362.png"));
    chart = Images.read(SharedCorpus.corpus("pmc/PMC2270912/pone.0001908.g001.jpg"));
  }

  @Test
  void familyHasFortyNineCropsWithTheWholePictureFirst() {
    assertEquals(49, CropFamily.SIZE);
    assertArrayEquals(new double[] {0, 1, 0, 1}, CropFamily.rectangle(0));
    assertArrayEquals(new double[] {0.05, 1, 0, 0.9}, CropFamily.rectangle(7 + 5), 1e-12);
    assertThrows(IndexOutOfBoundsException.class, () -> CropFamily.rectangle(49));
    ImageSignature s = ImageSignature.of(medpixCt);
    assertEquals(s.hash(), s.family()[0]);
    assertTrue(PerceptualHash.hamming(s.hash(), PerceptualHash.of(medpixCt)) <= 2,
        "whole-picture member equals pHash up to float rounding");
    assertEquals(64 * 64, s.thumbnail().length);
  }

  @Test
  void aCropOfTenPercentIsStillADuplicate() {
    BufferedImage crop = ImagePerturbation.crop(medpixCt, 0.10, 0.08, new Random(3));
    ImageMatcher.Result r = ImageMatcher.DEFAULT.match(ImageSignature.of(medpixCt), ImageSignature.of(crop));
    assertTrue(r.duplicate(), r.toString());
    assertTrue(PerceptualHash.hamming(PerceptualHash.of(medpixCt), PerceptualHash.of(crop)) > r.hamming(),
        "the crop family is closer than the whole-picture hash");
  }

  @Test
  void everyEditOfARealPictureIsADuplicate() {
    ImageSignature original = ImageSignature.of(chart);
    Random rnd = new Random(11);
    for (ImagePerturbation p : ImagePerturbation.values()) {
      ImageMatcher.Result r = ImageMatcher.DEFAULT.match(original, ImageSignature.of(p.apply(chart, rnd)));
      assertTrue(r.duplicate(), p + ": " + r);
    }
  }

  @Test
  void differentPicturesAreNot() {
    ImageMatcher.Result r = ImageMatcher.DEFAULT.match(ImageSignature.of(medpixCt), ImageSignature.of(otherCt));
    assertFalse(r.duplicate(), r.toString());
    assertTrue(Double.isNaN(r.correlation()) || r.correlation() < 0.9);
  }

  @Test
  void correlationIgnoresWindowAndIsSymmetric() {
    ImageSignature a = ImageSignature.of(medpixCt);
    ImageSignature b = ImageSignature.of(ImagePerturbation.window(medpixCt, -20, 240));
    assertTrue(ImageMatcher.correlation(a, b) > 0.97);
    assertEquals(ImageMatcher.correlation(a, b), ImageMatcher.correlation(b, a), 1e-9);
    assertEquals(ImageMatcher.cropDistance(a, b), ImageMatcher.cropDistance(b, a));
  }

  @Test
  void uniformPictures() {
    BufferedImage black = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage grey = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 60; y++) {
      for (int x = 0; x < 80; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    assertEquals(1.0, ImageMatcher.correlation(ImageSignature.of(black), ImageSignature.of(grey)));
    assertEquals(0.0, ImageMatcher.correlation(ImageSignature.of(black), ImageSignature.of(medpixCt)));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new ImageMatcher(65, 0.9));
    assertThrows(IllegalArgumentException.class, () -> new ImageMatcher(10, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new ImageSignature(1, new long[3], new byte[4096]));
  }
}
