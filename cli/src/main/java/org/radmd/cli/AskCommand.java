package org.radmd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.model.DjlRadfmBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radmd ask}: one question with images to a trained model folder. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer a question about images with a model folder written by 'radmd train'. Research use only, "
        + "not for clinical decisions.")
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model folder (config.json + model.safetensors).")
  Path model;

  @Option(names = "--image", split = ",", description = "Image files (PNG/JPEG or NIfTI .nii/.nii.gz), in marker "
      + "order. Without <image> markers in the question, the images go before it (RadFM's demo layout).")
  List<Path> images = new ArrayList<>();

  @Parameters(arity = "1", paramLabel = "QUESTION", description = "Question with one <image> marker per image.")
  String question;

  @Option(names = "--max-new-tokens", defaultValue = "200", description = "Most tokens to generate (default 200).")
  int maxNewTokens;

  @Option(names = "--sample", description = "Sample (top-k / temperature) instead of greedy decoding.")
  boolean sample;

  @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature.")
  double temperature;

  @Option(names = "--top-k", defaultValue = "50", description = "Sample among the k most likely tokens.")
  int topK;

  @Option(names = "--seed", defaultValue = "0", description = "Sampling seed.")
  long seed;

  @Override
  public Integer call() throws Exception {
    for (Path p : images) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("image not found: " + p);
      }
    }
    String q = question;
    if (Prompt.countMarkers(q) == 0 && !images.isEmpty()) {
      q = Prompt.IMAGE_MARKER.repeat(images.size()) + q;
    }
    GenerationOptions options = sample
        ? GenerationOptions.sampling(maxNewTokens, temperature, topK, seed)
        : GenerationOptions.greedy(maxNewTokens);
    try (DjlRadfmBackend backend = DjlRadfmBackend.load(model)) {
      String answer = backend.generate(List.of(Prompt.of(q, images)), options).get(0);
      PrintWriter out = spec.commandLine().getOut();
      out.println(answer);
      out.flush();
    }
    return 0;
  }
}
