package org.radmd.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radmd.radfm.model.RadfmConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radmd model-info}: parameter counts and shapes of a RadFM-architecture config, computed without weights. */
@Command(name = "model-info", mixinStandardHelpOptions = true,
    description = "Parameter counts by component (and optionally every parameter's shape) of a model config, "
        + "computed from shapes only (nothing is allocated, so radfm-14b works on a laptop).")
final class ModelInfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "radfm-14b", description = "tiny, small or radfm-14b (default).")
  String config;

  @Option(names = "--shapes", description = "Also list every parameter (RadFM state-dict name) with its shape.")
  boolean shapes;

  @Override
  public Integer call() {
    RadfmConfig c = RadfmConfig.named(config);
    PrintWriter out = spec.commandLine().getOut();
    out.println(c);
    for (Map.Entry<String, Long> e : c.parameterCountsByComponent().entrySet()) {
      out.printf(Locale.ROOT, "%-16s %,18d%n", e.getKey(), e.getValue());
    }
    long n = c.parameterCount();
    out.printf(Locale.ROOT, "%-16s %,18d  (%d tensors; %.2f GB fp32, %.2f GB fp16/bf16)%n", "total", n,
        c.parameterShapes().size(), n * 4 / 1e9, n * 2 / 1e9);
    if (shapes) {
      for (Map.Entry<String, long[]> e : c.parameterShapes().entrySet()) {
        out.println(e.getKey() + " " + Arrays.toString(e.getValue()));
      }
    }
    out.flush();
    return 0;
  }
}
