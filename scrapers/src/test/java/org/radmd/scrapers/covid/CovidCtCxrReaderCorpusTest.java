package org.radmd.scrapers.covid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Modality;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.scrapers.jats.JatsArticleReader;
import org.radmd.testing.SharedCorpus;

/** {@link CovidCtCxrReader} on the real COVID-19-CT-CXR files of the shared corpus, against their expected.json. */
class CovidCtCxrReaderCorpusTest {
  private static final String FOLDER = "other/covid19_ct_cxr_pmc_figures";
  private static final String XML = FOLDER + "/convid_figure_text.xml";
  private static final String IMAGES = FOLDER + "/06102020.litcovid.released.image.json";
  private final CovidCtCxrReader reader = new CovidCtCxrReader();
  private final Path root = Expected.root();

  @Test
  void theBiocFileIsTakenByThisReaderAndNotByJats() {
    Path xml = SharedCorpus.corpus(XML);
    assertTrue(reader.accepts(xml));
    assertFalse(new JatsArticleReader().accepts(xml));
    assertTrue(Readers.readerFor(xml).orElseThrow() instanceof CovidCtCxrReader);
    assertEquals(java.util.Optional.empty(), Readers.readerFor(SharedCorpus.corpus(IMAGES)));
    assertEquals(java.util.Optional.empty(), Readers.readerFor(SharedCorpus.corpus(FOLDER + "/expected.json")));
    assertFalse(reader.accepts(SharedCorpus.corpus("pmc_radiology/PMC6358577/PMC6358577.xml")));
  }

  @Test
  void biocDocumentsAndPmcidsMatchExpected() throws Exception {
    JsonNode x = Expected.of(FOLDER).get("convid_figure_text.xml");
    List<BiocFigure> figs = BiocFigures.parse(SharedCorpus.corpus(XML));
    assertEquals(x.get("n_documents(figures)").asInt(), figs.size());
    Set<String> pmcids = new HashSet<>();
    figs.forEach(f -> pmcids.add(f.pmcid()));
    assertEquals(x.get("n_distinct_pmcids").asInt(), pmcids.size());
    BiocFigure first = figs.get(0);
    assertEquals("PMC7003341_Fig1", first.documentId());
    assertEquals("Fig1", first.figureId());
    assertEquals("40779_2020_233_Fig1_HTML.jpg", first.url());
    assertEquals(List.of("ct"), first.labels());
    assertEquals(5, first.files().size());
    assertEquals(2, first.citingPassages().size());
    assertTrue(first.caption().startsWith("Typical CT imaging manifestation (case 1)."), first.caption());
  }

  @Test
  void releasedImageLabelsMatchExpected() throws Exception {
    JsonNode x = Expected.of(FOLDER).get("06102020.litcovid.released.image.json");
    LitCovidImages images = LitCovidImages.load(SharedCorpus.corpus(IMAGES));
    assertEquals(x.get("n_figure_records").asInt(), images.images().size());
    assertEquals(x.get("n_distinct_pmcids").asInt(),
        images.images().stream().map(LitCovidImages.Image::pmcid).distinct().count());
    Map<String, Integer> counts = new TreeMap<>();
    for (LitCovidImages.Image i : images.images()) {
      if (i.label() != null) {
        counts.merge(i.label(), 1, Integer::sum);
      }
      i.boxLabels().forEach(b -> counts.merge("subfigure:" + b, 1, Integer::sum));
    }
    Map<String, Integer> expected = new TreeMap<>();
    x.get("label_counts").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
    assertEquals(expected, counts);
  }

  @Test
  void inPlaceEveryFigureIsAnImageNotLocalRejectWithItsPmcAddress() {
    ReadResult r = reader.read(SharedCorpus.corpus(XML), root);
    assertEquals(List.of(), r.samples());
    assertEquals(525, r.rejects().size());
    for (Reject j : r.rejects()) {
      assertEquals("COVID-19-CT-CXR", j.source());
      assertEquals(Stage.PARSE, j.stage());
      assertEquals("image-not-local", j.reason());
      assertEquals(XML, j.origin());
    }
    assertEquals("covid-PMC7003341_Fig1", r.rejects().get(0).itemId());
    assertTrue(r.rejects().get(0).message()
        .contains("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7003341/bin/40779_2020_233_Fig1_HTML.jpg"));
  }

  /** A temporary copy of both files plus an empty stand-in image per figure (the data set ships none). */
  @Test
  void withStandInImagesEachFigureIsALabelledSample(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("covid"));
    Files.copy(SharedCorpus.corpus(XML), dir.resolve("convid_figure_text.xml"));
    Files.copy(SharedCorpus.corpus(IMAGES), dir.resolve("06102020.litcovid.released.image.json"));
    Path figures = Files.createDirectories(dir.resolve("figures"));
    List<BiocFigure> figs = BiocFigures.parse(dir.resolve("convid_figure_text.xml"));
    for (BiocFigure f : figs) {
      if (!Files.exists(figures.resolve(f.imageName()))) {
        Files.createFile(figures.resolve(f.imageName()));
      }
    }
    ReadResult r = reader.read(dir.resolve("convid_figure_text.xml"), tmp);
    assertEquals(List.of(), r.rejects());
    assertEquals(525, r.samples().size());
    Map<String, Integer> byModality = new TreeMap<>();
    for (Sample s : r.samples()) {
      assertEquals(SourceDataset.COVID19_CT_CXR, s.source());
      assertFalse(s.modalities().isEmpty(), s.id());
      s.modalities().forEach(m -> byModality.merge(m.name(), 1, Integer::sum));
      assertEquals("unknown", s.licence().id());
    }
    // every BioC file label is ct or cxr: samples carry CT and/or XR
    assertEquals(Set.of("CT", "XR"), byModality.keySet());

    Sample s = r.samples().get(0);
    assertEquals("covid-PMC7003341_Fig1", s.id());
    assertEquals("PMC7003341", s.caseId());
    assertEquals(List.of(Modality.CT), s.modalities());
    assertEquals(Modality.CT, s.images().get(0).modality());
    assertEquals("ct", s.attributes().get("label"));
    assertEquals("subfigure:ct", s.attributes().get("litcovid-label"));
    assertEquals("5", s.attributes().get("labelled-files"));
    assertEquals("PMC7003341_40779_2020_233_Fig1_HTML.jpg", s.attributes().get("image-file"));
    assertEquals(List.of("covid/figures/PMC7003341_40779_2020_233_Fig1_HTML.jpg"), s.images().get(0).sourceFiles());
    // only the sentences that cite Fig. 1, not the Fig. 2 / Fig. 10 sentences of the same passages
    assertEquals(List.of("A slightly high-density and ground-glass change with fuzzy edge in the fine-grid or small "
        + "honeycomb-like thickening of interlobular septa were presented by the high-resolution computed "
        + "tomography (HRCT), (Fig. 1: 45 cases, 54.2% in a total of 83 cases)."), s.text().inline());
    assertEquals(TextField.INLINE, s.images().get(0).textField());
    assertTrue(s.text().inline().get(0).startsWith("Fig. 1:", s.images().get(0).position()));
    assertEquals("PMC7003341_Fig1", s.provenance().originId());
    assertNull(s.anatomy());

    List<Sample> mixed = r.samples().stream().filter(x -> x.modalities().size() == 2).toList();
    assertFalse(mixed.isEmpty(), "some figures hold both CT and chest radiograph panels");
    for (Sample m : mixed) {
      assertNull(m.images().get(0).modality(), m.id());
      assertTrue(Set.of("ct,cxr", "cxr,ct").contains(m.attributes().get("label")), m.id());
    }
  }
}
