package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/** {@code radmd build} then {@code radmd search} as a user runs them, on the real sample corpus. */
class RadmdCommandTest {
  @TempDir static Path out;
  static String buildOutput;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Radmd.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(args);
    return new Run(code, o.toString(), e.toString());
  }

  static String vocab() {
    return SharedCorpus.root().resolve("vocab/doid.obo").toString();
  }

  @BeforeAll
  static void build() {
    Run r = run("build", "--input", SharedCorpus.corpus().toString(), "--out", out.toString(),
        "--runner", "direct", "--vocab", vocab());
    assertEquals(0, r.code(), r.err());
    buildOutput = r.out();
  }

  @Test
  void buildReportsCounts() {
    assertTrue(buildOutput.matches("(?s)radmd build: \\d+ MedMD samples, \\d+ RadMD samples, \\d+ rejects.*"),
        buildOutput);
  }

  @Test
  void searchListsMedulloblastomaCasesFirst() throws Exception {
    Run r = run("search", "--index", out.resolve("index").toString(), "--json", "--vocab", vocab(),
        "medulloblastoma");
    assertEquals(0, r.code(), r.err());
    JsonNode hits = Json.mapper().readTree(r.out()).get("hits");
    List<String> cases = new ArrayList<>();
    hits.forEach(h -> cases.add(h.get("caseId").asText()));
    assertTrue(cases.size() >= 2, cases.toString());
    assertEquals(java.util.Set.of("MPX2497", "rID-70432"), java.util.Set.copyOf(cases.subList(0, 2)),
        "the two medulloblastoma cases come first: " + cases);

    Run text = run("search", "--index", out.resolve("index").toString(), "--vocab", vocab(), "medulloblastoma");
    assertEquals(0, text.code(), text.err());
    String first = text.out().lines().filter(l -> l.matches("\\s*1\\. .*")).findFirst().orElseThrow();
    assertTrue(first.toLowerCase().contains("medulloblastoma"), first);
  }

  @Test
  void snippetsArePlainTextOnTheTerminal() {
    assertEquals("a **mass** & <b>", SearchCommand.plainSnippet("a  <b>mass</b> &amp; &lt;b&gt;"));
  }

  @Test
  void modalityFilterKeepsOnlyThatModality() throws Exception {
    Run r = run("search", "--index", out.resolve("index").toString(), "--json", "--modality", "CT",
        "--vocab", vocab(), "medulloblastoma");
    assertEquals(0, r.code(), r.err());
    JsonNode hits = Json.mapper().readTree(r.out()).get("hits");
    assertTrue(hits.size() >= 1);
    hits.forEach(h -> assertTrue(h.get("modalities").toString().contains("CT"), h.toString()));
  }

  @Test
  void badArgumentsGiveAClearErrorAndExitCode() {
    Run missing = run("search", "--index", out.resolve("nope").toString(), "x");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("index folder not found"), missing.err());
    Run usage = run("build", "--input", "x");
    assertEquals(2, usage.code());
    Run modality = run("search", "--index", out.resolve("index").toString(), "--modality", "XX", "x");
    assertEquals(1, modality.code());
    assertTrue(modality.err().contains("unknown modality code"), modality.err());
  }
}
