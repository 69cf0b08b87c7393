package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.pipelines.Runners;
import org.radmd.testing.SharedCorpus;

/**
 * Resumability: a local build of the real corpus (embedded Flink, in a child JVM) is killed with SIGKILL while it
 * stores images; the rerun into the same folder reuses every image and volume the killed run finished (same file,
 * not rewritten, counted by {@code normalize.files_reused}) and ends with byte-for-byte the JSONL of an
 * uninterrupted build. Skipped, with a message, only when no child JVM can be started.
 */
class ResumeBuildTest {

  /** Child JVM entry point: {@code <input> <out>}, one build on the embedded Flink runner. */
  public static void main(String[] args) throws IOException {
    BuildJob.run(BuildPipelineTest.options(Path.of(args[0]), Path.of(args[1]), Runners.Kind.FLINK), null);
  }

  @Test
  void interruptedBuildRerunReusesStoredImagesAndGivesTheSameOutputs(@TempDir Path out) throws Exception {
    List<byte[]> reference = EmbeddedReference.jsonl();
    Process child;
    try {
      child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), ResumeBuildTest.class.getName(),
          SharedCorpus.corpus().toString(), out.toString())
          .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile())
          .start();
    } catch (IOException e) {
      Assumptions.abort("cannot start a child JVM here: " + e);
      return;
    }
    // Kill it once it has stored a few images: mid-way through normalization.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (storedWhileWriting(out) < 6 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(child.isAlive(), "the build finished (or failed) before it could be interrupted");
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    Map<Path, Object> before = stored(out);
    assertTrue(before.size() >= 6, "images stored before the kill: " + before.size());
    assertTrue(OutputFiles.shards(out.resolve(OutputLayout.MEDMD), "samples").isEmpty(),
        "killed mid-way: no MedMD shard written yet");

    BuildReport rerun = BuildJob.run(BuildPipelineTest.options(SharedCorpus.corpus(), out, Runners.Kind.FLINK), null);

    FlinkRunnerTest.assertSameJsonl(reference, BuildPipelineTest.jsonl(out));
    Map<Path, Object> after = stored(out);
    for (Map.Entry<Path, Object> e : before.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), "reused, not rewritten: " + e.getKey());
    }
    assertEquals(stored(EmbeddedReference.out()).keySet(), after.keySet(), "the same stored files as a full build");
    try (Stream<Path> s = Files.walk(out.resolve("medmd"))) {
      assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
          "temporary files the killed run left are removed by the rerun");
    }
    // The counter covers 2D images and image-stack volumes; DICOM series are reused too (the unchanged files
    // above show it) but not counted.
    long reusedCount = rerun.stats().path("counters").path("normalize.files_reused").asLong();
    assertTrue(reusedCount >= 1 && reusedCount <= after.size(),
        "normalize.files_reused " + reusedCount + " of " + after.size() + " stored files");
  }

  /** {@link #stored} while another process writes (a temporary file may vanish mid-walk: then 0). */
  private static int storedWhileWriting(Path out) {
    try {
      return stored(out).size();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Stored images and volumes under {@code out/medmd}, relative path -> (inode key, mtime). */
  static Map<Path, Object> stored(Path out) throws IOException {
    Map<Path, Object> files = new TreeMap<>();
    for (String dir : new String[] {"medmd/images", "medmd/volumes"}) {
      Path root = out.resolve(dir);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          String name = p.getFileName().toString();
          // A hidden name is a writer's temporary file (written, then renamed into place), not a stored output.
          if (!name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".nii.gz"))) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            files.put(out.relativize(p), new ArrayList<>(List.of(String.valueOf(a.fileKey()),
                a.lastModifiedTime().toMillis())));
          }
        }
      }
    }
    return files;
  }
}
