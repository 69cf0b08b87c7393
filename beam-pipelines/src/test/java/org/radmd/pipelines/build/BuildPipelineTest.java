package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.NiftiImage;
import org.radmd.pipelines.Runners;
import org.radmd.testing.SharedCorpus;

/** The build on the DirectRunner over the real sample corpus in ../shared/corpus. */
class BuildPipelineTest {
  @TempDir static Path out;
  static BuildReport report;
  static Map<String, Sample> medmd;
  static Map<String, Sample> radmd;
  static List<Reject> rejects;

  static BuildOptions options(Path input, Path output, Runners.Kind kind) {
    BuildOptions o = PipelineOptionsFactory.as(BuildOptions.class);
    o.setInputDir(input.toString());
    o.setOutputDir(output.toString());
    // One fixed de-identification key, so that builds into different folders give the same DICOM pseudonyms.
    o.setDeidSecret("00112233445566778899aabbccddeeff");
    Runners.configure(o, kind, null, 2);
    return o;
  }

  @BeforeAll
  static void build() throws IOException {
    report = BuildJob.run(options(SharedCorpus.corpus(), out, Runners.Kind.DIRECT),
        SharedCorpus.root().resolve("vocab/doid.obo"));
    medmd = byId(OutputFiles.samples(out, OutputLayout.MEDMD));
    radmd = byId(OutputFiles.samples(out, OutputLayout.RADMD));
    rejects = OutputFiles.rejects(out);
  }

  static Map<String, Sample> byId(List<Sample> samples) {
    return samples.stream().collect(Collectors.toMap(Sample::id, Function.identity()));
  }

  static JsonNode expected(String relative) throws IOException {
    return Json.mapper().readTree(SharedCorpus.corpus(relative).toFile());
  }

  @Test
  void medmdHoldsEverySourceWithLocalImages() {
    Set<SourceDataset> sources = medmd.values().stream().map(Sample::source).collect(Collectors.toSet());
    // ROCO and COVID-19-CT-CXR ship no images (image-not-local rejects); the PMC case reports have none either.
    assertEquals(Set.of(SourceDataset.PMC_INLINE, SourceDataset.MPX, SourceDataset.RP3D, SourceDataset.MEDICAT,
        SourceDataset.DICOM), sources);
    assertEquals(medmd.size(), report.medmdSamples());
    assertEquals(10, medmd.values().stream().filter(s -> s.source() == SourceDataset.MEDICAT).count());
  }

  @Test
  void pmcCaptionsEqualExpected() throws IOException {
    int checked = 0;
    for (String article : List.of("PMC3003633", "PMC2270912")) {
      for (JsonNode fig : expected("pmc/" + article + "/expected.json").at("/extracted_from_file/figures")) {
        Sample s = medmd.get("pmci-" + article + "-" + fig.get("id").asText());
        assertNotNull(s, "figure " + fig.get("id") + " of " + article + " is in MedMD");
        assertEquals(fig.get("caption").asText(), s.text().caption());
        assertEquals(1, s.images().size());
        assertTrue(Files.isRegularFile(out.resolve(s.images().get(0).path())));
        assertFalse(s.licence().id().equals("unknown"), "licence recorded for " + s.id());
        checked++;
      }
    }
    assertEquals(8, checked);
  }

  @Test
  void figuresWithoutImageFilesAreRejectsNotSamples() throws IOException {
    for (String article : List.of("pmc/PMC3460867", "pmc_radiology/PMC6358577", "pmc_radiology/PMC6358581",
        "pmc_radiology/PMC2900587")) {
      for (JsonNode fig : expected(article + "/expected.json").at("/extracted_from_file/figures")) {
        String figId = fig.get("id").asText();
        assertTrue(rejects.stream().anyMatch(r -> r.stage() == Stage.PARSE
                && r.reason().equals("image-missing") && r.itemId() != null && r.itemId().endsWith("-" + figId)
                && r.origin().startsWith(article)),
            "image-missing reject for " + article + " " + figId);
      }
    }
  }

  @Test
  void medpixDiagnosesAndModalitiesEqualExpected() throws IOException {
    JsonNode cases = expected("medpix/expected.json").get("cases");
    assertEquals(7, cases.size());
    for (JsonNode c : cases) {
      Sample s = medmd.get("mpx-" + c.get("U_id").asText());
      assertNotNull(s, c.get("U_id").asText());
      assertEquals(List.of(c.get("Case Diagnosis").asText()), s.diagnoses());
      Set<Modality> expectedModalities = new LinkedHashSet<>();
      List<String> expectedLabels = new ArrayList<>();
      for (JsonNode img : c.get("images")) {
        expectedModalities.add(Modality.valueOf(img.get("Type").asText()));
        expectedLabels.add(img.get("image").asText() + "=" + img.get("Modality").asText());
      }
      assertEquals(expectedModalities, Set.copyOf(s.images().stream().map(ImageRef::modality).toList()));
      assertTrue(s.modalities().containsAll(expectedModalities), s.id() + " " + s.modalities());
      assertEquals(Set.copyOf(expectedLabels),
          Set.copyOf(s.images().stream().map(i -> i.id() + "=" + i.modalityLabel()).toList()));
      for (ImageRef i : s.images()) {
        assertEquals(1, i.depth());
        assertTrue(Math.max(i.shape().get(1), i.shape().get(2)) <= 512, "longest side capped: " + i.shape());
      }
    }
  }

  @Test
  void radiopaediaSeriesAreVolumesWithTrueSliceCounts() throws IOException {
    JsonNode series = expected("radiopaedia/rID-70432_medulloblastoma/expected.json").get("image_series_on_disk");
    int checked = 0;
    for (JsonNode ser : series) {
      String folder = ser.get("folder").asText();
      String study = folder.substring(0, folder.indexOf('/'));
      Sample s = medmd.get("rp3d-70432-" + study);
      assertNotNull(s, "study " + study);
      assertEquals(List.of("Medulloblastoma"), s.diagnoses());
      ImageRef vol = s.images().stream().filter(i -> i.id().equals(folder)).findFirst().orElseThrow();
      assertEquals(ImageKind.VOLUME_3D, vol.kind());
      assertEquals(List.of(3, 512, 512, ser.get("n_images").asInt()), vol.shape(), folder);
      NiftiImage nii = Nifti.read(out.resolve(vol.path()));
      assertEquals(ser.get("n_images").asInt(), nii.dim()[2], "NIfTI depth of " + folder);
      checked++;
    }
    assertEquals(9, checked);
  }

  @Test
  void radmdKeepsRadiologyAndDropsTheRest() {
    assertTrue(radmd.containsKey("rp3d-70432-0"), "CT study");
    assertTrue(radmd.containsKey("rp3d-70432-1"), "MR study");
    assertFalse(radmd.containsKey("rp3d-70432-2"), "histology photomicrograph is not radiology");
    assertTrue(radmd.get("rp3d-70432-0").modalities().contains(Modality.CT));
    assertTrue(radmd.get("rp3d-70432-1").modalities().contains(Modality.MR));
    assertEquals(7, radmd.keySet().stream().filter(id -> id.startsWith("mpx-")).count(), "all MedPix cases");
    assertTrue(rejects.stream().anyMatch(r -> r.stage() == Stage.FILTER && "rp3d-70432-2".equals(r.itemId())));
    for (Sample s : radmd.values()) {
      assertNotNull(s.attributes().get("radmd_rule"), s.id());
      assertNotNull(medmd.get(s.id()), "RadMD is a subset of MedMD: " + s.id());
    }
    assertTrue(radmd.values().stream().noneMatch(s -> s.source() == SourceDataset.PMC_INLINE),
        "the PMC figures with images are charts and pathway diagrams");
  }

  @Test
  void statsAndIndexAreWritten() throws IOException {
    JsonNode stats = Json.mapper().readTree(out.resolve("stats.json").toFile());
    assertEquals(medmd.size(), stats.at("/medmd/samples").asInt());
    assertEquals(radmd.size(), stats.at("/radmd/samples").asInt());
    assertEquals(rejects.size(), stats.at("/rejects/total").asInt());
    assertEquals(7, stats.at("/medmd/by_source/MPx").asInt());
    long volumes = medmd.values().stream().flatMap(s -> s.images().stream())
        .filter(i -> i.kind() == ImageKind.VOLUME_3D).count();
    assertEquals(volumes, stats.at("/medmd/volumes_3d").asLong());
    assertEquals(9, medmd.values().stream().filter(s -> s.source() == SourceDataset.RP3D)
        .flatMap(s -> s.images().stream()).filter(i -> i.kind() == ImageKind.VOLUME_3D).count());
    assertEquals(medmd.size(), stats.at("/index/documents").asInt());
    assertTrue(Files.isRegularFile(out.resolve("radmd/README.md")));
  }

  @Test
  void rerunIsByteIdenticalAndReusesStoredImages(@TempDir Path copy) throws IOException {
    List<byte[]> first = jsonl(out);
    BuildReport again = BuildJob.run(options(SharedCorpus.corpus(), out, Runners.Kind.DIRECT), null);
    List<byte[]> second = jsonl(out);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), second.get(i), "JSONL file " + i + " identical on rerun");
    }
    JsonNode counters = again.stats().get("counters");
    assertTrue(counters.path("normalize.files_reused").asLong() > 0, "rerun reused stored images: " + counters);
  }

  static List<byte[]> jsonl(Path root) throws IOException {
    List<byte[]> files = new ArrayList<>();
    for (String[] set : new String[][] {{"medmd", "samples"}, {"radmd", "samples"}, {"rejects", "rejects"}}) {
      for (Path p : OutputFiles.shards(root.resolve(set[0]), set[1])) {
        files.add(Files.readAllBytes(p));
      }
    }
    return files;
  }
}
