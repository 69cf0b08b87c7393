package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.dicom.DicomDecodeException.Failure;
import org.radmd.testing.SharedCorpus;

/** Damaged copies of real files become {@link DicomDecodeException}s with a failure kind and a clear message. */
class CorruptDicomTest {
  private static final DicomReader READER = DicomReader.pixelMed();
  @TempDir
  Path tmp;

  private static byte[] corpus(String name) throws Exception {
    return Files.readAllBytes(SharedCorpus.corpus("dicom/single/" + name));
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static DicomDecodeException fails(Path p, Failure expected) {
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> READER.read(p));
    assertEquals(expected, e.failure(), e.getMessage());
    assertTrue(e.getMessage().contains(p.toString()), "message names the file: " + e.getMessage());
    return e;
  }

  /** Offset of an explicit-VR little-endian element header: tag bytes then the VR. */
  static int find(byte[] b, int group, int element, String vr) {
    byte[] pattern = {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8),
        (byte) vr.charAt(0), (byte) vr.charAt(1)};
    outer:
    for (int i = 132; i + pattern.length <= b.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (b[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("element not found");
  }

  @Test
  void cutInsidePixelData() throws Exception {
    byte[] b = corpus("CT_small.dcm");
    DicomDecodeException e = fails(write("cut.dcm", Arrays.copyOf(b, b.length - 1000)), Failure.TRUNCATED);
    assertTrue(e.getMessage().contains("Pixel Data is cut"), e.getMessage());
    assertTrue(e.getMessage().contains("(7FE0,0010)"), e.getMessage());
  }

  @Test
  void cutInsideEncapsulatedFragments() throws Exception {
    byte[] b = corpus("MR_small_RLE.dcm");
    int at = find(b, 0x7fe0, 0x0010, "OB");
    DicomDecodeException e = fails(write("cut-rle.dcm", Arrays.copyOf(b, at + 2000)), Failure.TRUNCATED);
    assertTrue(e.getMessage().contains("fragment"), e.getMessage());
  }

  @Test
  void cutInsideAnElementHeader() throws Exception {
    byte[] b = corpus("MR_small.dcm");
    int at = find(b, 0x0010, 0x0010, "PN");
    fails(write("cut-header.dcm", Arrays.copyOf(b, at + 5)), Failure.TRUNCATED);
  }

  @Test
  void impossibleValueLength() throws Exception {
    byte[] b = corpus("MR_small.dcm");
    int at = find(b, 0x0010, 0x0010, "PN");
    b[at + 6] = (byte) 0xf0;
    b[at + 7] = (byte) 0xff;
    DicomDecodeException e = fails(write("bad-vl.dcm", b), Failure.MALFORMED);
    assertTrue(e.getMessage().contains("bad Value Length: (0010,0010)"), e.getMessage());
  }

  @Test
  void invalidValueRepresentation() throws Exception {
    byte[] b = corpus("MR_small.dcm");
    int at = find(b, 0x0010, 0x0010, "PN");
    b[at + 4] = 'z';
    b[at + 5] = '!';
    DicomDecodeException e = fails(write("bad-vr.dcm", b), Failure.MALFORMED);
    assertTrue(e.getMessage().contains("invalid VR \"z!\""), e.getMessage());
  }

  @Test
  void missingPixelData() throws Exception {
    byte[] b = corpus("CT_small.dcm");
    Path p = write("no-pixels.dcm", Arrays.copyOf(b, find(b, 0x7fe0, 0x0010, "OW")));
    fails(p, Failure.NO_PIXEL_DATA);
    assertEquals(128, READER.readHeader(p).rows(), "the header alone still reads");
  }

  @Test
  void emptyPixelData() throws Exception {
    byte[] b = corpus("CT_small.dcm");
    int at = find(b, 0x7fe0, 0x0010, "OW");
    byte[] c = Arrays.copyOf(b, at + 12);
    c[at + 8] = 0;
    c[at + 9] = 0;
    c[at + 10] = 0;
    c[at + 11] = 0;
    fails(write("empty-pixels.dcm", c), Failure.NO_PIXEL_DATA);
  }

  @Test
  void pixelDataShorterThanTheImage() throws Exception {
    byte[] b = corpus("CT_small.dcm");
    int at = find(b, 0x7fe0, 0x0010, "OW");
    byte[] c = Arrays.copyOf(b, at + 12 + 1000);
    c[at + 8] = (byte) 0xe8; // VL 1000
    c[at + 9] = 0x03;
    c[at + 10] = 0;
    c[at + 11] = 0;
    DicomDecodeException e = fails(write("short-pixels.dcm", c), Failure.TRUNCATED);
    assertTrue(e.getMessage().contains("Pixel Data holds 500 values"), e.getMessage());
  }

  @Test
  void notDicomAtAll() throws Exception {
    fails(write("empty.dcm", new byte[0]), Failure.NOT_DICOM);
    fails(write("text.dcm", "radiology report, not an image\n".getBytes(StandardCharsets.UTF_8)), Failure.NOT_DICOM);
    fails(write("png.dcm", Files.readAllBytes(SharedCorpus.corpus("medpix/images").resolve(
        Files.list(SharedCorpus.corpus("medpix/images")).sorted().findFirst().orElseThrow().getFileName()))),
        Failure.NOT_DICOM);
  }

  @Test
  void missingFile() {
    fails(tmp.resolve("absent.dcm"), Failure.UNREADABLE);
  }
}
