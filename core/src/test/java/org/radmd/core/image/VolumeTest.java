package org.radmd.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

/** A real Radiopaedia CT stack through jpg2nii, NIfTI output and back. */
class VolumeTest {
  static final Path STACK =
      SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/0/axial-non-contrast");
  static List<Path> slices;
  static Volume volume;

  @BeforeAll
  static void build() throws IOException {
    slices = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      slices.add(STACK.resolve(String.format("image-%03d.jpg", i)));
    }
    volume = Volume.fromSlices(slices, 512);
  }

  @Test
  void stackBecomesA512Cube() {
    assertEquals(512, volume.width());
    assertEquals(512, volume.height());
    assertEquals(32, volume.depth());
    assertEquals(512 * 512 * 32, volume.voxels().length);
    assertEquals(List.of(3, 512, 512, 32), volume.radfmShape());
    assertArrayEquals(new double[] {1, 1, 1}, volume.spacingMm());
  }

  @Test
  void sliceZIsTheZthPictureGreyAndResized() throws IOException {
    BufferedImage expected = Images.resize(Images.toGray(Images.read(slices.get(7))), 512, 512);
    BufferedImage got = volume.slice(7);
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, got.getType());
    assertEquals(Images.pixelHash(expected), Images.pixelHash(got));
    assertEquals(got.getRaster().getSample(300, 200, 0), volume.voxel(300, 200, 7), "row = y, column = x");
    assertThrows(IndexOutOfBoundsException.class, () -> volume.slice(32));
  }

  @Test
  void pixelHashIsStableAcrossBuilds() throws IOException {
    Volume again = Volume.fromSlices(slices, 512);
    assertEquals(volume.pixelHash(), again.pixelHash());
    assertEquals(volume, again);
    List<Path> reversed = new ArrayList<>(slices);
    java.util.Collections.reverse(reversed);
    assertNotEquals(volume.pixelHash(), Volume.fromSlices(reversed, 512).pixelHash(), "order matters");
  }

  @Test
  void niftiRoundTripIsVoxelExactAndBytesAreDeterministic(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("out/ct.nii.gz");
    Path b = dir.resolve("ct2.nii.gz");
    Nifti.writeNiftiGz(volume, a);
    Nifti.writeNiftiGz(volume, b);
    byte[] bytes = Files.readAllBytes(a);
    assertArrayEquals(bytes, Files.readAllBytes(b), "same volume, same bytes");
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff},
        Arrays.copyOf(bytes, 10), "gzip header: no name, mtime 0, OS unknown");

    NiftiImage n = Nifti.read(a);
    assertArrayEquals(new int[] {512, 512, 32}, n.dim());
    assertEquals(Nifti.DT_UINT8, n.datatype());
    assertArrayEquals(new double[] {1, 1, 1}, n.pixdim());
    assertArrayEquals(new double[] {1, 0, 0, 0}, n.affine()[0]);
    byte[] vox = volume.voxels();
    double[] data = n.data();
    assertEquals(vox.length, data.length);
    for (int i = 0; i < vox.length; i++) {
      if ((vox[i] & 0xff) != data[i]) {
        throw new AssertionError("voxel " + i + " differs: " + (vox[i] & 0xff) + " vs " + data[i]);
      }
    }
    assertEquals(volume.voxel(511, 0, 31), n.voxel(511, 0, 31));
  }

  @Test
  void headerCarriesSpacingUnitsAndScannerXform(@TempDir Path dir) throws IOException {
    byte[] vox = new byte[2 * 3 * 4];
    for (int i = 0; i < vox.length; i++) {
      vox[i] = (byte) (i * 10);
    }
    Volume v = Volume.of(2, 3, 4, vox, new double[] {0.5, 0.75, 3});
    Path p = dir.resolve("small.nii.gz");
    Nifti.writeNiftiGz(v, p);
    NiftiImage n = Nifti.read(p);
    assertArrayEquals(new double[] {0.5, 0.75, 3}, n.pixdim());
    assertArrayEquals(new double[][] {{0.5, 0, 0, 0}, {0, 0.75, 0, 0}, {0, 0, 3, 0}, {0, 0, 0, 1}}, n.affine());
    assertEquals(230, n.voxel(1, 2, 3), "x + 2 * (y + 3 * z) = 23");
    byte[] header = Nifti.header1(v);
    assertEquals(352, header.length);
    assertEquals(2, header[123], "xyzt_units = mm");
    assertEquals('n', header[344]);
    assertEquals(0, header[347]);
  }

  @Test
  void brokenSliceNamesTheFile(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("image-001.jpg"));
    ImageDecodeException e = assertThrows(ImageDecodeException.class,
        () -> Volume.fromSlices(List.of(slices.get(0), empty), 64));
    assertTrue(e.getMessage().contains("image-001.jpg"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Volume.fromSlices(List.of(), 64));
  }

  @Test
  void volumesAreImmutable() {
    byte[] vox = new byte[8];
    Volume v = Volume.of(2, 2, 2, vox, null);
    vox[0] = 9;
    v.voxels()[1] = 9;
    assertEquals(0, v.voxel(0, 0, 0));
    assertEquals(0, v.voxel(1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Volume.of(2, 2, 2, new byte[7], null));
    assertThrows(IllegalArgumentException.class, () -> Volume.of(2, 2, 2, vox, new double[] {1, 0, 1}));
  }
}
