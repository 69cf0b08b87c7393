package org.radmd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.data.InstructionReader;
import org.radmd.radfm.eval.Evaluator;
import org.radmd.radfm.eval.MedicalTermLexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radmd eval}: RadBench-style evaluation of a RadFM model on a RadMD instruction split
 * ({@link Evaluator}): writes predictions.jsonl, metrics.json and metrics.md and prints the table.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate a RadFM model on OUT/radmd/instructions/<split>.jsonl: accuracy (closed and yes/no), "
        + "BLEU-4, ROUGE-L and a medical-term F1 per task; writes predictions.jsonl, metrics.json and metrics.md.",
        "Research use only, not for clinical use."})
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model folder.")
  Path model;

  @Option(names = "--data", required = true, description = "The radmd folder of a build (OUT/radmd).")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "Split to evaluate (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--limit", defaultValue = "0", description = "Evaluate at most N items; 0 = all (default).")
  int limit;

  @Option(names = "--out", required = true, description = "Folder for predictions and metrics.")
  Path out;

  @Option(names = "--batch-size", defaultValue = "1", description = "Prompts per model call (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--max-new-tokens", defaultValue = "200",
      description = "Most tokens generated per answer, greedy decoding (default: ${DEFAULT-VALUE}, as RadFM's demo).")
  int maxNewTokens;

  @Option(names = "--vocab", description = "Disease Ontology .obo for the term metric (default as for build).")
  Path vocab;

  /** Test seam: how the model folder is opened. */
  BackendLoader.Factory backends = BackendLoader::load;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(InstructionReader.splitFile(data, split))) {
      throw new IllegalArgumentException("instruction file not found: " + InstructionReader.splitFile(data, split));
    }
    Path vocabFile = SharedPaths.vocabulary(vocab);
    MedicalTermLexicon lexicon = vocabFile == null ? MedicalTermLexicon.builtIn() : MedicalTermLexicon.load(vocabFile);
    PrintWriter w = spec.commandLine().getOut();
    if (vocabFile == null) {
      w.println("warning: no Disease Ontology file found; the term metric uses modality and anatomy terms only.");
    }
    Evaluator.Options options = new Evaluator.Options(split, limit, batchSize, GenerationOptions.greedy(maxNewTokens));
    try (RadfmBackend backend = backends.load(model)) {
      Evaluator.Report report = new Evaluator(backend, lexicon, options).run(data, out);
      w.print(Files.readString(out.resolve("metrics.md")));
      w.printf("radmd eval: %d items, %d failed, %d malformed lines; results in %s%n", report.overall().items(),
          report.errors(), report.skippedLines().size(), out);
      w.flush();
    }
    return 0;
  }
}
