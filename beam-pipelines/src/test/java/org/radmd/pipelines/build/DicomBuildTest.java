package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.dicom.DicomDecodeException;
import org.radmd.core.dicom.DicomFile;
import org.radmd.core.dicom.DicomReader;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;
import org.radmd.pipelines.Runners;
import org.radmd.testing.SharedCorpus;

/**
 * {@code radmd build} over the real DICOM corpus ({@code ../shared/corpus/dicom}): every study becomes a sample
 * of stored volumes with their true slice counts, and no identifying value of any input reaches any output.
 */
class DicomBuildTest {
  /** Attributes whose values identify a patient, a study or an institution (PS3.15 Annex E, Table E.1-1). */
  static final List<String> IDENTIFYING = List.of("PatientName", "PatientID", "PatientBirthDate",
      "OtherPatientIDs", "StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "FrameOfReferenceUID",
      "AccessionNumber", "StudyID", "InstitutionName", "InstitutionAddress", "ReferringPhysicianName",
      "PerformingPhysicianName", "OperatorsName", "StationName", "DeviceSerialNumber", "StudyDate",
      "SeriesDate", "AcquisitionDate", "ContentDate", "StudyTime", "SeriesTime");

  @TempDir static Path out;
  static List<Sample> medmd;

  @BeforeAll
  static void build() throws IOException {
    BuildJob.run(BuildPipelineTest.options(SharedCorpus.corpus("dicom"), out, Runners.Kind.DIRECT), null);
    medmd = OutputFiles.samples(out, OutputLayout.MEDMD);
  }

  @Test
  void seriesBecomeVolumesWithTheirSliceCounts() throws IOException {
    List<Sample> dicom = medmd.stream().filter(s -> s.source() == SourceDataset.DICOM).toList();
    assertEquals(9, dicom.size(), "3 series folders + 6 usable studies of dicom/single (see ReadersTest)");
    List<Integer> depths = new ArrayList<>();
    for (Sample s : dicom) {
      for (ImageRef i : s.images()) {
        if (i.kind() == ImageKind.VOLUME_3D) {
          NiftiImage nii = Nifti.read(out.resolve(i.path()));
          assertEquals(i.depth(), nii.dim()[2], i.id());
          depths.add(i.depth());
        }
      }
    }
    // the 3-slice CT, the 4-slice MR, the 20-slice prostate ADC and the 10-frame Enhanced MR
    assertEquals(List.of(3, 4, 10, 20), depths.stream().sorted().toList());
  }

  @Test
  void noIdentifyingValueOfAnyInputReachesAnyOutput() throws IOException {
    TreeSet<String> values = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SharedCorpus.corpus("dicom"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
        try {
          DicomFile d = DicomReader.pixelMed().readHeader(f);
          for (String k : IDENTIFYING) {
            d.dataset().string(k).map(String::strip).filter(v -> v.length() >= 6).ifPresent(values::add);
          }
        } catch (DicomDecodeException e) {
          // unreadable inputs contribute nothing to the outputs either
        }
      }
    }
    assertTrue(values.size() > 20, "the inputs do carry identifying values: " + values.size());
    Map<String, List<String>> leaks = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(f).toString();
        if (rel.startsWith(".radmd/")) {
          continue; // the de-identification key itself, never shared
        }
        String text = rel + "\n" + readable(f);
        List<String> found = values.stream().filter(text::contains).collect(Collectors.toList());
        if (!found.isEmpty()) {
          leaks.put(rel, found);
        }
      }
    }
    assertEquals(Map.of(), leaks);
  }

  /** Text files whole; NIfTI headers (decompressed, 352 bytes); other files by name only. */
  static String readable(Path f) throws IOException {
    String name = f.getFileName().toString();
    if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".md")) {
      return Files.readString(f, StandardCharsets.UTF_8);
    }
    if (name.endsWith(".nii.gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(in.readNBytes(352));
        return header.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return "";
  }
}
