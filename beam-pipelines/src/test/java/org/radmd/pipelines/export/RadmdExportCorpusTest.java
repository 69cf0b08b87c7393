package org.radmd.pipelines.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.filters.dedup.ImageMatcher;
import org.radmd.filters.dedup.PerceptualHash;
import org.radmd.pipelines.build.OutputFiles;
import org.radmd.pipelines.build.OutputLayout;
import org.radmd.scrapers.jats.CaseReportRow;
import org.radmd.testing.SharedCorpus;

/**
 * The export of a real build of {@code ../shared/corpus}, read back the way RadFM's dataset classes and the model
 * helpers read it. The build (with its own default export) is shared ({@link BuiltCorpus}); this class exports it
 * again with test fraction 0.5 so that both splits hold cases.
 */
class RadmdExportCorpusTest {
  static final Pattern NPY_SHAPE = Pattern.compile("'shape': \\((\\d+), (\\d+), (\\d+), (\\d+), (\\d+)\\)");
  static Path build;
  static Path exp;
  static ExportSettings settings;
  static Map<String, Sample> radmd;
  static Map<String, List<JsonNode>> lines = new TreeMap<>();

  @BeforeAll
  static void export() throws IOException {
    build = BuiltCorpus.output();
    exp = BuiltCorpus.tempDir("radmd-export");
    settings = new ExportSettings(0.5, "radmd", SharedCorpus.root().resolve("radfm/prompts"), Selector.ALL);
    RadmdExport.run(build, exp, settings);
    radmd = OutputFiles.samples(build, OutputLayout.RADMD).stream()
        .collect(Collectors.toMap(Sample::id, s -> s));
    for (String split : SplitAssigner.SPLITS) {
      List<JsonNode> l = new ArrayList<>();
      for (String line : Files.readAllLines(exp.resolve("radmd/instructions/" + split + ".jsonl"))) {
        l.add(Json.mapper().readTree(line));
      }
      lines.put(split, l);
    }
  }

  static Path radfm(String rel) {
    return exp.resolve("radmd/radfm").resolve(rel);
  }

  /** A RadFM CSV as pandas would read it: header, then records as column -> value. */
  static List<Map<String, String>> csv(String name, List<String> header) throws IOException {
    List<List<String>> rec = Csv.parse(Files.readString(radfm(name), StandardCharsets.UTF_8));
    assertEquals(header, rec.get(0), name + " header");
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rec.subList(1, rec.size())) {
      assertEquals(header.size(), r.size(), name + " record width");
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }

  static List<Map<String, String>> both(String stem, List<String> header) throws IOException {
    List<Map<String, String>> all = new ArrayList<>();
    for (String split : SplitAssigner.SPLITS) {
      all.addAll(csv(stem + "_" + split + ".csv", header));
    }
    return all;
  }

  @Test
  void bothSplitsHoldCasesAndNoSampleOrCaseIsInBoth() {
    Map<String, Set<String>> samples = new HashMap<>();
    Map<String, Set<String>> cases = new HashMap<>();
    lines.forEach((split, l) -> {
      samples.put(split, l.stream().map(n -> n.get("sampleId").asText()).collect(Collectors.toSet()));
      cases.put(split, l.stream().map(n -> n.get("caseId").asText()).collect(Collectors.toSet()));
      l.forEach(n -> assertEquals(split, n.get("split").asText()));
    });
    assertFalse(samples.get("train").isEmpty());
    assertFalse(samples.get("test").isEmpty());
    Set<String> both = new HashSet<>(samples.get("train"));
    both.retainAll(samples.get("test"));
    assertEquals(Set.of(), both, "samples in both splits");
    Set<String> bothCases = new HashSet<>(cases.get("train"));
    bothCases.retainAll(cases.get("test"));
    assertEquals(Set.of(), bothCases, "cases in both splits");
    // Every RadMD sample yields lines, so every one is in exactly one split.
    Set<String> all = new HashSet<>(samples.get("train"));
    all.addAll(samples.get("test"));
    assertEquals(radmd.keySet(), all);
  }

  @Test
  void noNearDuplicateImagesAcrossSplits() throws IOException {
    Map<String, List<Long>> hashes = new HashMap<>();
    for (String split : SplitAssigner.SPLITS) {
      Set<String> paths = new TreeSet<>();
      for (JsonNode n : lines.get(split)) {
        for (JsonNode i : n.get("images")) {
          paths.add(i.get("kind").asText().equals("IMAGE_2D") ? i.get("path").asText()
              : i.get("path").asText().replace(".nii.gz", ".png"));
        }
      }
      List<Long> h = new ArrayList<>();
      for (String p : paths) {
        BufferedImage img = ImageIO.read(exp.resolve(p).toFile());
        h.add(PerceptualHash.of(img));
      }
      hashes.put(split, h);
    }
    int threshold = ImageMatcher.DEFAULT.maxHamming();
    int min = 64;
    for (long a : hashes.get("train")) {
      for (long b : hashes.get("test")) {
        min = Math.min(min, PerceptualHash.hamming(a, b));
      }
    }
    assertTrue(hashes.get("train").size() > 5 && hashes.get("test").size() > 5);
    assertTrue(min > threshold, "closest train/test pHash pair is " + min + " bits, dedup threshold " + threshold);
  }

  @Test
  void instructionLinesFollowTheContract() throws IOException {
    List<String> fields = List.of("id", "sampleId", "caseId", "source", "split", "task", "question", "answer",
        "images", "modalities", "licence");
    Set<String> tasks = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (String split : SplitAssigner.SPLITS) {
      String previous = "";
      for (JsonNode n : lines.get(split)) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertEquals(fields, names);
        String id = n.get("id").asText();
        assertTrue(id.compareTo(previous) > 0, "sorted by id: " + previous + " then " + id);
        assertTrue(ids.add(id));
        previous = id;
        assertTrue(id.startsWith(n.get("sampleId").asText() + "/" + n.get("task").asText() + "/"), id);
        assertTrue(Instruction.TASKS.contains(n.get("task").asText()));
        tasks.add(n.get("task").asText());
        Sample s = radmd.get(n.get("sampleId").asText());
        assertEquals(s.caseId(), n.get("caseId").asText());
        assertEquals(s.source().displayName(), n.get("source").asText());
        assertEquals(s.licence().id(), n.get("licence").asText());
        String q = n.get("question").asText();
        int[] pos = Instruction.markerPositions(q);
        assertEquals(n.get("images").size(), pos.length, id + ": one marker per image");
        assertFalse(n.get("answer").asText().isBlank());
        Set<String> samplePaths = s.images().stream().map(ImageRef::path).collect(Collectors.toSet());
        for (int k = 0; k < pos.length; k++) {
          JsonNode img = n.get("images").get(k);
          assertEquals(pos[k], img.get("position").asInt(), id + " image " + k);
          String noMarkers = q.replace(Instruction.MARKER, "");
          assertTrue(pos[k] <= noMarkers.length());
          assertTrue(Files.isRegularFile(exp.resolve(img.get("path").asText())), img.get("path").asText());
          assertTrue(samplePaths.contains(img.get("path").asText()));
          assertEquals(4, img.get("shape").size());
          String kind = img.get("kind").asText();
          assertEquals(kind.equals("IMAGE_2D") ? 1 : img.get("shape").get(3).asInt(),
              img.get("shape").get(3).asInt());
        }
      }
    }
    assertEquals(Set.copyOf(Instruction.TASKS), tasks);
    // The model side's reader (radfm-model) accepts every line.
    for (String split : SplitAssigner.SPLITS) {
      var read = org.radmd.radfm.data.InstructionReader.read(
          org.radmd.radfm.data.InstructionReader.splitFile(exp.resolve("radmd"), split), 0);
      assertEquals(List.of(), read.problems(), split);
      assertEquals(lines.get(split).size(), read.records().size());
    }
  }

  @Test
  void radfmMedPixFilesNameExistingImagesAndEveryCase() throws IOException {
    List<Map<String, String>> single = both("MedPix_single", List.of("name", "type", "context"));
    List<Map<String, String>> multi = both("MedPix_multi", List.of("name", "type", "context", "history"));
    assertTrue(both("MedPix_questions", List.of("name", "question", "answer", "explanation")).isEmpty());
    Path root = radfm("medpix/images/");
    Set<String> types = new HashSet<>();
    for (Map<String, String> r : single) {
      assertTrue(Files.isRegularFile(Path.of(root + "/" + r.get("name"))), r.get("name"));
      types.add(r.get("type"));
      assertFalse(r.get("context").isBlank());
    }
    assertEquals(Set.of("caption", "modality", "plane"), types);
    Set<String> cases = new HashSet<>();
    for (Map<String, String> r : multi) {
      for (String name : r.get("name").split(",")) {
        assertTrue(Files.isRegularFile(Path.of(root + "/" + name)), name);
        cases.add(name.substring(0, name.indexOf('_')));
      }
      assertTrue(Set.of("txFollowup", "ddx", "dxHow", "diagnosis", "findings", "exam", "discussion")
          .contains(r.get("type")));
    }
    Set<String> mpx = radmd.values().stream().filter(s -> s.source() == SourceDataset.MPX).map(Sample::caseId)
        .collect(Collectors.toSet());
    assertTrue(mpx.size() >= 5, "MedPix cases in RadMD: " + mpx);
    assertEquals(mpx, cases, "every MedPix case of RadMD is in MedPix_multi");
    // The pixels behind a name are the stored image's.
    Sample s = radmd.get("mpx-MPX2497");
    ImageRef first = s.images().get(0);
    assertTrue(Files.isSameFile(build.resolve(first.path()), Path.of(root + "/" + first.id() + ".png")));
  }

  @Test
  void radfmRp3dFilesAreWhatRadiopaediaLoadersRead() throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    for (String split : SplitAssigner.SPLITS) {
      JsonNode arr = Json.mapper().readTree(radfm("radiology_article_npy_" + split + ".json").toFile());
      assertTrue(arr.isArray());
      arr.forEach(entries::add);
    }
    List<Sample> rp3d = radmd.values().stream().filter(s -> s.source() == SourceDataset.RP3D).toList();
    assertTrue(rp3d.stream().anyMatch(s -> s.caseId().equals("rID-70432")), "the Radiopaedia case is in RadMD");
    assertEquals(rp3d.size(), entries.size(), "one entry per RP3D study");
    for (JsonNode e : entries) {
      for (String k : List.of("pre", "pat", "npy_path", "finding", "impression", "title")) {
        assertTrue(e.get(k).isTextual(), k);
      }
      for (String k : List.of("radiographic_features", "articles")) {
        assertTrue(e.get(k).isArray() && e.get(k).size() > 0, k);
        e.get(k).forEach(x -> assertTrue(x.isTextual()));
      }
      assertEquals("Medulloblastoma", e.get("title").asText());
      assertTrue(e.get("pat").asText().startsWith("Patient Data Age: 10 years"), e.get("pat").asText());
      assertFalse(e.get("pre").asText().contains("Age:"));
      Sample s = radmd.get(e.get("sample_id").asText());
      assertTrue(e.get("finding").asText().startsWith(s.text().findings().substring(0, 30)));
      Path npy = radfm(e.get("npy_path").asText());
      byte[] head = new byte[128];
      try (var in = Files.newInputStream(npy)) {
        assertEquals(128, in.readNBytes(head, 0, 128));
      }
      String header = new String(head, 10, 118, StandardCharsets.US_ASCII);
      Matcher m = NPY_SHAPE.matcher(header);
      assertTrue(m.find(), header);
      assertTrue(header.contains("'descr': '|u1'"));
      int series = s.images().size();
      int z = Integer.parseInt(m.group(5));
      List<Integer> depths = s.images().stream().map(ImageRef::depth).sorted().toList();
      assertArrayEquals(new int[] {series, 3, 512, 512, depths.get((series - 1) / 2)},
          new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)), z});
      assertEquals(128L + (long) series * 3 * 512 * 512 * z, Files.size(npy));
    }
    List<Map<String, String>> modality = both("radio_modality", List.of("image_path", "answer"));
    long series = rp3d.stream().mapToLong(s -> s.images().stream()
        .filter(i -> i.modality() != null || s.modalities().size() == 1).count()).sum();
    assertTrue(series >= 2);
    assertEquals(series, modality.size(), "one row per series of known modality");
    for (Map<String, String> r : modality) {
      assertTrue(Files.isRegularFile(radfm(r.get("image_path"))), r.get("image_path"));
      assertTrue(r.get("image_path").endsWith(".nii.gz"));
      assertTrue(Set.of("CT", "MRI").contains(r.get("answer")));
    }
    assertTrue(both("radiology_vqa", List.of("image_path", "question", "answer")).isEmpty());
  }

  @Test
  void radfmPaperAndCaseReportFilesNameExistingFigures() throws IOException {
    List<Map<String, String>> papers = both("paper", List.of("PMC_path"));
    Set<String> figures = new HashSet<>();
    for (Map<String, String> r : papers) {
      Path json = radfm(r.get("PMC_path"));
      String stem = json.getFileName().toString().split("\\.")[0];
      JsonNode sentences = Json.mapper().readTree(json.toFile());
      assertTrue(sentences.isArray() && sentences.size() > 0);
      for (JsonNode sentence : sentences) {
        assertTrue(sentence.get("text").isTextual());
        for (JsonNode fig : sentence.get("img_ref")) {
          Path img = radfm("figures/" + stem + "_" + fig.asText() + ".jpg");
          assertTrue(Files.isRegularFile(img), img.toString());
          assertTrue(ImageIO.read(img.toFile()) != null, "PIL-style open by content: " + img);
          figures.add(stem + "/" + fig.asText());
        }
      }
    }
    Set<SourceDataset> figureSources = Set.of(SourceDataset.PMC_INLINE, SourceDataset.MEDICAT, SourceDataset.ROCO,
        SourceDataset.COVID19_CT_CXR);
    Set<String> expected = radmd.values().stream().filter(s -> figureSources.contains(s.source()))
        .flatMap(s -> s.images().stream().map(i -> RadfmFiles.paperName(s.caseId()) + "/"
            + org.radmd.core.Ids.safe(i.id())))
        .collect(Collectors.toSet());
    assertTrue(expected.size() >= 5, "PMC figures in RadMD: " + expected);
    assertEquals(expected, figures, "every RadMD PMC figure is cited in its paper file");
    List<Map<String, String>> reports = both("filtered_case_report", CaseReportRow.COLUMNS);
    for (Map<String, String> r : reports) {
      for (String fig : Csv.parsePythonList(r.get("img_ref"))) {
        assertTrue(Files.isRegularFile(radfm("figures/" + r.get("PMC_id") + "_" + fig + ".jpg")));
      }
    }
  }

  @Test
  void statsCardAndReportDescribeTheBuild() throws IOException {
    JsonNode stats = Json.mapper().readTree(build.resolve("stats.json").toFile());
    JsonNode dedup = stats.get("dedup");
    for (String k : List.of("exact", "near-image", "near-volume", "near-text")) {
      assertTrue(dedup.get("by_kind").has(k), k);
    }
    List<Reject> rejects = OutputFiles.rejects(build);
    long dedupRejects = rejects.stream().filter(r -> r.stage() == Stage.DEDUP).count();
    assertEquals(dedupRejects, dedup.get("removed").asLong());
    long pairs = 0;
    for (Iterator<JsonNode> it = dedup.get("by_source_pair").elements(); it.hasNext();) {
      pairs += it.next().asLong();
    }
    assertEquals(dedupRejects, pairs);
    JsonNode funnel = stats.get("export").get("funnel");
    long filtered = rejects.stream().filter(r -> r.stage() == Stage.FILTER).count();
    long fromFunnel = 0;
    for (Iterator<JsonNode> it = funnel.get("filter_rejects_by_reason").elements(); it.hasNext();) {
      fromFunnel += it.next().asLong();
    }
    assertEquals(filtered, fromFunnel);
    assertEquals(radmd.size(), funnel.get("radmd_samples").asLong());
    JsonNode splits = stats.get("export").get("splits");
    assertEquals(radmd.size(),
        splits.get("train").get("samples").asLong() + splits.get("test").get("samples").asLong());
    // The build's own export (default fraction 0.1) is there too, and its line counts match its files.
    for (String split : SplitAssigner.SPLITS) {
      long n = Files.readAllLines(build.resolve("radmd/instructions/" + split + ".jsonl")).size();
      assertEquals(n, splits.get(split).get("lines").asLong());
    }

    String card = Files.readString(build.resolve("radmd/README.md"));
    for (String s : List.of("## Splits", "## Duplicates removed", "## Filter funnel", "near-volume",
        "## Samples by licence", "## Instruction lines by task", "MedPix_questions_train.csv")) {
      assertTrue(card.contains(s), s);
    }
    rejects.stream().filter(r -> r.stage() == Stage.FILTER).map(Reject::reason).distinct()
        .forEach(reason -> assertTrue(card.contains("dropped: " + reason), reason));

    Path html = exp.resolve("radmd/report.html");
    String page = Files.readString(html);
    assertTrue(page.contains("<svg"));
    assertFalse(page.toLowerCase().contains("<script"));
    assertFalse(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no network");
    Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(page);
    int thumbnails = 0;
    while (img.find()) {
      assertTrue(img.group(1).startsWith("../medmd/"));
      assertTrue(Files.isRegularFile(html.getParent().resolve(img.group(1)).normalize()), img.group(1));
      thumbnails++;
    }
    assertTrue(thumbnails >= 4, "example thumbnails: " + thumbnails);
  }

  @Test
  void rerunIsByteIdentical() throws IOException {
    Path again = BuiltCorpus.tempDir("radmd-export-again");
    RadmdExport.run(build, again, settings);
    List<Path> files;
    try (Stream<Path> s = Files.walk(exp.resolve("radmd"))) {
      files = s.filter(Files::isRegularFile).map(p -> exp.relativize(p)).sorted().toList();
    }
    List<Path> files2;
    try (Stream<Path> s = Files.walk(again.resolve("radmd"))) {
      files2 = s.filter(Files::isRegularFile).map(p -> again.relativize(p)).sorted().toList();
    }
    assertEquals(files, files2);
    assertTrue(files.size() > 40);
    for (Path f : files) {
      assertEquals(-1L, Files.mismatch(exp.resolve(f), again.resolve(f)), f.toString());
    }
    assertEquals(-1L, Files.mismatch(build.resolve("radmd/instructions/train.jsonl"),
        build.resolve("radmd/instructions/train.jsonl")));
  }

  @Test
  void selectorsFilterAndKeepTheFullExportsSplits() throws IOException {
    Path sub = BuiltCorpus.tempDir("radmd-export-sub");
    Selector sel = Selector.parse("modality,diagnosis", "CT", "MPx,RP3D", 1);
    RadmdExport.run(build, sub, new ExportSettings(0.5, "radmd", null, sel));
    Map<String, String> fullSplit = new HashMap<>();
    lines.forEach((split, l) -> l.forEach(n -> fullSplit.put(n.get("sampleId").asText(), split)));
    Map<String, Set<String>> samplesPerCase = new HashMap<>();
    int count = 0;
    for (String split : SplitAssigner.SPLITS) {
      for (String line : Files.readAllLines(sub.resolve("radmd/instructions/" + split + ".jsonl"))) {
        JsonNode n = Json.mapper().readTree(line);
        count++;
        assertTrue(Set.of("modality", "diagnosis").contains(n.get("task").asText()));
        assertTrue(Set.of("MPx", "RP3D").contains(n.get("source").asText()));
        Sample s = radmd.get(n.get("sampleId").asText());
        assertTrue(s.modalities().contains(org.radmd.core.Modality.CT), s.id());
        assertEquals(fullSplit.get(s.id()), split, "same split as the full export");
        samplesPerCase.computeIfAbsent(s.caseId(), k -> new HashSet<>()).add(s.id());
        for (JsonNode i : n.get("images")) {
          assertTrue(Files.isRegularFile(sub.resolve(i.get("path").asText())), "images linked into the export");
        }
      }
    }
    assertTrue(count > 0);
    samplesPerCase.forEach((c, ids) -> assertEquals(1, ids.size(), c));
    // The first selected sample (by id) of each case with a CT sample from MPx or RP3D; rID-70432 has a CT and an
    // MR study, and only the CT one passes.
    Map<String, String> expected = new TreeMap<>();
    radmd.values().stream().sorted(java.util.Comparator.comparing(Sample::id))
        .filter(s -> Set.of(SourceDataset.MPX, SourceDataset.RP3D).contains(s.source()))
        .filter(s -> s.modalities().contains(org.radmd.core.Modality.CT))
        .forEach(s -> expected.putIfAbsent(s.caseId(), s.id()));
    assertTrue(expected.containsKey("rID-70432") && expected.size() >= 3, expected.toString());
    Map<String, String> got = new TreeMap<>();
    samplesPerCase.forEach((c, ids) -> got.put(c, ids.iterator().next()));
    assertEquals(expected, got);
    // RadFM files follow the task selection: no report rows, modality rows present.
    assertEquals(0, Csv.parse(Files.readString(sub.resolve("radmd/radfm/MedPix_single_train.csv"))).stream()
        .filter(r -> r.get(1).equals("caption")).count() + Csv.parse(Files.readString(
            sub.resolve("radmd/radfm/MedPix_single_test.csv"))).stream().filter(r -> r.get(1).equals("caption"))
        .count());
    JsonNode stats = Json.mapper().readTree(sub.resolve("stats.json").toFile());
    assertEquals(samplesPerCase.values().stream().mapToInt(Set::size).sum(),
        stats.get("export").get("funnel").get("selected_samples").asInt());
    assertTrue(Files.readString(sub.resolve("radmd/README.md")).contains("modality=CT"));
  }
}
