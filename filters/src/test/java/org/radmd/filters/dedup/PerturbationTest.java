package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radmd.core.image.Images;

class PerturbationTest {
  static final String CAPTION = "Axial CT at 3 months showing a 25 mm mass, with peripheral enhancement; no"
      + " calcification.";

  @Test
  void textEditsAreSeededAndDoWhatTheySay() {
    for (TextPerturbation p : TextPerturbation.values()) {
      assertEquals(p.apply(CAPTION, new Random(5)), p.apply(CAPTION, new Random(5)), p + " is deterministic");
    }
    String numbers = TextPerturbation.NUMBERS.apply(CAPTION, new Random(1));
    assertNotEquals(CAPTION, numbers);
    assertEquals(CAPTION.replaceAll("\\d", "#"), numbers.replaceAll("\\d", "#"), "digits only, same lengths");
    assertNull(TextPerturbation.NUMBERS.apply("no digits here", new Random(1)));
    String reordered = TextPerturbation.CLAUSE_ORDER.apply(CAPTION, new Random(1));
    assertEquals(3, TextPerturbation.clauses(CAPTION).size());
    assertNotEquals(CAPTION, reordered);
    assertEquals(sorted(CAPTION), sorted(reordered), "same words, other order");
    assertEquals("with contrast, Axial CT", TextPerturbation.CLAUSE_ORDER.apply("Axial CT with contrast",
        new Random(1)));
    assertNull(TextPerturbation.CLAUSE_ORDER.apply("Radiograph", new Random(1)));
    String label = TextPerturbation.PANEL_LABEL.apply(CAPTION, new Random(2));
    assertTrue(label.contains(CAPTION) && label.length() > CAPTION.length(), label);
  }

  @Test
  void imageEditsStayInTheirRanges() {
    BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    BufferedImage crop = ImagePerturbation.CROP.apply(img, new Random(4));
    assertTrue(crop.getWidth() >= 180 && crop.getWidth() <= 196, "2-10 % of the width: " + crop.getWidth());
    assertTrue(crop.getHeight() >= 90 && crop.getHeight() <= 98);
    BufferedImage resized = ImagePerturbation.RESIZE.apply(img, new Random(4));
    assertTrue(resized.getWidth() >= 50 && resized.getWidth() <= 400);
    assertEquals(Images.pixelHash(ImagePerturbation.COMBINED.apply(img, new Random(9))),
        Images.pixelHash(ImagePerturbation.COMBINED.apply(img, new Random(9))), "deterministic");
    BufferedImage w = ImagePerturbation.window(img, 10, 20);
    assertEquals(0, w.getRGB(0, 0) & 0xffffff, "black stays black below the window");
    assertThrows(IllegalArgumentException.class, () -> ImagePerturbation.window(img, 5, 5));
  }

  private static String sorted(String s) {
    return java.util.Arrays.stream(s.replaceAll("[.,;]", "").split("\\s+")).sorted()
        .reduce("", (a, b) -> a + " " + b);
  }
}
