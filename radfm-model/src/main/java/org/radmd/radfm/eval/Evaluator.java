package org.radmd.radfm.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.radmd.core.Json;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.data.InstructionReader;
import org.radmd.radfm.data.InstructionRecord;

/**
 * RadBench-style evaluation (radfm-spec §5): generates an answer for every line of
 * {@code OUT/radmd/instructions/<split>.jsonl} with a {@link RadfmBackend} and scores it against the reference per
 * task ({@link TaskMetrics}). Writes to the output folder:
 *
 * <ul>
 *   <li>{@code predictions.jsonl}: one line per item: id, task, question, answer, prediction and the item's
 *       scores; or id, task and {@code error} when the item could not be answered (missing image, backend
 *       failure);
 *   <li>{@code metrics.json} and {@code metrics.md}: one row per task and an overall row.
 * </ul>
 *
 * <p>Items go to the backend in batches of consecutive lines that are all 2D or all 3D (RadFM never mixes them); a
 * failed batch is retried one item at a time so that one bad item does not fail the others. Failed items are
 * counted as errors and left out of the metrics; the report says how many. Every image of an item is passed
 * (RadFM's test script randomly keeps 8 of a sample's images; here the backend's own limit M applies, so runs are
 * deterministic). Not thread-safe (one run at a time).
 */
public final class Evaluator {
  private final RadfmBackend backend;
  private final MedicalTermLexicon lexicon;
  private final Options options;

  /**
   * @param split instruction file to read ({@code test} or {@code train})
   * @param limit read at most this many valid lines, 0 = all
   * @param batchSize prompts per backend call, at least 1
   * @param generation decoding settings
   */
  public record Options(String split, int limit, int batchSize, GenerationOptions generation) {
    public Options {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
      }
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be >= 0: " + limit);
      }
    }
  }

  /** What a run produced. */
  public record Report(List<TaskMetrics.Summary> tasks, TaskMetrics.Summary overall, int errors,
      List<InstructionReader.Problem> skippedLines) {}

  public Evaluator(RadfmBackend backend, MedicalTermLexicon lexicon, Options options) {
    this.backend = backend;
    this.lexicon = lexicon;
    this.options = options;
  }

  /**
   * Evaluates one split.
   *
   * @param radmdDir {@code OUT/radmd}; image paths are resolved against its parent, OUT
   * @param outDir created if needed; its predictions and metrics files are replaced
   * @throws IOException if the instruction file cannot be read or the outputs cannot be written
   */
  public Report run(Path radmdDir, Path outDir) throws IOException {
    Path file = InstructionReader.splitFile(radmdDir, options.split());
    if (!Files.isRegularFile(file)) {
      throw new IOException("instruction file not found: " + file);
    }
    Path outputRoot = radmdDir.toAbsolutePath().normalize().getParent();
    InstructionReader.Result read = InstructionReader.read(file, options.limit());
    Files.createDirectories(outDir);
    Map<String, TaskMetrics> byTask = new TreeMap<>();
    TaskMetrics overall = new TaskMetrics("all", lexicon);
    int errors = 0;
    try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve("predictions.jsonl"), StandardCharsets.UTF_8)) {
      List<InstructionRecord> records = read.records();
      int i = 0;
      while (i < records.size()) {
        int end = i + 1;
        while (end < records.size() && end - i < options.batchSize()
            && records.get(end).has3d() == records.get(i).has3d()) {
          end++;
        }
        List<InstructionRecord> batch = records.subList(i, end);
        List<Object> answers = answer(batch, outputRoot);
        for (int k = 0; k < batch.size(); k++) {
          InstructionRecord r = batch.get(k);
          ObjectNode line = Json.mapper().createObjectNode();
          line.put("id", r.id());
          line.put("task", r.task());
          if (answers.get(k) instanceof String prediction) {
            TaskMetrics.ItemScore s = byTask.computeIfAbsent(r.task(), t -> new TaskMetrics(t, lexicon))
                .add(r.answer(), prediction);
            overall.add(r.answer(), prediction);
            line.put("question", r.question());
            line.put("answer", r.answer());
            line.put("prediction", prediction);
            line.put("correct", s.correct());
            line.put("bleu4", round(s.bleu4()));
            line.put("rougeL", round(s.rougeL()));
            line.put("termF1", round(s.termF1()));
          } else {
            errors++;
            line.put("error", String.valueOf(answers.get(k)));
          }
          w.write(Json.mapper().writeValueAsString(line));
          w.newLine();
        }
        i = end;
      }
    }
    List<TaskMetrics.Summary> tasks = byTask.values().stream().map(TaskMetrics::summary).toList();
    Report report = new Report(tasks, overall.summary(), errors, read.problems());
    writeMetrics(report, outDir);
    return report;
  }

  /** Per record: the prediction (String) or an error message (a Problem). */
  private List<Object> answer(List<InstructionRecord> batch, Path outputRoot) {
    List<Object> out = new ArrayList<>();
    List<Prompt> prompts = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (InstructionRecord r : batch) {
      Prompt p = r.toPrompt(outputRoot);
      String missing = p.images().stream().filter(f -> !Files.isRegularFile(f)).map(f -> outputRoot.relativize(f))
          .map(Path::toString).findFirst().orElse(null);
      if (missing != null) {
        out.add(new Failure("image not found: " + missing));
        continue;
      }
      at.add(out.size());
      out.add(null);
      prompts.add(Prompt.of(p.question(), p.images()));
    }
    if (prompts.isEmpty()) {
      return out;
    }
    try {
      List<String> generated = backend.generate(prompts, options.generation());
      if (generated.size() != prompts.size()) {
        throw new IllegalStateException("backend returned " + generated.size() + " answers for " + prompts.size());
      }
      for (int k = 0; k < at.size(); k++) {
        out.set(at.get(k), generated.get(k));
      }
    } catch (RuntimeException batchFailure) {
      for (int k = 0; k < at.size(); k++) {
        try {
          out.set(at.get(k), backend.generate(List.of(prompts.get(k)), options.generation()).get(0));
        } catch (RuntimeException e) {
          out.set(at.get(k), new Failure(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
      }
    }
    return out;
  }

  /** An item that could not be answered. */
  private record Failure(String message) {
    @Override
    public String toString() {
      return message;
    }
  }

  private void writeMetrics(Report report, Path outDir) throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("split", options.split());
    root.put("items", report.overall().items());
    root.put("errors", report.errors());
    root.put("skippedLines", report.skippedLines().size());
    root.put("maxNewTokens", options.generation().maxNewTokens());
    root.put("decoding", options.generation().sample() ? "sampling" : "greedy");
    root.put("termLexiconDiseaseConcepts", lexicon.diseaseConcepts());
    ObjectNode tasks = root.putObject("tasks");
    for (TaskMetrics.Summary s : report.tasks()) {
      tasks.set(s.task(), summaryJson(s));
    }
    root.set("overall", summaryJson(report.overall()));
    root.put("notes", "accuracy: normalized exact match (yes/no: first word); BLEU-4 corpus unsmoothed, sentence "
        + "BLEU-4 smoothed (Chen & Cherry method 1, as NLTK); ROUGE-L F1 (LCS); term P/R/F1: Disease Ontology + "
        + "modality/anatomy concepts, a stand-in for UMLS precision/recall");
    Files.writeString(outDir.resolve("metrics.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    StringBuilder md = new StringBuilder();
    md.append("# RadBench-style evaluation, split `").append(options.split()).append("`\n\n");
    md.append(String.format(Locale.ROOT, "%d items scored, %d failed (left out), %d malformed lines skipped.%n%n",
        report.overall().items(), report.errors(), report.skippedLines().size()));
    md.append("| task | n | accuracy | yes/no n | yes/no acc | BLEU-4 corpus | BLEU-4 sent | ROUGE-L | term P | "
        + "term R | term F1 |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (TaskMetrics.Summary s : report.tasks()) {
      md.append(row(s));
    }
    md.append(row(report.overall()));
    md.append("\nAccuracy: normalized exact match (case, punctuation, spacing ignored; yes/no references match the "
        + "prediction's first word). BLEU-4: corpus-level unsmoothed, sentence-level mean with smoothing method 1 "
        + "(NLTK). ROUGE-L: mean LCS F-measure. Term P/R/F1: micro-averaged concepts from the Human Disease "
        + "Ontology plus imaging modality and anatomy terms, a stand-in for RadBench's UMLS precision/recall.\n");
    Files.writeString(outDir.resolve("metrics.md"), md.toString(), StandardCharsets.UTF_8);
  }

  private static ObjectNode summaryJson(TaskMetrics.Summary s) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("items", s.items());
    n.put("accuracy", round(s.accuracy()));
    n.put("yesNoItems", s.yesNoItems());
    n.put("yesNoAccuracy", round(s.yesNoAccuracy()));
    n.put("bleu4Corpus", round(s.bleu4Corpus()));
    n.put("bleu4Sentence", round(s.bleu4Sentence()));
    n.put("rougeL", round(s.rougeL()));
    n.put("termPrecision", round(s.termPrecision()));
    n.put("termRecall", round(s.termRecall()));
    n.put("termF1", round(s.termF1()));
    return n;
  }

  private static String row(TaskMetrics.Summary s) {
    return String.format(Locale.ROOT, "| %s | %d | %.4f | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
        s.task(), s.items(), s.accuracy(), s.yesNoItems(), s.yesNoAccuracy(), s.bleu4Corpus(), s.bleu4Sentence(),
        s.rougeL(), s.termPrecision(), s.termRecall(), s.termF1());
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
