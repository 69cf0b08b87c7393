package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.radmd.core.image.Images;
import org.radmd.testing.SharedCorpus;

/** Image statistics and the radiology thresholds on the real images of the shared corpus. */
class ImageStatisticsTest {
  static final RadiologyFilter.ImageThresholds T = RadiologyFilter.ImageThresholds.DEFAULT;

  static ImageStatistics stats(Path p) throws IOException {
    return ImageStatistics.of(Images.read(p));
  }

  static List<Path> files(String folder, String glob) throws IOException {
    try (Stream<Path> s = Files.list(SharedCorpus.corpus(folder))) {
      return s.filter(p -> p.getFileName().toString().matches(glob)).sorted().toList();
    }
  }

  @Test
  void medpixAndRadiopaediaSlicesAreGrey() throws IOException {
    List<Path> medpix = files("medpix/images", ".*\\.png");
    assertEquals(24, medpix.size());
    for (Path p : medpix) {
      ImageStatistics s = stats(p);
      assertEquals("grey", T.classify(s), p + " " + s);
      assertEquals(1, s.layoutPanels(), "one MedPix image is one panel: " + p + " " + s);
    }
    for (String series : List.of("0/axial-non-contrast", "1/axial-t2", "1/sagittal-t1")) {
      Path p = SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/" + series + "/image-010.jpg");
      assertEquals("grey", T.classify(stats(p)), p.toString());
    }
  }

  @Test
  void histologyEndoscopyAndChartsAreNot() throws IOException {
    ImageStatistics he = stats(SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/2/400x-h&e/image-001.jpg"));
    assertEquals("colour", T.classify(he), he.toString());
    for (Path p : files("pmc/PMC3003633", ".*-\\d\\.jpg")) {
      assertEquals("chart", T.classify(stats(p)), p.toString());
    }
    int nonGrey = 0;
    for (Path p : files("pmc/PMC2270912", ".*\\.jpg")) {
      String v = T.classify(stats(p));
      assertTrue(v.equals("chart") || v.equals("colour"), p + " " + v);
      nonGrey++;
    }
    assertEquals(5, nonGrey);
  }

  /** MedICaT: the 6 radiology figures are grey, the 4 endoscopy figures colour, as their labels say. */
  @Test
  void medicatFiguresFollowTheirLabels() throws IOException {
    var figs = org.radmd.core.Json.mapper().readTree(SharedCorpus.corpus("other/medicat_sample/expected.json")
        .toFile()).get("figures");
    int checked = 0;
    for (var f : figs) {
      ImageStatistics s = stats(SharedCorpus.corpus("other/medicat_sample/" + f.get("file").asText()));
      assertEquals(f.get("radiology").asBoolean() ? "grey" : "colour", T.classify(s), f.get("file") + " " + s);
      checked++;
    }
    assertEquals(10, checked);
    ImageStatistics threePanels = stats(SharedCorpus.corpus(
        "other/medicat_sample/figures/5f2d2f2ffbd20c7ff3ac30d514da54ee5bd825b4_1-Figure1-1.png"));
    assertEquals(3, threePanels.columnPanels(), "Fig. 1: CT (A), MR (B, C) side by side: " + threePanels);
    ImageStatistics fourPanels = stats(SharedCorpus.corpus(
        "other/medicat_sample/figures/5f2d2f2ffbd20c7ff3ac30d514da54ee5bd825b4_2-Figure2-1.png"));
    assertEquals(4, fourPanels.layoutPanels(), "Fig. 2: A-D in a 2 x 2 grid: " + fourPanels);
  }

  @Test
  void syntheticLayoutAndFractions() {
    BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 300, 100);
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 140, 100);
    g.fillRect(160, 0, 140, 100);
    g.dispose();
    ImageStatistics s = ImageStatistics.of(img);
    assertEquals(2, s.columnPanels());
    assertEquals(1, s.rowPanels());
    assertEquals(20 / 300.0, s.whiteFraction(), 1e-9);
    assertEquals(0.0, s.colourFraction(), 1e-9);
    assertEquals(1.0, s.flatFraction(), 1e-9);
  }
}
