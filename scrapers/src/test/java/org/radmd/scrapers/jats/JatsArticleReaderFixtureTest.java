package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.ReadResult;
import org.radmd.testing.SharedCorpus;

/** Hand-made JATS fixtures for the edge cases the real articles do not cover. */
class JatsArticleReaderFixtureTest {
  private static final String NS = "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

  @TempDir
  Path root;

  private final JatsArticleReader reader = new JatsArticleReader();

  private static String article(String ids, String body, String floats) {
    return "<article " + NS + " article-type=\"case-report\"><front><journal-meta><journal-title-group>"
        + "<journal-title>J Test</journal-title></journal-title-group></journal-meta><article-meta>" + ids
        + "<title-group><article-title>A <italic>test</italic> case</article-title></title-group>"
        + "<pub-date pub-type=\"epub\"><year>2020</year></pub-date>"
        + "<permissions><license xlink:href=\"https://creativecommons.org/licenses/by/4.0/\">"
        + "<license-p>CC BY 4.0</license-p></license></permissions></article-meta></front>"
        + "<body>" + body + "</body><floats-group>" + floats + "</floats-group></article>";
  }

  private static String fig(String id, String href) {
    return "<fig id=\"" + id + "\"><label>Figure " + id + "</label><caption><title>Title " + id + ".</title>"
        + "<p>Caption of " + id + ".</p></caption><graphic xlink:href=\"" + href + "\"/></fig>";
  }

  private Path write(String relative, String xml) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, xml, StandardCharsets.UTF_8);
    return p;
  }

  private void images(String folder, String... names) throws Exception {
    for (String n : names) {
      Files.createDirectories(root.resolve(folder));
      Files.createFile(root.resolve(folder).resolve(n));
    }
  }

  private static Map<String, Sample> byImage(ReadResult r) {
    return r.samples().stream().collect(Collectors.toMap(s -> s.images().get(0).id(), Function.identity()));
  }

  @Test
  void xrefFormsRidListsAndAbbreviations() throws Exception {
    String body = "<sec><title>Case (<xref ref-type=\"fig\" rid=\"F3\">Fig. 3</xref>)</title>"
        + "<p>A 40-year-old man presented. As seen in Figs. <xref ref-type=\"fig\" rid=\"F1\">1</xref> and "
        + "<xref ref-type=\"fig\" rid=\"F2\">2</xref>, the mass measured 2.5 cm. Smith et al. reported similar "
        + "findings, e.g. in approx. 40% of cases vs. 10% (<xref ref-type=\"fig\" rid=\"F1 F2\">Figs. 1 and "
        + "2</xref>). Nothing else.</p>"
        + "<p>CT (<xref ref-type=\"fig\" rid=\"F1\">Fig. 1</xref>) and again CT (<xref ref-type=\"fig\" "
        + "rid=\"F1\">Fig. 1</xref>) were done. The end.</p></sec>";
    Path xml = write("PMC100/a.nxml", article("<article-id pub-id-type=\"pmc\">PMC100</article-id>", body,
        fig("F1", "f1") + fig("F2", "f2") + fig("F3", "f3")));
    images("PMC100", "f1.jpg", "f2.jpg", "f3.jpg");
    ReadResult r = reader.read(xml, root);
    assertEquals(List.of(), r.rejects());
    Map<String, Sample> s = byImage(r);
    String s1 = "As seen in Figs. 1 and 2, the mass measured 2.5 cm.";
    String s2 = "Smith et al. reported similar findings, e.g. in approx. 40% of cases vs. 10% (Figs. 1 and 2).";
    String s3 = "CT (Fig. 1) and again CT (Fig. 1) were done.";
    assertEquals(List.of(s1, s2, s3), s.get("F1").text().inline());
    assertEquals(List.of(s1, s2), s.get("F2").text().inline());
    assertEquals(s1.indexOf("1 and"), s.get("F1").images().get(0).position());
    assertEquals(s1.indexOf("2, the"), s.get("F2").images().get(0).position());
    // F3 is cited only from a section title, which is not body text
    assertEquals(List.of(), s.get("F3").text().inline());
    assertEquals(TextField.CAPTION, s.get("F3").images().get(0).textField());
    assertEquals(0, s.get("F3").images().get(0).position());
    assertEquals("Title F1.Caption of F1.", s.get("F1").text().caption());
    assertEquals("A test case", s.get("F1").text().title());
    assertEquals("CC-BY-4.0", s.get("F1").licence().id());
    assertEquals("2020", s.get("F1").attributes().get("year"));
  }

  @Test
  void figGroupMembersAreSamplesAndGroupCitationsCiteEveryMember() throws Exception {
    String body = "<p>Both panels are shown (<xref ref-type=\"fig\" rid=\"G1\">Figure 1</xref>). Panel B alone "
        + "(<xref ref-type=\"fig\" rid=\"F1B\">Figure 1B</xref>) shows the cyst.</p>";
    String group = "<fig-group id=\"G1\"><caption><p>Group</p></caption>" + fig("F1A", "a") + fig("F1B", "b")
        + "</fig-group>";
    Path xml = write("g/PMC200.xml", article("<article-id pub-id-type=\"pmcid\">200</article-id>", body, group));
    images("g", "a.png", "b.tif");
    ReadResult r = reader.read(xml, root);
    assertEquals(List.of("pmci-PMC200-F1A", "pmci-PMC200-F1B"), r.samples().stream().map(Sample::id).toList());
    assertEquals(List.of("Both panels are shown (Figure 1)."), r.samples().get(0).text().inline());
    assertEquals(List.of("Both panels are shown (Figure 1).", "Panel B alone (Figure 1B) shows the cyst."),
        r.samples().get(1).text().inline());
    assertEquals(List.of("g/a.png"), r.samples().get(0).images().get(0).sourceFiles());
    assertEquals(List.of("g/b.tif"), r.samples().get(1).images().get(0).sourceFiles());
  }

  @Test
  void citationMarkersAfterTheFullStopStayWithTheirSentence() throws Exception {
    String body = "<p>Calcifications are hallmarks of pancreatitis.<xref ref-type=\"bibr\" rid=\"B1\">1</xref>,"
        + "<xref ref-type=\"bibr\" rid=\"B2\">2</xref> The CT (<xref ref-type=\"fig\" rid=\"F1\">Figure 1</xref>)"
        + " showed stones.<sup>3</sup> Later, they vanished.</p>";
    Path xml = write("c/PMC300.xml", article("<article-id pub-id-type=\"pmc\">300</article-id>", body,
        fig("F1", "x")));
    images("c", "x.jpg");
    Sample s = reader.read(xml, root).samples().get(0);
    assertEquals(List.of("The CT (Figure 1) showed stones.3"), s.text().inline());
    assertEquals("The CT (".length(), s.images().get(0).position());
  }

  @Test
  void figureInsideAParagraphIsNotBodyText() throws Exception {
    String body = "<p>See the scan (<xref ref-type=\"fig\" rid=\"F1\">Fig. 1</xref>).<fig id=\"F1\"><caption><p>"
        + "Axial CT. Caption text (<xref ref-type=\"fig\" rid=\"F1\">Fig. 1</xref>).</p></caption>"
        + "<graphic xlink:href=\"f1\"/></fig> After the figure.</p>";
    Path xml = write("d/PMC400.xml", article("<article-id pub-id-type=\"pmc\">400</article-id>", body, ""));
    images("d", "f1.jpg");
    Sample s = reader.read(xml, root).samples().get(0);
    assertEquals(List.of("See the scan (Fig. 1)."), s.text().inline());
    assertEquals("Axial CT. Caption text (Fig. 1).", s.text().caption());
  }

  @Test
  void imageResolutionPrefersFullSizeJpegAndFallsBack() throws Exception {
    String floats = fig("F1", "both") + fig("F2", "thumb") + fig("F3", "given.tif") + fig("F4", "../outside")
        + fig("F5", "https://example.org/f5.jpg") + fig("F6", "UPPER");
    Path xml = write("e/PMC500.xml", article("<article-id pub-id-type=\"pmc\">500</article-id>", "", floats));
    images("e", "both.gif", "both.jpg", "thumb.gif", "given.tif", "given.jpg", "UPPER.JPG");
    images("", "outside.jpg");
    ReadResult r = reader.read(xml, root);
    Map<String, Sample> s = byImage(r);
    assertEquals(List.of("e/both.jpg"), s.get("F1").images().get(0).sourceFiles());
    assertEquals(List.of("e/thumb.gif"), s.get("F2").images().get(0).sourceFiles());
    assertEquals(List.of("e/given.jpg"), s.get("F3").images().get(0).sourceFiles());
    assertEquals(List.of("e/UPPER.JPG"), s.get("F6").images().get(0).sourceFiles());
    assertEquals(List.of("pmci-PMC500-F4", "pmci-PMC500-F5"), r.rejects().stream().map(Reject::itemId).toList());
    assertTrue(r.rejects().stream().allMatch(j -> j.reason().equals("image-missing")));
    assertTrue(r.rejects().get(0).message().contains("xlink:href=\"../outside\""), r.rejects().get(0).message());
  }

  @Test
  void missingImageRejectsOnlyThatFigure() throws Exception {
    Path xml = write("m/PMC600.nxml", article("<article-id pub-id-type=\"pmc\">600</article-id>", "",
        fig("F1", "present") + fig("F2", "absent") + "<fig id=\"F3\"><caption><p>No graphic</p></caption></fig>"));
    images("m", "present.jpg");
    ReadResult r = reader.read(xml, root);
    assertEquals(List.of("pmci-PMC600-F1"), r.samples().stream().map(Sample::id).toList());
    assertEquals(2, r.rejects().size());
    Reject missing = r.rejects().get(0);
    assertEquals(new Reject("PMC-Inline", Stage.PARSE, "image-missing", missing.message(), "m/PMC600.nxml",
        "pmci-PMC600-F2"), missing);
    assertTrue(missing.message().contains("\"absent\"") && missing.message().contains("PMC600"));
    assertEquals("no-graphic", r.rejects().get(1).reason());
  }

  @Test
  void truncatedRealArticleIsOneMalformedReject() throws Exception {
    byte[] full = Files.readAllBytes(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml"));
    Path cut = root.resolve("PMC3003633/truncated.nxml");
    Files.createDirectories(cut.getParent());
    Files.write(cut, Arrays.copyOf(full, full.length / 2));
    assertTrue(reader.accepts(cut));
    ReadResult r = reader.read(cut, root);
    assertEquals(List.of(), r.samples());
    assertEquals(1, r.rejects().size());
    Reject j = r.rejects().get(0);
    assertEquals("xml-malformed", j.reason());
    assertEquals(Stage.PARSE, j.stage());
    assertEquals("PMC3003633/truncated.nxml", j.origin());
    assertNull(j.itemId());
    assertTrue(j.message().matches("(?s).*line \\d+, column \\d+.*"), j.message());
  }

  @Test
  void emptyAndGarbageFilesAreRejectedNotThrown() throws Exception {
    Path empty = write("x/empty.xml", "");
    assertEquals("xml-malformed", reader.read(empty, root).rejects().get(0).reason());
    Path wrongRoot = write("x/other.xml", "<articles><front/></articles>");
    assertEquals("no-article", reader.read(wrongRoot, root).rejects().get(0).reason());
    Path gone = root.resolve("x/gone.xml");
    assertEquals("io-error", reader.read(gone, root).rejects().get(0).reason());
  }

  @Test
  void wrapperWithSeveralArticlesAndPmcidFallbacks() throws Exception {
    String a1 = article("<article-id pub-id-type=\"pmc\">PMC701</article-id>", "", fig("F1", "p"));
    String a2 = article("<article-id pub-id-type=\"pmcid\">PMC702</article-id><article-id pub-id-type=\"doi\">"
        + "10.1/x</article-id>", "", fig("F1", "p"));
    Path set = write("w/set.xml", "<pmc-articleset>" + a1 + a2 + "</pmc-articleset>");
    images("w", "p.jpg");
    ReadResult r = reader.read(set, root);
    assertEquals(List.of("pmci-PMC701-F1", "pmci-PMC702-F1"), r.samples().stream().map(Sample::id).toList());
    assertEquals("10.1/x", r.samples().get(1).provenance().doi());

    Path named = write("w/PMC703.xml", article("", "", fig("F1", "p")));
    assertEquals("PMC703", reader.read(named, root).samples().get(0).caseId());
    Path anonymous = write("w/paper.xml", article("", "", fig("F1", "p")));
    ReadResult none = reader.read(anonymous, root);
    assertEquals(List.of(), none.samples());
    assertEquals("pmcid-missing", none.rejects().get(0).reason());
  }

  @Test
  void duplicateFigureIdsAreRejected() throws Exception {
    Path xml = write("dup/PMC800.xml", article("<article-id pub-id-type=\"pmc\">800</article-id>", "",
        fig("F1", "p") + fig("F1", "p")));
    images("dup", "p.jpg");
    ReadResult r = reader.read(xml, root);
    assertEquals(1, r.samples().size());
    assertEquals("figure-duplicate", r.rejects().get(0).reason());
  }

  @Test
  void externalEntitiesInAnArticleAreNeverExpanded() throws Exception {
    Path secret = Files.writeString(root.resolve("secret.txt"), "TOP-SECRET-XXE");
    String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving "
        + "and Interchange DTD v1.0 20120330//EN\" \"JATS-archivearticle1.dtd\" [\n<!ENTITY xxe SYSTEM \""
        + secret.toUri() + "\">\n]>\n" + article("<article-id pub-id-type=\"pmc\">900</article-id>",
            "<p>Leak &xxe; here (<xref ref-type=\"fig\" rid=\"F1\">Figure 1</xref>).</p>",
            "<fig id=\"F1\"><caption><p>Caption &xxe;.</p></caption><graphic xlink:href=\"f\"/></fig>");
    Path nxml = write("xxe/PMC900.nxml", xml);
    images("xxe", "f.jpg");
    assertTrue(reader.accepts(nxml));
    ReadResult r = reader.read(nxml, root);
    assertEquals(List.of(), r.rejects());
    Sample s = r.samples().get(0);
    assertEquals("Caption .", s.text().caption());
    assertEquals(List.of("Leak here (Figure 1)."), s.text().inline());
    assertFalse(org.radmd.core.Json.write(s).contains("TOP-SECRET"));
  }

  @Test
  void acceptsJatsRootsOnly() throws Exception {
    assertTrue(reader.accepts(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89.nxml")));
    assertTrue(reader.accepts(SharedCorpus.corpus("pmc_radiology/PMC6358577/PMC6358577.xml")));
    assertFalse(reader.accepts(SharedCorpus.corpus("other/covid19_ct_cxr_pmc_figures/convid_figure_text.xml")));
    assertFalse(reader.accepts(SharedCorpus.corpus("pmc/PMC3003633/expected.json")));
    assertFalse(reader.accepts(SharedCorpus.corpus("pmc/PMC3003633/1475-2859-9-89-1.jpg")));
    assertTrue(reader.accepts(write("a/set.xml", "<articles><article/></articles>")));
    assertFalse(reader.accepts(write("a/article.txt", "<article/>")));
    assertFalse(reader.accepts(root.resolve("a/missing.xml")));
    assertFalse(reader.accepts(root.resolve("a")));
  }
}
