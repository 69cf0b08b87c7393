package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;
import org.radmd.core.image.NiftiWriter;
import org.radmd.testing.SharedCorpus;

/** Series to NIfTI: voxels, datatype and affine, against dicom2nifti's ground truth and by round trip. */
class DicomNiftiTest {
  @TempDir
  Path tmp;

  /** dicom2nifti's test compares its conversion of these 4 DICOM files with 001_ground_truth.nii.gz. */
  @Test
  void dicom2niftiSeriesEqualsItsGroundTruthVoxelForVoxel() throws Exception {
    Path out = tmp.resolve("d2n.nii.gz");
    DicomVolume.of(Series.assemble(Series.D2N)).writeNifti(out);
    NiftiImage ours = Nifti.read(out);
    Path folder = SharedCorpus.corpus(Series.D2N);
    NiftiCompare.assertSameInWorld(ours, Nifti.read(folder.resolve("001_ground_truth.nii.gz")), 1e-3);
    NiftiCompare.assertSameInWorld(ours, Nifti.read(folder.resolve("001_ground_truth_reoriented.nii.gz")), 1e-3);
  }

  @Test
  void ctSeriesIsStoredInHounsfieldUnitsAsInt16() throws Exception {
    DicomVolume v = DicomVolume.of(Series.assemble(Series.CT3));
    assertEquals(DicomVolume.Storage.INT16, v.storage());
    assertArrayEquals(new int[] {512, 512, 3}, v.shape());
    DicomFile f01 = DicomReader.pixelMed().read(Series.files(Series.CT3).get(0)); // z = -126.69, the top slice
    // Voxel (x, y, 2) is file 01's row 511 - y, column x, in HU (stored - 1024).
    for (int x = 0; x < 512; x += 31) {
      assertEquals(f01.expectPixels().stored(0, 511 - 40, x) - 1024, v.voxel(x, 40, 2));
    }
    Path out = tmp.resolve("ct.nii");
    v.writeNifti(out);
    NiftiImage n = Nifti.read(out);
    assertEquals(NiftiWriter.DT_INT16, n.datatype());
    assertEquals(v.voxel(100, 200, 1), n.voxel(100, 200, 1));
    double[][] a = n.affine();
    // dcm2niix's affine for this series: diag(-0.8105, 0.8105, 1), origin (235.2, -187.3895, -128.69).
    assertEquals(-0.810547, a[0][0], 1e-5);
    assertEquals(0.810547, a[1][1], 1e-5);
    assertEquals(1.0, a[2][2], 1e-5);
    assertEquals(235.2, a[0][3], 1e-3);
    assertEquals(-226.800003 + 511 * 0.810547, -a[1][3], 1e-3);
    assertEquals(-128.69, a[2][3], 1e-3);
  }

  @Test
  void rescaledMrIsStoredAsFloat32() throws Exception {
    DicomFile f = DicomReader.pixelMed().read(SharedCorpus.corpus("dicom/single/MR2_J2KI.dcm"));
    DicomVolume v = DicomVolume.of(SeriesAssembler.assemble(java.util.List.of(f)).get(0));
    assertEquals(DicomVolume.Storage.FLOAT32, v.storage());
    assertEquals(f.expectPixels().stored(0, 1023 - 500, 500) * 3.774114 + 6.1e-5, v.voxel(500, 500, 0), 1e-3);
  }

  /** The qform written next to the sform is the same rigid transform for an oblique series. */
  @Test
  void qformAgreesWithSformForObliqueSeries() throws Exception {
    DicomVolume v = DicomVolume.of(Series.assemble(Series.PROSTATE));
    Path out = tmp.resolve("prostate.nii");
    v.writeNifti(out);
    double[][] sform = Nifti.read(out).affine();
    byte[] bytes = Files.readAllBytes(out);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0); // sform_code = 0
    Path qOnly = tmp.resolve("prostate-qform.nii");
    Files.write(qOnly, bytes);
    double[][] qform = Nifti.read(qOnly).affine();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(sform[r][c], qform[r][c], 2e-3, "[" + r + "][" + c + "]");
      }
    }
  }
}
