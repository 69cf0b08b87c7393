package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.pipelines.Runners;
import org.radmd.testing.SharedCorpus;

/**
 * Bad input never stops a run: a truncated article, an unreadable image and a missing image each become a
 * reject with a reason, and the rest of the corpus still comes through. The input is a scratch copy of real
 * corpus folders, damaged in a temporary directory.
 */
class FaultToleranceTest {

  @Test
  void damagedInputsBecomeRejectsAndTheRunCompletes(@TempDir Path input, @TempDir Path out) throws IOException {
    copyTree(SharedCorpus.corpus("pmc/PMC3003633"), input.resolve("pmc/PMC3003633"));
    copyTree(SharedCorpus.corpus("medpix"), input.resolve("medpix"));
    Path nxml = SharedCorpus.corpus("pmc/PMC2270912/pone.0001908.nxml");
    byte[] full = Files.readAllBytes(nxml);
    Files.createDirectories(input.resolve("pmc/truncated"));
    Files.write(input.resolve("pmc/truncated/pone.0001908.nxml"), java.util.Arrays.copyOf(full, full.length / 2));
    // F1's image is garbage, F2's is gone (its thumbnail .gif too).
    Path article = input.resolve("pmc/PMC3003633");
    Files.write(article.resolve("1475-2859-9-89-1.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
    Files.delete(article.resolve("1475-2859-9-89-2.jpg"));
    Files.delete(article.resolve("1475-2859-9-89-2.gif"));

    BuildOptions o = BuildPipelineTest.options(input, out, Runners.Kind.DIRECT);
    BuildReport report = BuildJob.run(o, null);

    List<Reject> rejects = OutputFiles.rejects(out);
    List<Sample> medmd = OutputFiles.samples(out, OutputLayout.MEDMD);
    assertTrue(rejects.stream().anyMatch(r -> r.stage() == Stage.PARSE && r.reason().equals("xml-malformed")
        && r.origin().equals("pmc/truncated/pone.0001908.nxml")), "truncated nxml: " + rejects);
    assertTrue(rejects.stream().anyMatch(r -> r.stage() == Stage.NORMALIZE
        && r.reason().equals("image-unreadable") && "pmci-PMC3003633-F1".equals(r.itemId())), "bad jpg");
    assertTrue(rejects.stream().anyMatch(r -> r.reason().equals("image-missing")
        && "pmci-PMC3003633-F2".equals(r.itemId())), "missing image");
    assertTrue(medmd.stream().anyMatch(s -> s.id().equals("pmci-PMC3003633-F3")), "F3 still harvested");
    assertEquals(7, medmd.stream().filter(s -> s.id().startsWith("mpx-")).count(), "MedPix untouched");
    assertEquals(report.rejects(), rejects.size());
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
