package org.radmd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radmd.filters.FilterConfig;
import org.radmd.filters.RadmdFilters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radmd filter-eval}: measures the RadMD radiology decision against the source labels of a corpus folder
 * ({@link FilterEvaluation}) and prints accuracy per label source, confusion tables, the full rule chain's
 * outcomes, and misses. Exit code 1 when a label source's radiology accuracy or modality agreement falls below
 * {@code --min-accuracy}, or a dropped sample lacks a rule name and reason.
 */
@Command(name = "filter-eval", mixinStandardHelpOptions = true,
    description = "Measure the RadMD radiology/modality decision against the labels in a corpus folder "
        + "(MedPix modality, COVID-19-CT-CXR CT/CXR, MedICaT radiology flag, ROCO radiology split).")
final class FilterEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "Corpus folder (e.g. ../shared/corpus).")
  Path input;

  @Option(names = "--filters", description = "Filter configuration JSON (default: the built-in one).")
  Path filters;

  @Option(names = "--errors", defaultValue = "10", description = "Misses to list per label source.")
  int errors;

  @Option(names = "--min-accuracy", defaultValue = "0",
      description = "Fail (exit 1) when a label source's accuracy is below this, e.g. 0.95.")
  double minAccuracy;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("--input is not a folder: " + input);
    }
    FilterConfig config = filters == null ? FilterConfig.defaults() : FilterConfig.load(filters);
    FilterEvaluation eval = new FilterEvaluation(RadmdFilters.of(config)).run(input);
    var out = spec.commandLine().getOut();
    eval.print(out, input.toAbsolutePath().normalize(), errors);
    int failed = 0;
    for (FilterEvaluation.Score s : eval.scores()) {
      if (s.accuracy() < minAccuracy) {
        out.printf(Locale.ROOT, "FAIL: %s radiology accuracy %.4f < %.4f%n", s.source(), s.accuracy(),
            minAccuracy);
        failed++;
      }
      if (s.modalityNamed() > 0 && s.modalityAgreement() < minAccuracy) {
        out.printf(Locale.ROOT, "FAIL: %s modality agreement %.4f < %.4f%n", s.source(), s.modalityAgreement(),
            minAccuracy);
        failed++;
      }
    }
    out.flush();
    return failed == 0 && eval.dropsWithoutReason.isEmpty() ? 0 : 1;
  }
}
