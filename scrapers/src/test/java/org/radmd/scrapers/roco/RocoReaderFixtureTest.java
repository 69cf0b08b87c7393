package org.radmd.scrapers.roco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Reject;
import org.radmd.scrapers.ReadResult;

/** {@link RocoReader} on small hand-written folders: malformed and incomplete lines. */
class RocoReaderFixtureTest {
  private final RocoReader reader = new RocoReader();

  @Test
  void badLinesBecomeRejectsAndGoodOnesSamples(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("captions.txt"), String.join("\n",
        "ROCO_1\t CT of the chest.", "no tab here", "ROCO_2\t   ", "ROCO_1\t again", "ROCO_3\t MRI of the knee.",
        "ROCO_4\t Radiograph.", "ROCO_5\t Evil.", ""));
    Files.writeString(tmp.resolve("dlinks.txt"), String.join("\n",
        "ROCO_1\twget -r ftp://h/pub/pmc/oa_package/00/01/PMC1.tar.gz -P /path/to/Dir\ta.jpg",
        "ROCO_2\twget -r ftp://h/pub/pmc/oa_package/00/01/PMC2.tar.gz -P /path/to/Dir\tb.jpg",
        "ROCO_4\twget -r ftp://h/pub/pmc/oa_package/00/01/PMC4.tar.gz -P /path/to/Dir\td.jpg",
        "ROCO_5\twget -r ftp://h/pub/pmc/oa_package/00/01/PMC5.tar.gz -P /path/to/Dir\t../../etc/passwd"));
    Files.createDirectories(tmp.resolve("images"));
    Files.createFile(tmp.resolve("images/PMC1_a.jpg"));
    ReadResult r = reader.read(tmp.resolve("captions.txt"), tmp);
    assertEquals(List.of("roco-ROCO_1"), r.samples().stream().map(s -> s.id()).toList());
    assertEquals("unknown", r.samples().get(0).licence().id(), "no licences.txt");
    assertEquals("PMC1", r.samples().get(0).caseId(), "PMCID from the package name");
    assertFalse(r.samples().get(0).attributes().containsKey("keywords"));
    assertEquals(List.of("line-malformed", "caption-missing", "item-duplicate", "link-missing", "image-not-local",
        "link-missing"), r.rejects().stream().map(Reject::reason).toList());
  }

  @Test
  void unreadableSideFilesAreOneIoError(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("captions.txt"), "ROCO_1\tx\n");
    Files.createDirectories(tmp.resolve("dlinks.txt"));
    ReadResult r = reader.read(tmp.resolve("captions.txt"), tmp);
    assertEquals(List.of("io-error"), r.rejects().stream().map(Reject::reason).toList());
    assertFalse(reader.accepts(tmp.resolve("captions.txt")), "dlinks.txt is not a regular file");
  }
}
