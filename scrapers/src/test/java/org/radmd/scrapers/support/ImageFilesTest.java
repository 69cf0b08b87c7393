package org.radmd.scrapers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageFilesTest {
  @Test
  void sortsByTheNumberNotLexicographically() {
    assertEquals(List.of("image-2.jpg", "image-9.jpg", "image-10.jpg", "image-100.jpg"),
        ImageFiles.sortNumeric(List.of("image-10.jpg", "image-100.jpg", "image-9.jpg", "image-2.jpg")));
  }

  @Test
  void leadingZerosAndVeryLongNumbers() {
    assertEquals(List.of("s-000.png", "s-001.png", "s-99999999999999999999.png", "s-100000000000000000000.png"),
        ImageFiles.sortNumeric(List.of("s-100000000000000000000.png", "s-001.png", "s-99999999999999999999.png",
            "s-000.png")));
  }

  @Test
  void namesWithoutDigitsComeLastAndTiesByName() {
    assertEquals(List.of("a1.jpg", "b01.jpg", "cover.jpg", "scout.jpg"),
        ImageFiles.sortNumeric(List.of("scout.jpg", "b01.jpg", "cover.jpg", "a1.jpg")));
  }

  @Test
  void recognisesImageNames() {
    assertTrue(ImageFiles.isImageName("image-000.JPG"));
    assertTrue(ImageFiles.isImageName("x.tiff"));
    assertFalse(ImageFiles.isImageName(".hidden.jpg"));
    assertFalse(ImageFiles.isImageName("case.json"));
    assertEquals("gz", ImageFiles.extension("a.nii.gz"));
    assertEquals("", ImageFiles.extension("README"));
  }
}
