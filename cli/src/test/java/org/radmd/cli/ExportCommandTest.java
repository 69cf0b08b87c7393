package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import picocli.CommandLine;

/** {@code radmd export} on a small hand-made build output: selection, exit codes, files. */
class ExportCommandTest {

  static Sample mpx(Path out, String caseId, Modality m, int shade) throws IOException {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        img.getRaster().setSample(x, y, 0, (x * shade + y * 7) & 0xff);
      }
    }
    String hash = String.format("%064x", shade);
    String rel = "medmd/images/" + hash.substring(0, 2) + "/" + hash + ".png";
    Files.createDirectories(out.resolve(rel).getParent());
    ImageIO.write(img, "png", out.resolve(rel).toFile());
    ImageRef ref = ImageRef.unresolved(caseId + "_img", ImageKind.IMAGE_2D, "x", List.of(), TextField.FINDINGS, 0, m,
        m.name() + " - label", "Axial", "A caption of " + caseId + ".").stored(rel, List.of(3, 32, 32, 1), hash);
    return new Sample("mpx-" + caseId, SourceDataset.MPX, caseId, SampleText.builder().title("Dx " + caseId)
        .history("History of " + caseId + ".").findings("Findings of " + caseId + ".").impression("Dx " + caseId)
        .build(), List.of(ref), List.of(m), null, List.of("Dx " + caseId), new Licence("MedPix-NLM", null, null, null),
        new Provenance("medpix/data.jsonl", caseId, null, null, null, "test"), null, null);
  }

  static void write(Path file, List<Sample> samples) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder();
    samples.forEach(s -> sb.append(Json.write(s)).append('\n'));
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  static int run(StringWriter o, StringWriter e, String... args) {
    CommandLine cl = Radmd.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    return cl.execute(args);
  }

  @Test
  void exportsTheSelectedSubset(@TempDir Path from, @TempDir Path to) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      samples.add(mpx(from, "MPX" + (100 + i), i % 2 == 0 ? Modality.CT : Modality.MR, 3 + i));
    }
    write(from.resolve("medmd/samples-00000-of-00001.jsonl"), samples);
    write(from.resolve("radmd/samples-00000-of-00001.jsonl"), samples);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = run(o, e, "export", "--from", from.toString(), "--out", to.toString(), "--task", "modality,diagnosis",
        "--modality", "CT", "--test-fraction", "0.5", "--prompts", from.resolve("no-prompts").toString());
    assertEquals(1, code, "a missing prompt folder is an error: " + e);
    assertTrue(e.toString().contains("prompt folder not found"), e.toString());

    o = new StringWriter();
    e = new StringWriter();
    code = run(o, e, "export", "--from", from.toString(), "--out", to.toString(), "--task", "modality,diagnosis",
        "--modality", "CT", "--test-fraction", "0.5");
    assertEquals(0, code, e.toString());
    assertTrue(o.toString().startsWith("radmd export: 4 samples, 8 instruction lines"), o.toString());
    int lines = 0;
    for (String split : List.of("train", "test")) {
      for (String line : Files.readAllLines(to.resolve("radmd/instructions/" + split + ".jsonl"))) {
        JsonNode n = Json.mapper().readTree(line);
        lines++;
        assertTrue(List.of("modality", "diagnosis").contains(n.get("task").asText()));
        assertEquals("[\"CT\"]", n.get("modalities").toString());
        assertTrue(Files.isRegularFile(to.resolve(n.get("images").get(0).get("path").asText())));
      }
    }
    assertEquals(8, lines);
    assertTrue(Files.isRegularFile(to.resolve("radmd/README.md")));
    assertTrue(Files.isRegularFile(to.resolve("radmd/report.html")));
    assertTrue(Files.isRegularFile(to.resolve("radmd/radfm/MedPix_single_train.csv")));
    assertTrue(Files.isRegularFile(to.resolve("stats.json")));

    Run bad = new Run();
    assertEquals(1, run(bad.o, bad.e, "export", "--from", from.toString(), "--out", to.toString(), "--task", "x"));
    assertTrue(bad.e.toString().contains("unknown task x"), bad.e.toString());
    assertEquals(2, run(new StringWriter(), new StringWriter(), "export", "--from", from.toString()));
  }

  static final class Run {
    final StringWriter o = new StringWriter();
    final StringWriter e = new StringWriter();
  }
}
