package org.radmd.scrapers.roco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.testing.SharedCorpus;

/** {@link RocoReader} on the real ROCO test/radiology split of the shared corpus (8,179 items, no images). */
class RocoReaderCorpusTest {
  private static final String FOLDER = "other/roco_test_radiology";
  private final RocoReader reader = new RocoReader();
  private final Path root = Expected.root();

  @Test
  void acceptsOnlyTheCaptionsFileBesideDlinks() {
    Path folder = SharedCorpus.corpus(FOLDER);
    assertTrue(reader.accepts(folder.resolve("captions.txt")));
    for (String other : List.of("dlinks.txt", "keywords.txt", "licences.txt")) {
      assertFalse(reader.accepts(folder.resolve(other)), other);
      assertEquals(java.util.Optional.empty(), Readers.readerFor(folder.resolve(other)), other);
    }
    assertTrue(Readers.readerFor(folder.resolve("captions.txt")).orElseThrow() instanceof RocoReader);
  }

  @Test
  void inPlaceEveryItemIsAnImageNotLocalRejectNamingItsPackage() throws Exception {
    ReadResult r = reader.read(SharedCorpus.corpus(FOLDER + "/captions.txt"), root);
    List<String> captionIds = Files.readAllLines(SharedCorpus.corpus(FOLDER + "/captions.txt")).stream()
        .map(l -> l.substring(0, l.indexOf('\t'))).toList();
    assertEquals(8179, captionIds.size());
    assertEquals(List.of(), r.samples());
    assertEquals(8179, r.rejects().size());
    for (int i = 0; i < r.rejects().size(); i++) {
      Reject j = r.rejects().get(i);
      assertEquals("ROCO", j.source());
      assertEquals(Stage.PARSE, j.stage());
      assertEquals("image-not-local", j.reason());
      assertEquals(FOLDER + "/captions.txt", j.origin());
      assertEquals("roco-" + captionIds.get(i), j.itemId());
    }
    Reject first = r.rejects().get(0);
    assertTrue(first.message().contains("ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/8d/34/PMC4608653.tar.gz"),
        first.message());
    assertTrue(first.message().contains("images/PMC4608653_cro-0008-0385-g01.jpg"), first.message());
  }

  /** A temporary copy of the four files plus an empty stand-in image for every item (ROCO ships no pixels). */
  @Test
  void withStandInImagesEveryItemIsASampleWithItsIdsLicenceAndKeywords(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("roco"));
    for (String f : List.of("captions.txt", "dlinks.txt", "keywords.txt", "licences.txt")) {
      Files.copy(SharedCorpus.corpus(FOLDER + "/" + f), dir.resolve(f));
    }
    Path images = Files.createDirectories(dir.resolve("images"));
    for (String line : Files.readAllLines(dir.resolve("licences.txt")).subList(1, 8180)) {
      Files.createFile(images.resolve(line.split(",")[1]));
    }
    ReadResult r = reader.read(dir.resolve("captions.txt"), tmp);
    assertEquals(List.of(), r.rejects());
    assertEquals(8179, r.samples().size());

    // counts of the CC column of licences.txt (cut -d, -f3 | sort | uniq -c)
    Map<String, Long> licences = r.samples().stream()
        .collect(Collectors.groupingBy(s -> s.licence().id(), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of("CC-BY", 3442L, "CC-BY-NC", 1305L, "CC-BY-NC-ND", 973L, "CC-BY-NC-SA", 1501L,
        "CC-BY-ND", 9L, "CC-BY-SA", 7L, "CC0-1.0", 4L, "unknown", 938L), licences);

    Sample s = r.samples().get(0);
    assertEquals("roco-ROCO_00001", s.id());
    assertEquals(SourceDataset.ROCO, s.source());
    assertEquals("PMC4608653", s.caseId());
    assertEquals("Axial MRI (coronal view).", s.text().caption());
    assertEquals("CC-BY-NC", s.licence().id());
    assertNull(s.licence().url(), "the code names no version");
    assertEquals("CC BY-NC", s.attributes().get("licence-code"));
    assertEquals("axial; coronal; mri; view", s.attributes().get("keywords"));
    assertEquals("PMC4608653_cro-0008-0385-g01.jpg", s.attributes().get("image-file"));
    assertEquals("ftp://ftp.ncbi.nlm.nih.gov/pub/pmc/oa_package/8d/34/PMC4608653.tar.gz",
        s.attributes().get("package-url"));
    assertEquals("ROCO_00001", s.provenance().originId());
    assertEquals("roco/captions.txt", s.provenance().origin());
    assertEquals("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4608653/", s.provenance().url());
    ImageRef img = s.images().get(0);
    assertEquals("ROCO_00001", img.id());
    assertEquals(ImageKind.IMAGE_2D, img.kind());
    assertEquals(images.resolve("PMC4608653_cro-0008-0385-g01.jpg").toString(), img.path());
    assertEquals(List.of("roco/images/PMC4608653_cro-0008-0385-g01.jpg"), img.sourceFiles());
    assertEquals(TextField.CAPTION, img.textField());
    assertEquals(0, img.position());

    Sample noCc = byId(r, "roco-ROCO_00036");
    assertEquals("unknown", noCc.licence().id());
    assertEquals("NO-CC CODE", noCc.licence().statement());
    assertEquals("Venography shows a large amount of thrombogenesis in the femoropoplitea vein before thrombolysis.",
        noCc.text().caption());
    Sample cc0 = byId(r, "roco-ROCO_18256");
    assertEquals("CC0-1.0", cc0.licence().id());
    assertEquals("PMC1570091", cc0.caseId());
    assertEquals("highresolution; nodule; arrow; subpleural; pulmonary; ct", cc0.attributes().get("keywords"));
  }

  private static Sample byId(ReadResult r, String id) {
    return r.samples().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
