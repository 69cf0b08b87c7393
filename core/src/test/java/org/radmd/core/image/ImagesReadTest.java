package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;
import org.radmd.testing.SharedCorpus;

/** Decoding real corpus images, and failing loudly on broken files. */
class ImagesReadTest {
  static final Path CT_SLICE =
      SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/0/axial-non-contrast/image-000.jpg");

  @Test
  void readsEveryMedPixImageAtItsRecordedSize() throws IOException {
    JsonNode expected = Json.mapper().readTree(SharedCorpus.corpus("medpix/expected.json").toFile());
    Map<String, int[]> sizes = new HashMap<>();
    for (JsonNode c : expected.get("cases")) {
      for (JsonNode img : c.get("images")) {
        sizes.put(img.get("image").asText() + ".png",
            new int[] {img.get("width").asInt(), img.get("height").asInt()});
      }
    }
    assertEquals(24, sizes.size());
    try (var files = Files.list(SharedCorpus.corpus("medpix/images"))) {
      var pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
      assertEquals(24, pngs.size());
      for (Path p : pngs) {
        BufferedImage img = Images.read(p);
        int[] wh = sizes.get(p.getFileName().toString());
        assertEquals(Arrays.toString(wh), Arrays.toString(new int[] {img.getWidth(), img.getHeight()}),
            p.getFileName().toString());
      }
    }
  }

  @Test
  void readsARadiopaediaSlice() throws IOException {
    BufferedImage img = Images.read(CT_SLICE);
    assertEquals(630, img.getWidth());
    assertEquals(630, img.getHeight());
  }

  @Test
  void truncatedJpegIsAnErrorNotGreyPadding(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(CT_SLICE);
    Path half = dir.resolve("half.jpg");
    Files.write(half, Arrays.copyOf(all, all.length / 2));
    ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> Images.read(half));
    assertTrue(e.getMessage().contains("half.jpg") && e.getMessage().contains("truncated"), e.getMessage());
    assertEquals(half, e.file());
  }

  @Test
  void baselineJpegMissingOnlyItsEndMarkerIsAnError(@TempDir Path dir) throws IOException {
    Path baseline = dir.resolve("baseline.jpg");
    ImageIO.write(Images.toRgb(Images.read(CT_SLICE)), "jpg", baseline.toFile());
    assertEquals(630, Images.read(baseline).getWidth(), "the complete file decodes");
    byte[] all = Files.readAllBytes(baseline);
    Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(all, all.length - 2));
    assertThrows(ImageDecodeException.class, () -> Images.read(cut));
  }

  @Test
  void truncatedPngIsAnError(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(SharedCorpus.corpus("medpix/images/MPX1009_synpic46283.png"));
    Path half = dir.resolve("half.png");
    Files.write(half, Arrays.copyOf(all, all.length / 2));
    assertThrows(ImageDecodeException.class, () -> Images.read(half));
  }

  @Test
  void emptyMissingAndNonImageFilesAreErrors(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> Images.read(empty));
    assertTrue(e.getMessage().contains("empty.jpg") && e.getMessage().contains("empty file"), e.getMessage());

    Path missing = dir.resolve("missing.png");
    e = assertThrows(ImageDecodeException.class, () -> Images.read(missing));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());

    Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
    e = assertThrows(ImageDecodeException.class, () -> Images.read(text));
    assertTrue(e.getMessage().contains("unsupported"), e.getMessage());
  }
}
