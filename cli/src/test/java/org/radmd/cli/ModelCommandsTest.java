package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/** {@code radmd model-info}, {@code radmd train} and {@code radmd ask} as a user runs them (tiny config). */
class ModelCommandsTest {
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Radmd.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void modelInfoPrintsCountsOfTheReleasedShape() {
    String[] r = run("model-info", "--config", "radfm-14b");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("13,015,864,320"), r[1]);
    assertTrue(r[1].matches("(?s).*total\\s+13,123,822,336 .*576 tensors.*"), r[1]);
    String[] shapes = run("model-info", "--config", "tiny", "--shapes");
    assertTrue(shapes[1].contains("embedding_layer.perceiver.latents [32, 48]"), shapes[1]);
    assertEquals("1", run("model-info", "--config", "huge")[0]);
  }

  @Test
  void trainsOnAnExportThenAnswers(@TempDir Path out) throws Exception {
    // a two-line export: one 2D sample (a real MedPix PNG) and one text-only sample
    Path png = SharedCorpus.corpus("medpix/images/MPX2066_synpic26219.png");
    Path img = out.resolve("medmd/images/ab/x.png");
    Files.createDirectories(img.getParent());
    Files.copy(png, img);
    Path jsonl = out.resolve("radmd/instructions/train.jsonl");
    Files.createDirectories(jsonl.getParent());
    Files.write(jsonl, List.of(
        "{\"id\":\"a/modality/0\",\"sampleId\":\"a\",\"caseId\":\"A\",\"source\":\"MPx\",\"split\":\"train\","
            + "\"task\":\"modality\",\"question\":\"<image>What imaging modality was used?\",\"answer\":\"CT\","
            + "\"images\":[{\"path\":\"medmd/images/ab/x.png\",\"kind\":\"IMAGE_2D\",\"shape\":[3,64,64,1],"
            + "\"position\":0}],\"modalities\":[\"CT\"],\"licence\":\"x\"}",
        "{\"id\":\"b/vqa/0\",\"sampleId\":\"b\",\"caseId\":\"B\",\"source\":\"MPx\",\"split\":\"train\","
            + "\"task\":\"vqa\",\"question\":\"Is there a fracture?\",\"answer\":\"no\",\"images\":[],"
            + "\"modalities\":[],\"licence\":\"x\"}"));
    Path model = out.resolve("model");
    String tokenizer = SharedCorpus.root().resolve("radfm/language_files/tokenizer.model").toString();
    String[] r = run("train", "--data", out.resolve("radmd").toString(), "--config", "tiny", "--out",
        model.toString(), "--steps", "2", "--batch", "2", "--log-every", "1", "--checkpoint-every", "1",
        "--image-size", "64", "--tokenizer", tokenizer);
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("step 2/2 loss "), r[1]);
    assertTrue(Files.isRegularFile(model.resolve("model.safetensors")));
    assertTrue(Files.isRegularFile(model.resolve("checkpoint-1/optimizer.safetensors")));
    assertTrue(Files.isRegularFile(model.resolve("tokenizer.model")));
    String[] a = run("ask", "--model", model.toString(), "--image", png.toString(), "--max-new-tokens", "3",
        "<image>What imaging modality was used?");
    assertEquals("0", a[0], a[2]);
    assertEquals(1, a[1].lines().count(), a[1]);
  }
}
