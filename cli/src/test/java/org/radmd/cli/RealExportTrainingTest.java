package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.pipelines.Runners;
import org.radmd.pipelines.build.BuildJob;
import org.radmd.pipelines.build.BuildOptions;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.model.DjlRadfmBackend;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmModel;
import org.radmd.radfm.text.RadfmTokenizer;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/**
 * The model's must-show on real data: {@code radmd build} of {@code ../shared/corpus} (DirectRunner), a small subset of
 * the real {@code radmd/instructions/train.jsonl} it writes (MedPix modality questions on single 2D images, one per
 * distinct answer, plus a few other lines), {@code radmd train --config tiny} for a fixed number of steps, after which
 * the mean loss of the last steps must be at most half that of the first and greedy answers to the training modality
 * questions must equal their training answers.
 */
class RealExportTrainingTest {
  private static final int MAX_MODALITY_LINES = 3;
  private static final int MAX_OTHER_LINES = 2;
  private static final int IMAGE_SIZE = 64;
  private static final int STEPS = 30;
  private static final int WINDOW = 3;
  private static final Pattern STEP_LOSS = Pattern.compile("(?m)^step (\\d+)/\\d+ loss (\\S+) ");

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Radmd.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  static boolean single2dImage(JsonNode line) {
    JsonNode images = line.get("images");
    return images.size() == 1 && "IMAGE_2D".equals(images.get(0).get("kind").asText());
  }

  static boolean only2dImages(JsonNode line) {
    for (JsonNode img : line.get("images")) {
      if (!"IMAGE_2D".equals(img.get("kind").asText())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void trainsOnARealExportSubsetUntilTheLossHalvesThenAnswersItsModalityQuestions(@TempDir Path build)
      throws Exception {
    BuildOptions o = PipelineOptionsFactory.as(BuildOptions.class);
    o.setInputDir(SharedCorpus.corpus().toString());
    o.setOutputDir(build.toString());
    o.setDeidSecret("00112233445566778899aabbccddeeff");
    o.setRadfmPrompts(SharedCorpus.root().resolve("radfm/prompts").toString());
    Runners.configure(o, Runners.Kind.DIRECT, null, 2);
    BuildJob.run(o, null);

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String s : Files.readAllLines(build.resolve("radmd/instructions/train.jsonl"), StandardCharsets.UTF_8)) {
      if (!s.isBlank()) {
        lines.add(json.readTree(s));
      }
    }
    // one MedPix modality line per distinct answer (and case), in the export's id order
    List<JsonNode> modality = new ArrayList<>();
    Set<String> answers = new HashSet<>();
    Set<String> cases = new HashSet<>();
    for (JsonNode l : lines) {
      if (modality.size() < MAX_MODALITY_LINES && "MPx".equals(l.get("source").asText())
          && "modality".equals(l.get("task").asText()) && single2dImage(l)
          && !answers.contains(l.get("answer").asText()) && !cases.contains(l.get("caseId").asText())) {
        modality.add(l);
        answers.add(l.get("answer").asText());
        cases.add(l.get("caseId").asText());
      }
    }
    assertTrue(modality.size() >= 2, "the real export should hold MedPix modality lines with distinct answers");
    // a few other tasks' lines (2D or text-only), the shortest answers first
    List<JsonNode> others = lines.stream()
        .filter(l -> !"modality".equals(l.get("task").asText()) && only2dImages(l))
        .sorted(Comparator.comparingInt((JsonNode l) -> l.get("answer").asText().length())
            .thenComparing(l -> l.get("id").asText()))
        .limit(MAX_OTHER_LINES).toList();
    List<String> subset = new ArrayList<>();
    for (JsonNode l : modality) {
      subset.add(json.writeValueAsString(l));
    }
    for (JsonNode l : others) {
      subset.add(json.writeValueAsString(l));
    }
    // a new export folder beside the build's radmd/, so its relative image paths name the build's real images
    Path data = build.resolve("radmd-subset");
    Files.createDirectories(data.resolve("instructions"));
    Files.write(data.resolve("instructions/train.jsonl"), subset, StandardCharsets.UTF_8);

    Path model = build.resolve("model");
    String tokenizer = SharedCorpus.root().resolve("radfm/language_files/tokenizer.model").toString();
    String[] r = run("train", "--data", data.toString(), "--config", "tiny", "--out", model.toString(),
        "--steps", Integer.toString(STEPS), "--batch", Integer.toString(subset.size()), "--lr", "5e-3",
        "--log-every", "1", "--image-size", Integer.toString(IMAGE_SIZE), "--tokenizer", tokenizer);
    assertEquals("0", r[0], r[1] + r[2]);
    System.out.print(r[1]);
    assertFalse(r[1].contains("skipp"), r[1]);
    List<Double> losses = new ArrayList<>();
    Matcher m = STEP_LOSS.matcher(r[1]);
    while (m.find()) {
      assertEquals(losses.size() + 1, Integer.parseInt(m.group(1)), r[1]);
      losses.add(Double.parseDouble(m.group(2)));
    }
    assertEquals(STEPS, losses.size(), r[1]);
    assertTrue(losses.stream().allMatch(Double::isFinite), r[1]);
    double first = losses.subList(0, WINDOW).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double last = losses.subList(STEPS - WINDOW, STEPS).stream().mapToDouble(Double::doubleValue).average()
        .orElseThrow();
    assertTrue(last <= first / 2, "mean loss of the last steps " + last + " vs first " + first + "\n" + r[1]);

    // greedy answers at the training image size (radmd ask loads images at 512 px)
    try (DjlRadfmBackend backend = new DjlRadfmBackend(ModelFiles.load(model, RadfmModel.defaultDevice(),
        DataType.FLOAT32), RadfmTokenizer.load(model.resolve(DjlRadfmBackend.TOKENIZER_FILE)), IMAGE_SIZE, 1, true)) {
      for (JsonNode l : modality) {
        Path image = build.resolve(l.get("images").get(0).get("path").asText());
        String answer = backend.generate(List.of(Prompt.of(l.get("question").asText(), List.of(image))),
            GenerationOptions.greedy(32)).get(0);
        assertEquals(l.get("answer").asText(), answer, l.get("id").asText() + "\n" + r[1]);
      }
    }
  }
}
