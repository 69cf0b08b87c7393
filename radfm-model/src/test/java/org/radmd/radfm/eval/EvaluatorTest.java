package org.radmd.radfm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Json;
import org.radmd.radfm.FakeRadfmBackend;
import org.radmd.radfm.GenerationOptions;
import org.radmd.testing.SharedCorpus;

class EvaluatorTest {
  static String line(String id, String task, String question, String answer, String image, int position) {
    return "{\"id\":\"" + id + "\",\"task\":\"" + task + "\",\"split\":\"test\",\"question\":\"" + question
        + "\",\"answer\":\"" + answer + "\",\"images\":[{\"path\":\"" + image + "\",\"kind\":\"IMAGE_2D\","
        + "\"shape\":[3,512,512,1],\"position\":" + position + "}]}";
  }

  @Test
  void scoresPerTaskAndRecordsFailures(@TempDir Path out, @TempDir Path evalDir) throws IOException {
    // OUT holds a real corpus PNG (copied into the temp build output, not into the project)
    Path png = out.resolve("medmd/images/ab/ab.png");
    Files.createDirectories(png.getParent());
    Files.copy(SharedCorpus.corpus("medpix/images/MPX2497_synpic11131.png"), png);
    Path instructions = out.resolve("radmd/instructions");
    Files.createDirectories(instructions);
    String img = "medmd/images/ab/ab.png";
    Files.write(instructions.resolve("test.jsonl"), List.of(
        line("a/modality/0", "modality", "<image>What modality?", "CT", img, 0),
        line("a/modality/1", "modality", "<image>Which modality is this?", "MR - T1W w/Gadolinium", img, 0),
        line("b/diagnosis/0", "diagnosis", "<image>Is there hydrocephalus?", "Yes", img, 0),
        line("c/vqa/0", "vqa", "<image>Where?", "brain", "medmd/images/zz/missing.png", 0),
        line("d/report/0", "report", "<image>Describe the findings.",
            "The heart is enlarged, consistent with cardiomegaly.", img, 0),
        "{broken"));
    FakeRadfmBackend backend = new FakeRadfmBackend(Map.of(
        "<image>What modality?", "ct.",
        "<image>Which modality is this?", "MR T1 with gadolinium",
        "<image>Is there hydrocephalus?", "Yes, there is hydrocephalus.",
        "<image>Describe the findings.", "The heart is enlarged with cardiomegaly."), 0);
    Evaluator ev = new Evaluator(backend, MedicalTermLexicon.builtIn(),
        new Evaluator.Options("test", 0, 2, GenerationOptions.greedy(32)));
    Evaluator.Report r = ev.run(out.resolve("radmd"), evalDir);

    assertEquals(1, r.errors(), "missing image");
    assertEquals(1, r.skippedLines().size(), "broken line");
    assertEquals(List.of("diagnosis", "modality", "report"), r.tasks().stream().map(TaskMetrics.Summary::task).toList());
    TaskMetrics.Summary modality = r.tasks().get(1);
    assertEquals(2, modality.items());
    assertEquals(0.5, modality.accuracy(), 1e-12);
    TaskMetrics.Summary diagnosis = r.tasks().get(0);
    assertEquals(1, diagnosis.yesNoItems());
    assertEquals(1.0, diagnosis.yesNoAccuracy(), 1e-12);
    TaskMetrics.Summary report = r.tasks().get(2);
    // NLTK 3.8 sentence_bleu (method1) of this pair: 0.4468310718440575; every n-gram order matches, so the
    // unsmoothed corpus BLEU of the single pair is the same value.
    assertEquals(0.4468310718440575, report.bleu4Sentence(), 1e-12);
    assertEquals(0.4468310718440575, report.bleu4Corpus(), 1e-12);
    assertEquals(12.0 / 13, report.rougeL(), 1e-12);
    // built-in concepts: ref {ANAT:heart}, pred {ANAT:heart}
    assertEquals(1.0, report.termF1(), 1e-12);
    assertEquals(4, r.overall().items());
    assertEquals(0.5, r.overall().accuracy(), 1e-12);

    List<String> predictions = Files.readAllLines(evalDir.resolve("predictions.jsonl"));
    assertEquals(5, predictions.size());
    JsonNode missing = Json.mapper().readTree(predictions.get(3));
    assertEquals("c/vqa/0", missing.get("id").asText());
    assertTrue(missing.get("error").asText().contains("image not found"), missing.toString());
    assertEquals("ct.", Json.mapper().readTree(predictions.get(0)).get("prediction").asText());
    JsonNode metrics = Json.mapper().readTree(evalDir.resolve("metrics.json").toFile());
    assertEquals(0.5, metrics.at("/tasks/modality/accuracy").asDouble(), 1e-9);
    assertEquals(4, metrics.get("items").asInt());
    String md = Files.readString(evalDir.resolve("metrics.md"));
    assertTrue(md.contains("| modality | 2 | 0.5000 |"), md);
    assertEquals(3, backend.calls(), "batches of 2: [0,1], [2] (3 missing), [4]");
  }
}
