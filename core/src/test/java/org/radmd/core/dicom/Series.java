package org.radmd.core.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.radmd.testing.SharedCorpus;

/** Reads the corpus series folders in place. */
final class Series {
  static final String PROSTATE = "dicom/series/mr_prostate_adc_dcmqi_20slices";
  static final String CT3 = "dicom/series/ct_dcmqi_3slices";
  static final String D2N = "dicom/series/mr_dicom2nifti_generic_anatomical_4slices";
  static final List<String> ALL = List.of(CT3, D2N, PROSTATE);

  private Series() {}

  /** The folder holding the .dcm files of a series. */
  static Path folder(String series) {
    Path p = SharedCorpus.corpus(series);
    return series.equals(D2N) ? p.resolve("dicom") : p;
  }

  /** The .dcm files of a series, sorted by name. */
  static List<Path> files(String series) throws IOException {
    try (Stream<Path> s = Files.list(folder(series))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
    }
  }

  /** Every file read with pixels. */
  static List<DicomFile> read(String series) throws IOException {
    List<DicomFile> out = new ArrayList<>();
    for (Path p : files(series)) {
      out.add(DicomReader.pixelMed().read(p));
    }
    return out;
  }

  /** The one series of a folder. */
  static DicomSeries assemble(String series) throws IOException {
    List<DicomSeries> s = SeriesAssembler.assemble(read(series));
    if (s.size() != 1) {
      throw new IllegalStateException(series + " assembled into " + s.size() + " series");
    }
    return s.get(0);
  }
}
