package org.radmd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radmd.pipelines.export.ExportSettings;
import org.radmd.pipelines.export.RadmdExport;
import org.radmd.pipelines.export.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radmd export}: a selected part of a build's RadMD in the export layout (instructions, RadFM files). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write the RadMD export (radmd/instructions/{train,test}.jsonl, radmd/radfm/, dataset card, "
        + "report.html, stats.json; images linked under medmd/) for a selected subset of a build's RadMD.")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "A radmd build output folder.")
  Path from;

  @Option(names = "--out", required = true, description = "Export folder.")
  Path out;

  @Option(names = "--task", description = "Tasks, comma-separated: modality,diagnosis,vqa,report,rationale "
      + "(default all).")
  String tasks;

  @Option(names = "--modality", description = "Modalities, comma-separated DICOM codes, e.g. CT,MR (default all).")
  String modalities;

  @Option(names = "--source", description = "Sources, comma-separated, e.g. MPx,RP3D,PMC-Inline (default all).")
  String sources;

  @Option(names = "--max-per-case", defaultValue = "0",
      description = "At most N samples per case, the first by id (default 0 = all).")
  int maxPerCase;

  @Option(names = "--test-fraction", defaultValue = "0.1", description = "Share of case groups in test (0.1).")
  double testFraction;

  @Option(names = "--split-seed", defaultValue = "radmd", description = "Split and prompt seed (radmd).")
  String splitSeed;

  @Option(names = "--prompts", description = "RadFM's prompt folder "
      + "(default: $RADMD_PROMPTS or ../shared/radfm/prompts beside the checkout; else fixed prompts).")
  Path prompts;

  @Override
  public Integer call() throws Exception {
    Selector selector = Selector.parse(tasks, modalities, sources, maxPerCase);
    ExportSettings settings = new ExportSettings(testFraction, splitSeed, SharedPaths.prompts(prompts), selector);
    RadmdExport.Result r = RadmdExport.run(from, out, settings);
    var o = spec.commandLine().getOut();
    var splits = r.export().path("splits");
    o.printf("radmd export: %d samples, %d instruction lines (train %d, test %d) -> %s%n",
        r.export().path("funnel").path("selected_samples").asLong(), r.lines(),
        splits.path("train").path("lines").asLong(), splits.path("test").path("lines").asLong(),
        out.toAbsolutePath().normalize());
    return 0;
  }
}
