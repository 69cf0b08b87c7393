package org.radmd.pipelines.build;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.radmd.core.Json;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.SampleIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code radmd build} main job: the {@link BuildPipeline} on the configured runner, then, from its
 * outputs, the Lucene index of MedMD, the RadMD export (splits, instruction JSONL, RadFM files, dataset card and
 * HTML report; {@link org.radmd.pipelines.export.RadmdExport}) and {@code stats.json}.
 *
 * <p>A rerun into the same output folder replaces the JSONL records and the index and reuses every stored
 * image and volume (they are content-addressed). Not thread-safe: one job per output folder at a time.
 */
public final class BuildJob {
  private static final Logger LOG = LoggerFactory.getLogger(BuildJob.class);

  private BuildJob() {}

  /**
   * Runs the build.
   *
   * @param options pipeline options, runner included (see {@link org.radmd.pipelines.Runners})
   * @param vocabulary Disease Ontology OBO file for the index's synonyms, or null for none
   * @throws IllegalArgumentException if the input folder does not exist
   * @throws IOException if outputs cannot be written or read back
   * @throws IllegalStateException if the pipeline does not finish in state DONE
   */
  public static BuildReport run(BuildOptions options, Path vocabulary) throws IOException {
    long start = System.nanoTime();
    Path input = Path.of(options.getInputDir()).toAbsolutePath().normalize();
    Path out = Path.of(options.getOutputDir()).toAbsolutePath().normalize();
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("input folder does not exist: " + input);
    }
    options.setInputDir(input.toString());
    options.setOutputDir(out.toString());
    if (options.getDeidSecret() == null || options.getDeidSecret().isBlank()) {
      options.setDeidSecret(deidSecret(out));
    }
    Files.createDirectories(out);
    OutputFiles.clearRecords(out);

    Pipeline p = Pipeline.create(options);
    BuildPipeline.expand(p, options);
    LOG.info("build: {} -> {} on {}", input, out, options.getRunner().getSimpleName());
    PipelineResult result;
    PipelineResult.State state;
    try (BuildProgress progress = BuildProgress.start(options, System.err,
        java.time.Duration.ofSeconds(options.getProgressSeconds()))) { // per-stage counts + ETA on the console
      result = p.run();
      state = result.waitUntilFinish();
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("build pipeline ended in state " + state);
    }

    List<Sample> medmd = OutputFiles.samples(out, OutputLayout.MEDMD);
    List<Sample> radmd = OutputFiles.samples(out, OutputLayout.RADMD);
    List<Reject> rejects = OutputFiles.rejects(out);
    int indexed = index(out.resolve(OutputLayout.INDEX), medmd, vocabulary);
    org.radmd.pipelines.export.RadmdExport.Result export = org.radmd.pipelines.export.RadmdExport.run(out, out,
        org.radmd.pipelines.export.ExportSettings.of(options)); // instructions, RadFM files, card, report.html
    int npy = options.getRadfmNpy() ? writeRadfmNpy(out, radmd) : 0;

    double seconds = (System.nanoTime() - start) / 1e9;
    ObjectNode stats = JsonNodeFactory.instance.objectNode();
    stats.set("medmd", BuildStats.ofSamples(medmd));
    stats.set("radmd", BuildStats.ofSamples(radmd));
    stats.set("rejects", BuildStats.ofRejects(rejects));
    stats.set("dedup", export.dedup());
    stats.set("export", export.export());
    ObjectNode index = stats.putObject("index");
    index.put("documents", indexed);
    index.put("vocabulary", vocabulary == null ? "none" : vocabulary.getFileName().toString());
    stats.set("counters", BuildStats.toNode(counters(result)));
    if (npy > 0) {
      stats.put("radfm_npy_files", npy);
    }
    stats.put("runner", options.getRunner().getSimpleName());
    stats.put("elapsed_seconds", Math.round(seconds * 10) / 10.0);
    Files.writeString(out.resolve(OutputLayout.STATS),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats) + "\n", StandardCharsets.UTF_8);
    return new BuildReport(out, stats, medmd.size(), radmd.size(), rejects.size(), seconds);
  }

  /**
   * The build's de-identification key (hex): {@code RADMD_DEID_SECRET} when set (at least 16 characters), else
   * the key kept in {@code OUT/.radmd/deid.key}, else 32 new random bytes written there (owner-only
   * permissions). So a rerun into the same output gives the same pseudonyms and byte-identical JSONL, while
   * two output folders cannot be linked. The key file must never be shared with the outputs.
   */
  static String deidSecret(Path out) throws IOException {
    String env = System.getenv("RADMD_DEID_SECRET");
    if (env != null && env.length() >= 16) {
      return java.util.HexFormat.of().formatHex(env.getBytes(StandardCharsets.UTF_8));
    }
    Path keyFile = out.resolve(".radmd/deid.key");
    if (Files.isRegularFile(keyFile)) {
      return Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
    }
    Files.createDirectories(keyFile.getParent());
    String key = java.util.HexFormat.of().formatHex(org.radmd.core.dicom.Deidentifier.newSecret());
    Files.writeString(keyFile, key + "\n", StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.warn("cannot restrict permissions of {}", keyFile);
    }
    return key;
  }

  /**
   * Writes RadFM's model-input {@code .npy} ({@link org.radmd.core.image.RadfmInput}) of every volume in RadMD
   * to {@code radmd/npy/<sha256>.npy}, named by the volume's hash; an existing file is kept (resume).
   */
  static int writeRadfmNpy(Path out, List<Sample> radmd) throws IOException {
    int written = 0;
    for (Sample s : radmd) {
      for (org.radmd.core.ImageRef i : s.images()) {
        if (i.kind() != org.radmd.core.ImageKind.VOLUME_3D) {
          continue;
        }
        Path target = out.resolve(OutputLayout.RADMD).resolve("npy").resolve(i.pixelHash() + ".npy");
        if (!Files.exists(target)) {
          org.radmd.core.image.RadfmInput.writeNpy(org.radmd.core.image.Nifti.read(out.resolve(i.path())), target);
        }
        written++;
      }
    }
    return written;
  }

  private static int index(Path dir, List<Sample> samples, Path vocabulary) throws IOException {
    DiseaseVocabulary vocab = vocabulary == null ? DiseaseVocabulary.empty() : DiseaseVocabulary.load(vocabulary);
    try (SampleIndexer indexer = SampleIndexer.open(dir, vocab)) {
      for (Sample s : samples) {
        indexer.upsert(s);
      }
      indexer.forceMerge(1); // commits; one segment keeps disease queries with facets fast (BENCHMARKS.md §5)
      return indexer.numDocs();
    }
  }

  /** Beam counters as "namespace.name" -> value (attempted values: not every runner commits metrics). */
  static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> out = new TreeMap<>();
    try {
      MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder().build());
      for (MetricResult<Long> c : q.getCounters()) {
        String key = c.getName().getNamespace() + "." + c.getName().getName();
        out.merge(key, c.getAttempted(), Long::sum);
      }
    } catch (UnsupportedOperationException e) {
      LOG.warn("runner reports no metrics: {}", e.getMessage());
    }
    return out;
  }
}
