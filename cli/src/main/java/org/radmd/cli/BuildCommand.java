package org.radmd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.radmd.pipelines.Runners;
import org.radmd.pipelines.build.BuildJob;
import org.radmd.pipelines.build.BuildOptions;
import org.radmd.pipelines.build.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code radmd build}: the main job. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Harvest, normalize, deduplicate and filter a corpus folder into medmd/, radmd/, "
        + "rejects/, index/ and stats.json under --out.")
final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "Input folder (e.g. ../shared/corpus).")
  Path input;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(names = "--runner", defaultValue = "flink",
      description = "flink (default; embedded mini-cluster unless --flink-master) or direct.")
  String runner;

  @Option(names = "--flink-master", description = "HOST:PORT of a Flink 1.19 session cluster's REST endpoint.")
  String flinkMaster;

  @Option(names = "--parallelism", defaultValue = "0", description = "Flink parallelism (default: cores).")
  int parallelism;

  @Option(names = "--progress-seconds", defaultValue = "10",
      description = "Seconds between progress lines on stderr while the Flink job runs (0: none).")
  int progressSeconds;

  @Option(names = "--max-image-side", defaultValue = "512", description = "Cap on a 2D image's longest side, px.")
  int maxImageSide;

  @Option(names = "--volume-size", defaultValue = "512", description = "Volume slice size, px (square).")
  int volumeSize;

  @Option(names = "--min-text-chars", defaultValue = "-1",
      description = "RadMD: minimum text length, chars (default: the filter configuration's, 20).")
  int minTextChars;

  @Option(names = "--filters", description = "RadMD filter configuration JSON (default: the built-in one; "
      + "see radmd-filters.json in radmd-filters).")
  Path filters;

  @Option(names = "--shards", defaultValue = "1", description = "JSONL shards per output.")
  int shards;

  @Option(names = "--radfm-npy", description = "Also write RadMD volumes in RadFM's model-input layout "
      + "(radmd/npy/<sha256>.npy, float32 [3,512,512,D]; large).")
  boolean radfmNpy;

  @Option(names = "--test-fraction", defaultValue = "0.1",
      description = "RadMD export: share of case groups in the test split (default 0.1).")
  double testFraction;

  @Option(names = "--split-seed", defaultValue = "radmd", description = "RadMD export: split and prompt seed.")
  String splitSeed;

  @Option(names = "--prompts", description = "RadFM's prompt folder for the instruction export "
      + "(default: $RADMD_PROMPTS or ../shared/radfm/prompts beside the checkout; else fixed prompts).")
  Path prompts;

  @Option(names = "--vocab", description = "Disease Ontology .obo for index synonyms "
      + "(default: $RADMD_VOCAB or ../shared/vocab/doid.obo beside the checkout).")
  Path vocab;

  @Override
  public Integer call() throws Exception {
    BuildOptions options = PipelineOptionsFactory.as(BuildOptions.class);
    options.setJobName("radmd-build");
    options.setInputDir(input.toString());
    options.setOutputDir(out.toString());
    options.setMaxImageSide(maxImageSide);
    options.setVolumeSize(volumeSize);
    options.setMinTextChars(minTextChars);
    if (filters != null) {
      if (!java.nio.file.Files.isRegularFile(filters)) {
        throw new IllegalArgumentException("--filters file not found: " + filters);
      }
      options.setFiltersConfig(filters.toAbsolutePath().toString());
    }
    options.setShards(shards);
    options.setRadfmNpy(radfmNpy);
    options.setTestFraction(testFraction);
    options.setSplitSeed(splitSeed);
    Path promptDir = SharedPaths.prompts(prompts);
    options.setRadfmPrompts(promptDir == null ? "" : promptDir.toString());
    Runners.Kind kind = switch (runner.toLowerCase(java.util.Locale.ROOT)) {
      case "flink" -> Runners.Kind.FLINK;
      case "direct" -> Runners.Kind.DIRECT;
      default -> throw new IllegalArgumentException("--runner must be flink or direct, not " + runner);
    };
    Runners.configure(options, kind, flinkMaster, parallelism);
    options.setProgressSeconds(progressSeconds);
    BuildReport report = BuildJob.run(options, SharedPaths.vocabulary(vocab));
    var err = spec.commandLine().getOut();
    err.printf("radmd build: %d MedMD samples, %d RadMD samples, %d rejects in %.1f s -> %s%n",
        report.medmdSamples(), report.radmdSamples(), report.rejects(), report.seconds(), report.outputDir());
    err.printf("  stats: %s%n", report.outputDir().resolve("stats.json"));
    return 0;
  }
}
