package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.core.image.Volume;
import org.radmd.testing.SharedCorpus;

/** 8-bit grey volumes for RadFM (min-max) and display (VOI window), upright and MONOCHROME1-corrected. */
class GreyVolumeTest {

  @Test
  void minMaxGreyIsUprightAndSpansTheRange() throws Exception {
    DicomVolume v = DicomVolume.of(Series.assemble(Series.CT3));
    Volume g = v.toGrey8();
    assertEquals(List.of(3, 512, 512, 3), g.radfmShape());
    double[] r = v.range();
    // grey (x, y, z) shows DICOM row y: the NIfTI voxel (x, 511 - y, z).
    double expected = Math.round((v.voxel(200, 511 - 100, 1) - r[0]) * 255 / (r[1] - r[0]));
    assertEquals(expected, g.voxel(200, 100, 1));
    assertEquals(0, java.util.stream.IntStream.range(0, 512).map(x -> g.voxel(x, 0, 0)).min().orElseThrow());
    Volume resized = g.resizedSlices(256);
    assertEquals(List.of(3, 256, 256, 3), resized.radfmShape());
    assertArrayEquals(new double[] {0.810547 * 2, 0.810547 * 2, 1.0}, resized.spacingMm(), 1e-5);
  }

  @Test
  void ctWindowClipsHounsfieldUnits() throws Exception {
    DicomVolume v = DicomVolume.of(Series.assemble(Series.CT3));
    Volume brain = v.toGrey8(40, 80); // PS3.3 C.11.2.1.2.1: below 0.5 - 39.5 -> 0, above 39.5 + 40 -> 255
    for (int x = 0; x < 512; x += 17) {
      double hu = v.voxel(x, 511 - 256, 1);
      int g = brain.voxel(x, 256, 1);
      if (hu <= 0) {
        assertEquals(0, g);
      } else if (hu >= 80) {
        assertEquals(255, g);
      }
    }
  }

  @Test
  void monochrome1IsInvertedForDisplay() throws Exception {
    DicomFile f = DicomReader.pixelMed().read(SharedCorpus.corpus("dicom/single/RG1_J2KI.dcm"));
    DicomVolume v = DicomVolume.of(SeriesAssembler.assemble(List.of(f)).get(0));
    Volume g = v.toGrey8();
    int[] range = f.expectPixels().range();
    int row = 1000;
    int col = 900;
    int stored = f.expectPixels().stored(0, row, col);
    long expected = 255 - Math.round((stored - range[0]) * 255.0 / (range[1] - range[0]));
    assertEquals(expected, g.voxel(col, row, 0));
  }
}
