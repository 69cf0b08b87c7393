package org.radmd.scrapers.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.dicom.DicomDataset;
import org.radmd.core.dicom.DicomReader;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/** Local DICOM study folders as samples, on the corpus series (read in place or linked, never copied). */
class DicomFolderReaderTest {
  private static final byte[] SECRET = "scrapers-test-secret-0123456789".getBytes(StandardCharsets.US_ASCII);
  private final DicomFolderReader reader = new DicomFolderReader(SECRET);
  @TempDir
  Path tmp;

  /** Removes the links to the corpus before JUnit cleans {@code tmp} (so it never touches their targets). */
  @AfterEach
  void unlink() throws Exception {
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.filter(Files::isSymbolicLink).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path prostate() {
    return SharedCorpus.corpus("dicom/series/mr_prostate_adc_dcmqi_20slices");
  }

  @Test
  void acceptsOnlyTheFirstDicomFileOfAFolder() throws Exception {
    assertTrue(reader.accepts(prostate().resolve("000000.dcm")));
    assertFalse(reader.accepts(prostate().resolve("000001.dcm")));
    assertFalse(reader.accepts(prostate().resolve("expected.json")));
  }

  @Test
  void prostateFolderIsOneSampleWithOneVolume() throws Exception {
    ReadResult r = reader.read(prostate().resolve("000000.dcm"), SharedCorpus.corpus());
    assertEquals(List.of(), r.rejects());
    assertEquals(1, r.samples().size());
    Sample s = r.samples().get(0);
    assertEquals(SourceDataset.DICOM, s.source());
    assertTrue(s.id().matches("dcm-[0-9a-f]{16}"), s.id());
    assertEquals("PELVIS W/O CONT", s.text().title());
    assertEquals(List.of(Modality.MR), s.modalities());
    assertEquals("Prostate", s.anatomy());
    ImageRef img = s.images().get(0);
    assertEquals(ImageKind.VOLUME_3D, img.kind());
    assertEquals("Axial", img.plane());
    assertEquals("Apparent Diffusion Coefficient (mm?/s)", img.caption());
    assertTrue(img.id().matches("series-[0-9a-f]{16}"), img.id());
    assertEquals(r, reader.read(prostate().resolve("000000.dcm"), SharedCorpus.corpus()), "deterministic");
    assertNoIdentifiers(r, DicomReader.pixelMed().readHeader(prostate().resolve("000000.dcm")).dataset(),
        "mr_prostate_adc_dcmqi_20slices");
  }

  @Test
  void reportTextIsCleanedAndBrokenFilesAreRejectedByPseudonym() throws Exception {
    Path study = Files.createDirectories(tmp.resolve("JANCT000_study"));
    Path ct = SharedCorpus.corpus("dicom/series/ct_dcmqi_3slices");
    for (String n : List.of("01.dcm", "02.dcm", "03.dcm")) {
      Files.createSymbolicLink(study.resolve(n), ct.resolve(n));
    }
    byte[] b = Files.readAllBytes(ct.resolve("01.dcm"));
    Files.write(study.resolve("04.dcm"), Arrays.copyOf(b, b.length / 2));
    DicomDataset h = DicomReader.pixelMed().readHeader(ct.resolve("01.dcm")).dataset();
    String name = h.stringOrEmpty("PatientName");
    String id = h.stringOrEmpty("PatientID");
    Files.writeString(study.resolve("report.txt"), "Patient " + name + " (ID " + id + "), exam of "
        + h.stringOrEmpty("StudyDate") + ".\nFINDINGS: 1 cm nodule in the right lower lobe.\n");

    ReadResult r = reader.read(study.resolve("01.dcm"), tmp);
    Sample s = r.samples().get(0);
    assertTrue(s.text().findings().contains("1 cm nodule in the right lower lobe"), s.text().findings());
    assertEquals(ImageKind.VOLUME_3D, s.images().get(0).kind());
    assertEquals(1, r.rejects().size());
    Reject rej = r.rejects().get(0);
    assertEquals("dicom-truncated", rej.reason());
    assertTrue(rej.origin().matches("dicom/file-[0-9a-f]{16}"), rej.origin());
    assertFalse(rej.message().contains(tmp.toString()), rej.message());
    assertNoIdentifiers(r, h, "JANCT000_study");
  }

  @Test
  void undecodableSyntaxAndNoImagesAreRejects() throws Exception {
    Path study = Files.createDirectories(tmp.resolve("ls"));
    Files.createSymbolicLink(study.resolve("a.dcm"),
        SharedCorpus.corpus("dicom/single/MR_small_jpeg_ls_lossless.dcm"));
    ReadResult r = reader.read(study.resolve("a.dcm"), tmp);
    assertEquals(List.of(), r.samples());
    assertEquals(List.of("dicom-unsupported-transfer-syntax", "no-images"),
        r.rejects().stream().map(Reject::reason).toList());
    assertTrue(r.rejects().get(0).message().contains("JPEG-LS"));
  }

  /** The JSON of every sample and reject holds none of the header's identifying values nor the folder name. */
  private static void assertNoIdentifiers(ReadResult r, DicomDataset h, String folderName) {
    String json = String.join("\n", Stream.concat(r.samples().stream().map(x -> {
      // the absolute folder path is the pre-normalization pointer; normalization replaces it (see reader docs)
      return Json.write(x.withImages(x.images().stream().map(i -> i.stored("x", List.of(), null)).toList()));
    }), r.rejects().stream().map(Json::write)).toList());
    for (String k : List.of("PatientName", "PatientID", "StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
        "StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate", "InstitutionName", "AccessionNumber")) {
      h.string(k).filter(v -> v.length() >= 4).ifPresent(v -> assertFalse(json.contains(v), k + " leaked: " + v));
    }
    assertFalse(json.contains(folderName), "folder name leaked");
  }
}
