package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radmd.core.Licence;
import org.radmd.scrapers.Expected;
import org.radmd.scrapers.support.Whitespace;
import org.radmd.testing.SharedCorpus;
import org.w3c.dom.Element;

/** The JATS parser against every real article of the shared corpus and its expected.json. */
class JatsCorpusTest {
  static Stream<Arguments> articles() {
    return Stream.of(
        Arguments.of("pmc/PMC2270912", "pone.0001908.nxml", "CC-BY"),
        Arguments.of("pmc/PMC3003633", "1475-2859-9-89.nxml", "CC-BY-2.0"),
        Arguments.of("pmc/PMC3460867", "pone.0046493.nxml", "CC-BY"),
        Arguments.of("pmc_radiology/PMC2900587", "PMC2900587.xml", "CC-BY-NC"),
        Arguments.of("pmc_radiology/PMC6358577", "PMC6358577.xml", "CC-BY-NC-ND-4.0"),
        Arguments.of("pmc_radiology/PMC6358581", "PMC6358581.xml", "CC-BY-NC-ND-4.0"));
  }

  private static JatsArticle parse(String folder, String file) throws Exception {
    List<Element> articles = JatsArticleParser.articles(SecureXml.parse(SharedCorpus.corpus(folder).resolve(file)));
    assertEquals(1, articles.size());
    return JatsArticleParser.parse(articles.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void everyFigureMatchesExpected(String folder, String file, String licence) throws Exception {
    JsonNode x = Expected.of(folder).get("extracted_from_file");
    JatsArticle a = parse(folder, file);
    JsonNode figs = x.get("figures");
    assertEquals(x.get("n_figures").asInt(), a.figures().size());
    assertEquals(figs.size(), a.figures().size());
    for (int i = 0; i < figs.size(); i++) {
      JsonNode ef = figs.get(i);
      JatsFigure f = a.figures().get(i);
      assertEquals(ef.get("id").asText(), f.id());
      assertEquals(ef.get("caption").asText(), f.caption(), "caption of " + f.id());
      assertEquals(Whitespace.collapse(ef.get("label").asText()), f.label());
      List<String> hrefs = ef.has("graphic_hrefs") ? Expected.strings(ef.get("graphic_hrefs"))
          : List.of(ef.get("graphic_href").asText());
      assertEquals(hrefs, f.graphicHrefs());
      int xrefs = ef.get("n_inline_xref_citations").asInt();
      assertFalse(f.citingSentences().isEmpty(), "figure " + f.id() + " is cited " + xrefs + " times");
      assertTrue(f.citingSentences().size() <= xrefs, f.id() + ": " + f.citingSentences());
      assertEquals(f.citingSentences().stream().distinct().toList(), f.citingSentences());
      assertTrue(f.firstCitationOffset() < f.citingSentences().get(0).length());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void metadataMatchesExpected(String folder, String file, String licence) throws Exception {
    JsonNode x = Expected.of(folder).get("extracted_from_file");
    JatsArticle a = parse(folder, file);
    String pmcid = x.has("pmcid") ? x.get("pmcid").asText() : x.get("article_id_types").has("pmc")
        ? x.get("article_id_types").get("pmc").asText() : x.get("article_id_types").get("pmcid").asText();
    assertEquals("PMC" + pmcid, a.pmcid());
    String doi = x.has("doi") ? x.get("doi").asText() : x.get("article_id_types").get("doi").asText();
    assertEquals(doi, a.doi());
    String pmid = x.has("pmid") ? x.get("pmid").asText() : Expected.text(x.get("article_id_types"), "pmid");
    assertEquals(pmid, a.pmid());
    assertEquals(x.get("article_title").asText(), a.title());
    assertEquals(x.get("journal_title").asText(), a.journal());
    assertEquals(x.get("journal_nlm_ta").asText(), a.journalNlmTa());
    assertEquals(x.get("article_type").asText(), a.articleType());
    if (x.has("subject_headings")) {
      assertEquals(Expected.strings(x.get("subject_headings")), a.subjects());
    }
    assertNotNull(a.year());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("articles")
  void licenceMatchesWhatTheArticleStates(String folder, String file, String licence) throws Exception {
    JsonNode x = Expected.of(folder).get("extracted_from_file");
    Licence l = parse(folder, file).licence();
    assertEquals(licence, l.id());
    String licenseText = Expected.text(x, "license_text");
    JsonNode ack = x.get("open_access_statement_in_ack");
    if (licenseText != null) {
      assertEquals(Whitespace.collapse(licenseText), l.statement());
    } else if (ack != null && ack.isArray() && ack.size() > 0) {
      assertEquals(ack.get(0).asText(), l.statement());
      assertEquals(x.get("copyright").asText(), l.attribution());
    } else {
      assertEquals(x.get("copyright").asText(), l.statement());
    }
  }

  @Test
  void pubmedParserOwnAssertionsHoldForPmc3460867() throws Exception {
    JsonNode origin = Expected.of("pmc/PMC3460867").get("from_origin_tests");
    JatsArticle a = parse("pmc/PMC3460867", "pone.0046493.nxml");
    assertEquals("PMC" + origin.get("pmc").asText(), a.pmcid());
    assertEquals(origin.get("doi").asText(), a.doi());
    assertEquals(origin.get("subjects").asText(), String.join("; ", a.subjects()));
    assertEquals(String.valueOf(origin.get("publication_year").asInt()), a.year());
    assertEquals(origin.get("journal").asText(), a.journal());
    assertEquals(origin.get("n_figure_captions").asInt(), a.figures().size());
  }
}
