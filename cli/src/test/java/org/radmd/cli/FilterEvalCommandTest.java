package org.radmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.core.Json;
import org.radmd.filters.RadmdFilters;
import org.radmd.scrapers.covid.BiocFigure;
import org.radmd.scrapers.covid.BiocFigures;
import org.radmd.testing.SharedCorpus;
import picocli.CommandLine;

/**
 * The must-show of the RadMD filters: on the real corpus, the radiology decision (blinded to the labels) agrees
 * with MedPix's modality, COVID-19-CT-CXR's CT/CXR labels, MedICaT's radiology flag and ROCO's radiology split
 * with accuracy at least 0.95 per label source, and every dropped sample names its rule and reason. Values are
 * computed by {@link FilterEvaluation}; the item counts are recomputed here from the label files.
 */
class FilterEvalCommandTest {
  static FilterEvaluation eval;

  @BeforeAll
  static void run() throws IOException {
    eval = new FilterEvaluation(RadmdFilters.defaults()).run(SharedCorpus.corpus());
  }

  @Test
  void everyLabelledItemIsEvaluated() throws Exception {
    Map<String, FilterEvaluation.Score> by = eval.scores().stream()
        .collect(Collectors.toMap(FilterEvaluation.Score::source, s -> s));
    long medpixImages = Files.readAllLines(SharedCorpus.corpus("medpix/descriptions_dev.subset.jsonl"),
        StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
    assertEquals(medpixImages, by.get(FilterEvaluation.MEDPIX).items());
    JsonNode medicat = Json.mapper().readTree(SharedCorpus.corpus("other/medicat_sample/expected.json").toFile())
        .get("figures");
    assertEquals(medicat.size(), by.get(FilterEvaluation.MEDICAT).items());
    long roco = Files.readAllLines(SharedCorpus.corpus("other/roco_test_radiology/captions.txt"),
        StandardCharsets.UTF_8).stream().filter(l -> l.indexOf('\t') > 0 && !l.substring(l.indexOf('\t') + 1)
        .isBlank()).count();
    assertEquals(roco, by.get(FilterEvaluation.ROCO).items());
    List<BiocFigure> covid = BiocFigures.parse(
        SharedCorpus.corpus("other/covid19_ct_cxr_pmc_figures/convid_figure_text.xml"));
    long labelled = covid.stream().filter(f -> f.labels().stream().anyMatch(l -> l.equals("ct") || l.equals("cxr")))
        .filter(f -> f.caption() != null && !f.caption().isBlank()).count();
    assertEquals(labelled, by.get(FilterEvaluation.COVID).items());
    assertTrue(by.get(FilterEvaluation.ROCO).textOnly() && by.get(FilterEvaluation.COVID).textOnly(),
        "ROCO and COVID-19-CT-CXR ship no images: decided on text");
    assertTrue(!by.get(FilterEvaluation.MEDPIX).textOnly() && !by.get(FilterEvaluation.MEDICAT).textOnly());
  }

  @Test
  void accuracyPerLabelSourceIsAtLeast95Percent() {
    assertEquals(4, eval.scores().size());
    for (FilterEvaluation.Score s : eval.scores()) {
      assertTrue(s.accuracy() >= 0.95, s.source() + " radiology accuracy " + s.accuracy());
      if (s.modalityLabelled() > 0) {
        assertTrue(s.modalityAgreement() >= 0.95, s.source() + " modality agreement " + s.modalityAgreement());
        assertTrue(s.modalityNamed() >= 0.9 * s.modalityLabelled(), s.source() + " names a modality for "
            + s.modalityNamed() + " of " + s.modalityLabelled());
      }
    }
    FilterEvaluation.Score medicat = eval.scores().stream()
        .filter(s -> s.source().equals(FilterEvaluation.MEDICAT)).findFirst().orElseThrow();
    assertTrue(eval.of(FilterEvaluation.MEDICAT).stream().anyMatch(i -> !i.labelRadiology()),
        "MedICaT has negatives, so its accuracy tests dropping too");
    assertTrue(medicat.accuracy() >= 0.95);
  }

  @Test
  void decisionsAreBlindToLabels() {
    for (FilterEvaluation.Item i : eval.items) {
      assertTrue(!i.verdict().basis().equals("declared"), "no item is decided by a declared modality: " + i.id());
    }
  }

  @Test
  void everyDropHasItsRuleAndReason() {
    assertEquals(List.of(), eval.dropsWithoutReason);
    int dropped = eval.chainOutcomes.entrySet().stream().filter(e -> e.getKey().startsWith("dropped"))
        .mapToInt(Map.Entry::getValue).sum();
    assertTrue(dropped > 0, eval.chainOutcomes.toString());
    eval.chainOutcomes.keySet().forEach(k -> assertTrue(k.matches("(kept  |dropped )[a-z-]+ / \\S+"), k));
  }

  @Test
  void commandPrintsTheTables() {
    CommandLine cl = Radmd.commandLine();
    StringWriter o = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(new StringWriter()));
    // One source keeps the command test short; the whole corpus is evaluated once in run().
    int code = cl.execute("filter-eval", "--input", SharedCorpus.corpus("other/medicat_sample").toString(),
        "--min-accuracy", "0.95", "--errors", "2");
    String out = o.toString();
    assertEquals(0, code, out);
    assertTrue(out.matches("(?s).*\\nMedICaT radiology flag\\s+10 text\\+img\\s+10/10\\s+1\\.0000.*"), out);
    for (String s : List.of("overall", "confusion: MedICaT radiology flag", "decided on the caption text alone",
        "radiology-modality / mixed-figure", "dropped without a rule name and reason: 0")) {
      assertTrue(out.contains(s), "output has \"" + s + "\":\n" + out);
    }
    StringWriter strict = new StringWriter();
    cl.setOut(new PrintWriter(strict));
    assertEquals(1, cl.execute("filter-eval", "--input", SharedCorpus.corpus("other/medicat_sample").toString(),
        "--min-accuracy", "1.01", "--errors", "0"), "below --min-accuracy fails");
    assertTrue(strict.toString().contains("FAIL: MedICaT radiology flag"), strict.toString());
  }
}
