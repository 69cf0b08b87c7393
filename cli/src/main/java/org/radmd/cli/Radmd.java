package org.radmd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code radmd} command. Exit codes: 0 success, 1 failure, 2 usage error. */
@Command(name = "radmd", mixinStandardHelpOptions = true, version = "radmd 0.1.0",
    description = "Rebuilds RadFM's MedMD / RadMD radiology corpora and searches them by disease. "
        + "Outputs are research data, not for clinical use.",
    subcommands = {BuildCommand.class, SearchCommand.class, ServeSearchCommand.class, HarvestCommand.class,
        FilterEvalCommand.class,
        ExportCommand.class, EvalCommand.class, ServeCommand.class,
        ModelInfoCommand.class, TrainCommand.class, AskCommand.class, CommandLine.HelpCommand.class})
public final class Radmd {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Radmd());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("radmd: " + ex.getMessage());
      if (System.getenv("RADMD_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cl;
  }
}
