package org.radmd.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.core.image.Images;
import org.radmd.testing.SharedCorpus;

/** {@link ThumbnailEmbedding} on the real MedPix PNGs of {@code corpus/medpix/images}. */
class ThumbnailEmbeddingTest {

  @Test
  void isUnitLengthAndInvariantToSizeBrightnessAndContrast() throws IOException {
    BufferedImage ct = Images.read(image("MPX1322_synpic45731.png"));
    float[] v = ThumbnailEmbedding.of(ct);
    assertNotNull(v);
    assertEquals(ThumbnailEmbedding.DIMENSIONS, v.length);
    assertEquals(1.0, norm(v), 1e-5);

    BufferedImage grey = Images.toGray(ct);
    BufferedImage small = Images.resize(grey, grey.getWidth() / 2, grey.getHeight() / 2);
    BufferedImage dimmer = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < small.getHeight(); y++) {
      for (int x = 0; x < small.getWidth(); x++) {
        dimmer.getRaster().setSample(x, y, 0, 10 + small.getRaster().getSample(x, y, 0) / 2);
      }
    }
    assertTrue(cosine(v, ThumbnailEmbedding.of(dimmer)) > 0.99, "the same picture, smaller and dimmer");
  }

  @Test
  void tellsDifferentPicturesApart() throws IOException {
    List<float[]> all = new ArrayList<>();
    for (String name : List.of("MPX1322_synpic45731.png", "MPX2497_synpic11130.png", "MPX2066_synpic26219.png",
        "MPX1884_synpic21850.png")) {
      all.add(ThumbnailEmbedding.of(Images.read(image(name))));
    }
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertTrue(cosine(all.get(i), all.get(j)) < 0.95, i + " vs " + j + ": " + cosine(all.get(i), all.get(j)));
      }
    }
  }

  @Test
  void flatAndTinyPicturesAreHandled() {
    BufferedImage flat = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
    assertNull(ThumbnailEmbedding.of(flat), "a uniform picture has no direction");
    BufferedImage tiny = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    tiny.getRaster().setSample(0, 0, 0, 255);
    float[] v = ThumbnailEmbedding.of(tiny);
    assertNotNull(v);
    assertEquals(1.0, norm(v), 1e-5);
  }

  private static Path image(String name) {
    return SharedCorpus.corpus("medpix/images").resolve(name);
  }

  private static double norm(float[] v) {
    return Math.sqrt(cosineRaw(v, v));
  }

  private static double cosine(float[] a, float[] b) {
    return cosineRaw(a, b) / (norm(a) * norm(b));
  }

  private static double cosineRaw(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
