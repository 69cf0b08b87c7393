package org.radmd.scrapers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.scrapers.covid.CovidCtCxrReader;
import org.radmd.scrapers.jats.JatsArticleReader;
import org.radmd.scrapers.medicat.MedicatReader;
import org.radmd.scrapers.medpix.MedPixReader;
import org.radmd.scrapers.radiopaedia.RadiopaediaCaseReader;
import org.radmd.scrapers.roco.RocoReader;
import org.radmd.scrapers.support.Origins;

class ReadersTest {
  private final Path root = Expected.root();

  @Test
  void allReadersInFixedOrder() {
    assertEquals(List.of("jats", "medpix", "radiopaedia", "roco", "medicat", "covid19-ct-cxr", "warc-replay",
        "dicom"),
        Readers.all().stream().map(SourceReader::name).toList());
    assertThrows(UnsupportedOperationException.class, () -> Readers.all().add(new JatsArticleReader()));
  }

  @Test
  void discoversExactlyTheSourceFilesOfTheCorpusInPathOrder() {
    List<String> found = Readers.discover(root).stream().map(p -> Origins.relative(p, root)).toList();
    assertEquals(List.of(
        // one per folder holding DICOM: its first DICOM file by name stands for the study folder
        "dicom/series/ct_dcmqi_3slices/01.dcm",
        "dicom/series/mr_dicom2nifti_generic_anatomical_4slices/dicom/IM-0001-0001-0001.dcm",
        "dicom/series/mr_prostate_adc_dcmqi_20slices/000000.dcm",
        "dicom/single/CT2_JPLL.dcm",
        "medpix/data_dev.subset.jsonl",
        "other/covid19_ct_cxr_pmc_figures/convid_figure_text.xml",
        "other/medicat_sample/sample.jsonl",
        "other/roco_test_radiology/captions.txt",
        "pmc/PMC2270912/pone.0001908.nxml",
        "pmc/PMC3003633/1475-2859-9-89.nxml",
        "pmc/PMC3460867/pone.0046493.nxml",
        "pmc_radiology/PMC2900587/PMC2900587.xml",
        "pmc_radiology/PMC6358577/PMC6358577.xml",
        "pmc_radiology/PMC6358581/PMC6358581.xml",
        "radiopaedia/rID-70432_medulloblastoma/case.json"), found);
    assertTrue(Readers.discover(root).stream().allMatch(Path::isAbsolute));
  }

  @Test
  void readerForPicksTheRightReader() {
    assertInstanceOf(JatsArticleReader.class,
        Readers.readerFor(root.resolve("pmc/PMC3003633/1475-2859-9-89.nxml")).orElseThrow());
    assertInstanceOf(MedPixReader.class, Readers.readerFor(root.resolve("medpix/data_dev.subset.jsonl")).orElseThrow());
    assertInstanceOf(RadiopaediaCaseReader.class,
        Readers.readerFor(root.resolve("radiopaedia/rID-70432_medulloblastoma/case.json")).orElseThrow());
    assertInstanceOf(CovidCtCxrReader.class,
        Readers.readerFor(root.resolve("other/covid19_ct_cxr_pmc_figures/convid_figure_text.xml")).orElseThrow());
    assertInstanceOf(MedicatReader.class,
        Readers.readerFor(root.resolve("other/medicat_sample/sample.jsonl")).orElseThrow());
    assertInstanceOf(RocoReader.class,
        Readers.readerFor(root.resolve("other/roco_test_radiology/captions.txt")).orElseThrow());
    assertEquals(Optional.empty(), Readers.readerFor(root.resolve("other/medicat_sample/expected.json")));
    assertEquals(Optional.empty(), Readers.readerFor(root.resolve("medpix/expected.json")));
  }

  @Test
  void discoverOnAFileAndOnAMissingRoot(@TempDir Path tmp) {
    Path nxml = root.resolve("pmc/PMC3003633/1475-2859-9-89.nxml");
    assertEquals(List.of(nxml.toAbsolutePath().normalize()), Readers.discover(nxml));
    assertEquals(List.of(), Readers.discover(tmp));
    assertThrows(UncheckedIOException.class, () -> Readers.discover(tmp.resolve("missing")));
  }

  @Test
  void readersSurviveJavaSerializationAndStillReadTheSame() throws Exception {
    for (SourceReader r : Readers.all()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(r);
      }
      SourceReader copy;
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        copy = (SourceReader) in.readObject();
      }
      assertEquals(r.name(), copy.name());
      for (Path f : Readers.discover(root)) {
        if (r.accepts(f)) {
          assertEquals(r.read(f, root), copy.read(f, root), f.toString());
        }
      }
    }
  }

  @Test
  void concurrentReadsGiveTheSameResultsAsSequentialOnes() throws Exception {
    List<Path> files = Readers.discover(root);
    List<ReadResult> sequential = files.stream().map(f -> Readers.readerFor(f).orElseThrow().read(f, root)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ReadResult>>> runs = IntStream.range(0, 4).mapToObj(k -> pool.submit(() -> files.stream()
          .map(f -> Readers.readerFor(f).orElseThrow().read(f, root)).toList())).toList();
      for (Future<List<ReadResult>> run : runs) {
        assertEquals(sequential, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void corpusTotals() {
    int samples = 0;
    int rejects = 0;
    int dicomSamples = 0;
    for (Path f : Readers.discover(root)) {
      ReadResult r = Readers.readerFor(f).orElseThrow().read(f, root);
      if (Readers.readerFor(f).orElseThrow().name().equals("dicom")) {
        dicomSamples += r.samples().size();
        continue;
      }
      samples += r.samples().size();
      rejects += r.rejects().size();
    }
    // DICOM: one sample per study (Study Instance UID). The 3 series folders hold one study each; dicom/single
    // holds 7 studies (counted with pydicom), one of which - MR_small in 4 transfer syntaxes plus JPEG-LS - is one
    // image repeated at one position, so no volume and no sample ("dicom-series-duplicate-positions").
    assertEquals(3 + 7 - 1, dicomSamples);
    // 7 MedPix cases + 3 + 5 PMC figures with images + 3 Radiopaedia studies + 10 MedICaT figures;
    // 4 + 6 + 5 + 3 PMC figures lack images, and so do the 5 + 2 radiology figures of the two case reports
    // (PMC-CaseReport rejects; their third figure is H&E, not radiology); 8179 ROCO and 525 COVID-19-CT-CXR
    // figures are not local
    assertEquals(7 + 3 + 5 + 3 + 10, samples);
    assertEquals(4 + 6 + 5 + 3 + (5 + 2 + 1) + 8179 + 525, rejects);
  }

  @Test
  void readResultBasics() {
    assertTrue(ReadResult.empty().isEmpty());
    assertEquals(ReadResult.empty(), new ReadResult(null, null));
    ReadResult a = ReadResult.rejected(new org.radmd.core.Reject("x", org.radmd.core.Stage.PARSE, "r", "m", "o",
        null));
    assertEquals(2, a.plus(a).rejects().size());
  }

  @Test
  void discoverIgnoresUnrelatedFiles(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("notes.xml"), "<collection/>");
    Files.writeString(tmp.resolve("case.json"), "{}");
    Files.writeString(tmp.resolve("data_a.jsonl"), "");
    Path b = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(b.resolve("PMC1.xml"), "<article/>");
    Files.writeString(tmp.resolve("A.nxml"), "<article/>");
    assertEquals(List.of("A.nxml", "b/PMC1.xml"),
        Readers.discover(tmp).stream().map(p -> Origins.relative(p, tmp)).toList());
  }
}
