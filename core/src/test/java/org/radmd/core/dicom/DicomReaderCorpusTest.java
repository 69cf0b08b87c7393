package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radmd.testing.SharedCorpus;

/** Every file of {@code shared/corpus/dicom/single}: header facts and pixel values from its expected.json. */
class DicomReaderCorpusTest {
  private static final DicomReader READER = DicomReader.pixelMed();

  static Stream<String> decodableSingles() throws IOException {
    try (Stream<Path> s = Files.list(SharedCorpus.corpus("dicom/single"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dcm"))
          .filter(n -> !n.contains("jpeg_ls")).sorted().toList().stream();
    }
  }

  private static DicomFile read(String name) throws DicomDecodeException {
    return READER.read(SharedCorpus.corpus("dicom/single/" + name));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodableSingles")
  void headerAndShapeMatchExpectedJson(String name) throws Exception {
    JsonNode h = Expected.single(name).get("header_measured");
    DicomFile f = read(name);
    PixelFrames p = f.expectPixels();
    assertEquals(h.get("transfer_syntax_uid").asText(), f.transferSyntaxUid());
    assertEquals(h.get("modality").asText(), f.modality());
    assertEquals(h.get("rows").asInt(), p.rows());
    assertEquals(h.get("columns").asInt(), p.columns());
    assertEquals(h.get("number_of_frames").asInt(), p.frames());
    assertEquals(h.get("bits_stored").asInt(), p.bitsStored());
    assertEquals(h.get("pixel_representation").asInt() == 1, p.signed());
    assertEquals(h.get("photometric_interpretation").asText(), p.photometricInterpretation());
    assertEquals(h.get("series_instance_uid").asText(), f.seriesInstanceUid());
    FrameGeometry g = f.geometry(0);
    if (h.get("image_position_patient").isNull()) {
      assertEquals(null, g.imagePositionPatient());
    } else {
      assertArrayEquals(Expected.doubles(h.get("image_position_patient")), g.imagePositionPatient(), 1e-9);
      assertArrayEquals(Expected.doubles(h.get("image_orientation_patient")), g.imageOrientationPatient(), 1e-9);
      assertArrayEquals(Expected.doubles(h.get("pixel_spacing")), g.pixelSpacing(), 1e-9);
    }
    if (!h.get("rescale_slope").isNull()) {
      assertEquals(h.get("rescale_slope").asDouble(), g.rescaleSlope(), 1e-12);
      assertEquals(h.get("rescale_intercept").asDouble(), g.rescaleIntercept(), 1e-12);
    }
  }

  /** pydicom's assertions on MR_small and every re-encoding of it (native LE/BE, RLE, JPEG 2000 lossless). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("mrSmallFamily")
  void mrSmallPixelsEqualPydicomAssertions(String name) throws Exception {
    JsonNode o = Expected.single(name).get("from_origin");
    PixelFrames p = read(name).expectPixels();
    int[] row0 = Expected.ints(o.get("pixel_array[0,31:34]"));
    for (int i = 0; i < 3; i++) {
      assertEquals(row0[i], p.stored(0, 0, 31 + i), "pixel_array[0," + (31 + i) + "]");
    }
    int[] row31 = Expected.ints(o.get("pixel_array[31,0:3]"));
    for (int i = 0; i < 3; i++) {
      assertEquals(row31[i], p.stored(0, 31, i));
    }
    int[] last = Expected.ints(o.get("pixel_array[-1,-3:]"));
    for (int i = 0; i < 3; i++) {
      assertEquals(last[i], p.stored(0, 63, 61 + i));
    }
    assertEquals(o.get("pixel_array[-1,-1]").asInt(), p.stored(0, 63, 63));
  }

  static Stream<String> mrSmallFamily() {
    return Stream.of("MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm");
  }

  @Test
  void mrSmallEncodingsArePixelIdentical() throws Exception {
    int[] ref = read("MR_small.dcm").expectPixels().frame(0);
    for (String n : List.of("MR_small_bigendian.dcm", "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm")) {
      assertArrayEquals(ref, read(n).expectPixels().frame(0), n);
    }
  }

  @Test
  void ctSmallStoredValuesAndHounsfieldUnits() throws Exception {
    JsonNode o = Expected.single("CT_small.dcm").get("from_origin");
    DicomFile f = read("CT_small.dcm");
    PixelFrames p = f.expectPixels();
    assertEquals(o.get("pixel_array[-1][-1]").asInt(), p.stored(0, 127, 127));
    int[] r24 = Expected.ints(o.get("pixel_array[24,36:40]"));
    for (int i = 0; i < 4; i++) {
      assertEquals(r24[i], p.stored(0, 24, 36 + i));
    }
    int[] c40 = Expected.ints(o.get("pixel_array[40:45,40]"));
    for (int i = 0; i < 5; i++) {
      assertEquals(c40[i], p.stored(0, 40 + i, 40));
    }
    // Rescale Intercept -1024, slope 1: HU = stored - 1024 (PS3.3 C.11.1.1.2).
    float[] hu = f.modalityValues(0);
    assertEquals(909 - 1024, hu[127 * 128 + 127], 0);
  }

  @Test
  void emriSmallMultiFrameValuesPerFrame() throws Exception {
    JsonNode o = Expected.single("emri_small.dcm").get("from_origin");
    PixelFrames p = read("emri_small.dcm").expectPixels();
    assertEquals(10, p.frames());
    for (int frame : new int[] {0, 4, 9}) {
      JsonNode e = o.get("frame" + frame);
      int[] a = Expected.ints(e.get("[0,31:34]"));
      int[] b = Expected.ints(e.get("[31,0:3]"));
      int[] c = Expected.ints(e.get("[-1,-3:]"));
      for (int i = 0; i < 3; i++) {
        assertEquals(a[i], p.stored(frame, 0, 31 + i), "frame " + frame);
        assertEquals(b[i], p.stored(frame, 31, i), "frame " + frame);
        assertEquals(c[i], p.stored(frame, 63, 61 + i), "frame " + frame);
      }
    }
  }

  /** CT2_JPLL decodes bit-exact: the curator's statistics of the uncompressed reference CT2_UNC. */
  @Test
  void jpegLosslessIsExact() throws Exception {
    JsonNode ref = Expected.single("CT2_JPLL.dcm").get("from_origin").get("reference_pixel_stats");
    PixelFrames p = read("CT2_JPLL.dcm").expectPixels();
    assertArrayEquals(new int[] {ref.get("min").asInt(), ref.get("max").asInt()}, p.range());
    assertEquals(ref.get("center_[256,256]").asInt(), p.stored(0, 256, 256));
    int[] row = Expected.ints(ref.get("row256_cols0-4"));
    for (int i = 0; i < 5; i++) {
      assertEquals(row[i], p.stored(0, 256, i));
    }
    assertEquals(ref.get("last_pixel").asInt(), p.stored(0, 511, 511));
    assertEquals(ref.get("mean").asDouble(), mean(p), 5e-4);
  }

  /** RG1_J2KI (JPEG 2000 lossy, MONOCHROME1): shape, range as decoded by pydicom+Pillow; inversion noted. */
  @Test
  void jpeg2000LossyCr() throws Exception {
    PixelFrames p = read("RG1_J2KI.dcm").expectPixels();
    assertEquals(1955, p.rows());
    assertEquals(1841, p.columns());
    assertArrayEquals(new int[] {803, 26512}, p.range());
    assertTrue(p.inverted());
  }

  /** RG3_JPLY: 12-bit JPEG Extended, decoded by radmd's own DCT decoder; compared with the lossless original. */
  @Test
  void jpegExtended12BitCr() throws Exception {
    DicomFile f = read("RG3_JPLY.dcm");
    PixelFrames p = f.expectPixels();
    assertEquals(1760, p.rows());
    assertEquals(1760, p.columns());
    assertTrue(p.inverted());
    // Reference RG3_UNC (lossless original): mean 332.715, range 0..1023; lossy error is a few units.
    assertEquals(332.715, mean(p), 1.0);
    int[] r = p.range();
    assertEquals(0, r[0]);
    assertTrue(r[1] >= 1000 && r[1] <= 1040, "max " + r[1]);
    assertEquals("Non-ossifying fibroma of distal tibia", f.dataset().stringOrEmpty("StudyDescription"));
  }

  @Test
  void mr2Jpeg2000LossyRescaled() throws Exception {
    DicomFile f = read("MR2_J2KI.dcm");
    assertEquals(1024, f.expectPixels().rows());
    assertEquals(3.774114, f.geometry(0).rescaleSlope(), 1e-9);
    assertFalse(f.expectPixels().inverted());
  }

  @Test
  void jpegLsIsRejectedNamingTheTransferSyntax() {
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> read("MR_small_jpeg_ls_lossless.dcm"));
    assertEquals(DicomDecodeException.Failure.UNSUPPORTED_TRANSFER_SYNTAX, e.failure());
    assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.80"), e.getMessage());
    assertTrue(e.getMessage().contains("JPEG-LS Lossless Image Compression"), e.getMessage());
    assertEquals("dicom-unsupported-transfer-syntax", e.failure().code());
  }

  @Test
  void jpegLsHeaderStillReadable() throws Exception {
    DicomFile f = READER.readHeader(SharedCorpus.corpus("dicom/single/MR_small_jpeg_ls_lossless.dcm"));
    assertEquals("1.2.840.10008.1.2.4.80", f.transferSyntaxUid());
    assertTrue(f.pixels().isEmpty());
    assertEquals(64, f.rows());
  }

  private static double mean(PixelFrames p) {
    double s = 0;
    for (int v : p.frame(0)) {
      s += v;
    }
    return s / (p.rows() * p.columns());
  }
}
