package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Series assembly on the corpus series and on real slices with edited geometry. */
class SeriesAssemblerTest {

  @Test
  void prostateComesOutInSpatialOrderNotFileOrder() throws Exception {
    JsonNode e = Expected.of(Series.PROSTATE).get("series_measured");
    DicomSeries s = Series.assemble(Series.PROSTATE);
    assertEquals(20, s.size());
    assertArrayEquals(Expected.doubles(e.get("position_along_normal_sorted_mm")), s.positionsAlongNormal(), 1e-3);
    List<String> names = s.slices().stream().map(x -> x.file().source().getFileName().toString()).toList();
    // Files 000004-000006 carry InstanceNumber 6, 7, 5: spatially 000006 comes before 000004 and 000005.
    assertEquals(List.of("000003.dcm", "000006.dcm", "000004.dcm", "000005.dcm", "000007.dcm"), names.subList(3, 8));
    for (int i = 0; i < 20; i++) {
      assertEquals(i + 1, s.slices().get(i).file().instanceNumber().orElseThrow());
    }
    assertTrue(s.issues().isEmpty(), s.issues().toString());
  }

  @Test
  void orderDoesNotDependOnInputOrder() throws Exception {
    List<DicomFile> files = new ArrayList<>(Series.read(Series.PROSTATE));
    List<String> reference = names(SeriesAssembler.assemble(files).get(0));
    Collections.shuffle(files, new Random(42));
    assertEquals(reference, names(SeriesAssembler.assemble(files).get(0)));
    Collections.reverse(files);
    assertEquals(reference, names(SeriesAssembler.assemble(files).get(0)));
  }

  @Test
  void ctAndDicom2niftiSeriesPositions() throws Exception {
    for (String series : List.of(Series.CT3, Series.D2N)) {
      JsonNode e = Expected.of(series).get("series_measured");
      DicomSeries s = Series.assemble(series);
      assertEquals(e.get("n_files").asInt(), s.size());
      double[] expected = Expected.doubles(e.get("position_along_normal_sorted_mm"));
      double[] got = s.positionsAlongNormal();
      // The curator projected on the normal or its opposite: compare with the matching sign.
      double[] same = got[0] * expected[0] >= 0 ? got
          : java.util.Arrays.stream(got).map(d -> -d).sorted().toArray();
      assertArrayEquals(expected, same, 1e-3, series);
      assertTrue(s.issues().isEmpty(), series + ": " + s.issues());
    }
  }

  @Test
  void missingSliceIsReported() throws Exception {
    List<DicomFile> files = new ArrayList<>(Series.read(Series.PROSTATE));
    files.remove(10);
    DicomSeries s = SeriesAssembler.assemble(files).get(0);
    assertTrue(s.has(SeriesIssue.Kind.MISSING_SLICES), s.issues().toString());
    assertTrue(s.has(SeriesIssue.Kind.UNEVEN_SPACING), s.issues().toString());
    assertFalse(s.has(SeriesIssue.Kind.DUPLICATE_POSITIONS));
  }

  @Test
  void duplicatePositionsBlockTheVolume() throws Exception {
    List<DicomFile> files = new ArrayList<>(Series.read(Series.CT3));
    DicomFile copy = files.get(0);
    files.add(new DicomFile(copy.source().resolveSibling("copy.dcm"), copy.transferSyntaxUid(), copy.dataset(),
        copy.geometry(), copy.expectPixels()));
    DicomSeries s = SeriesAssembler.assemble(files).get(0);
    assertTrue(s.has(SeriesIssue.Kind.DUPLICATE_POSITIONS));
    assertThrows(IllegalArgumentException.class, () -> DicomVolume.of(s));
  }

  @Test
  void gantryTiltIsReported() throws Exception {
    List<DicomFile> tilted = new ArrayList<>();
    for (DicomFile f : Series.read(Series.CT3)) {
      FrameGeometry g = f.geometry(0);
      double[] ipp = g.imagePositionPatient();
      ipp[1] += 0.3 * ipp[2]; // shear along y with z, as a tilted gantry does (about 16.7 degrees)
      tilted.add(with(f, new FrameGeometry(ipp, g.imageOrientationPatient(), g.pixelSpacing(),
          g.sliceThickness(), g.rescaleSlope(), g.rescaleIntercept())));
    }
    DicomSeries s = SeriesAssembler.assemble(tilted).get(0);
    assertTrue(s.has(SeriesIssue.Kind.GANTRY_TILT), s.issues().toString());
    // The affine keeps the shear: the slice step column is the real step between positions.
    double[][] a = DicomVolume.of(s).affine();
    assertEquals(1.0, a[2][2], 1e-6);
    assertEquals(-0.3, a[1][2], 1e-6); // RAS y = -LPS y
  }

  @Test
  void seriesAreSplitByUidSizeAndOrientation() throws Exception {
    List<DicomFile> files = new ArrayList<>(Series.read(Series.CT3));
    files.addAll(Series.read(Series.D2N));
    List<DicomSeries> s = SeriesAssembler.assemble(files);
    assertEquals(2, s.size());
    assertEquals(List.of(3, 4), s.stream().map(DicomSeries::size).sorted().toList());
  }

  @Test
  void framesWithoutGeometryKeepFrameOrder() throws Exception {
    DicomFile emri = DicomReader.pixelMed().read(org.radmd.testing.SharedCorpus.corpus("dicom/single/emri_small.dcm"));
    DicomSeries s = SeriesAssembler.assemble(List.of(emri)).get(0);
    assertEquals(10, s.size());
    assertTrue(s.has(SeriesIssue.Kind.NO_GEOMETRY));
    for (int i = 0; i < 10; i++) {
      assertEquals(i, s.slices().get(i).frame());
    }
    DicomVolume v = DicomVolume.of(s);
    assertFalse(v.isSpatial());
    assertArrayEquals(new int[] {64, 64, 10}, v.shape());
    // frame 4, row 0, columns 31..33 = 67, 82, 44 (pydicom); row 0 is y = 63 after the row flip.
    assertEquals(67, v.voxel(31, 63, 4));
    assertEquals(44, v.voxel(33, 63, 4));
  }

  static DicomFile with(DicomFile f, FrameGeometry g) {
    return new DicomFile(f.source(), f.transferSyntaxUid(), f.dataset(), List.of(g), f.expectPixels());
  }

  private static List<String> names(DicomSeries s) {
    return s.slices().stream().map(x -> x.file().source().getFileName().toString()).toList();
  }
}
