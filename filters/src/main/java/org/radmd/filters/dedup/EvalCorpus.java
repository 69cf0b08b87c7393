package org.radmd.filters.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.radmd.core.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The real images and texts of the shared sample corpus ({@code shared/corpus}, see its PROVENANCE.md) that
 * the dedup evaluation is built from, each with the case it belongs to. Pairs within one case are never
 * compared by the build (samples of one case are distinct parts of it), so the evaluation does not count them
 * as negatives either.
 *
 * <p>Images: MedPix PNGs (case = MPX id), the PMC full-size JPEGs (case = article; their PMC {@code .gif}
 * thumbnails are real duplicates of them), MedICaT figure crops (case = PDF hash), and every Radiopaedia
 * slice (case = rID-70432; series = folder). Texts: ROCO test-split radiology captions (case = PMC package of
 * {@code dlinks.txt}), COVID-19-CT-CXR figure captions (case = PMC id), MedICaT captions (case = PDF hash),
 * MedPix image captions and case findings (case = MPX id), and the figure captions of the PMC articles'
 * {@code expected.json} (case = article). Loading is deterministic: files in sorted order.
 */
public final class EvalCorpus {
  private static final java.util.regex.Pattern PMC_PACKAGE = java.util.regex.Pattern.compile("/(PMC\\d+)\\.tar\\.gz");

  private EvalCorpus() {}

  /** One real image file. */
  public record CorpusImage(String id, String source, String caseId, String series, Path file) {}

  /** One real text. */
  public record CorpusText(String id, String source, String caseId, String text) {}

  /** PMC thumbnails ({@code .gif}) paired with the full-size JPEG of the same figure: real duplicates. */
  public record Thumbnail(Path gif, Path jpeg, String caseId) {}

  /**
   * The originals of the image evaluation.
   *
   * @param corpus {@code shared/corpus}
   * @throws UncheckedIOException if a folder cannot be listed
   */
  public static List<CorpusImage> images(Path corpus) {
    List<CorpusImage> out = new ArrayList<>();
    for (Path p : files(corpus.resolve("medpix/images"), ".png")) {
      String name = p.getFileName().toString();
      String kase = name.substring(0, name.indexOf('_'));
      out.add(new CorpusImage("medpix/" + name, "MPx", kase, kase, p));
    }
    for (Path p : files(corpus.resolve("pmc"), ".jpg")) {
      String article = p.getParent().getFileName().toString();
      out.add(new CorpusImage("pmc/" + article + "/" + p.getFileName(), "PMC", article, article, p));
    }
    for (Path p : files(corpus.resolve("other/medicat_sample/figures"), ".png")) {
      String name = p.getFileName().toString();
      String pdf = name.substring(0, name.indexOf('_'));
      out.add(new CorpusImage("medicat/" + name, "MedICaT", pdf, pdf, p));
    }
    Path rp = corpus.resolve("radiopaedia/rID-70432_medulloblastoma");
    for (Path p : files(rp, ".jpg")) {
      String series = rp.relativize(p.getParent()).toString().replace('\\', '/');
      out.add(new CorpusImage("radiopaedia/" + series + "/" + p.getFileName(), "RP3D", "rID-70432",
          "rID-70432/" + series, p));
    }
    return out;
  }

  /** The PMC {@code .gif} thumbnails that have a full-size {@code .jpg} beside them. */
  public static List<Thumbnail> thumbnails(Path corpus) {
    List<Thumbnail> out = new ArrayList<>();
    for (Path gif : files(corpus.resolve("pmc"), ".gif")) {
      String name = gif.getFileName().toString();
      Path jpeg = gif.resolveSibling(name.substring(0, name.length() - 4) + ".jpg");
      if (Files.isRegularFile(jpeg)) {
        out.add(new Thumbnail(gif, jpeg, gif.getParent().getFileName().toString()));
      }
    }
    return out;
  }

  /** The Radiopaedia series folders holding slice stacks (radiology and histology), sorted. */
  public static List<Path> radiopaediaSeries(Path corpus) {
    Path rp = corpus.resolve("radiopaedia/rID-70432_medulloblastoma");
    return files(rp, ".jpg").stream().map(Path::getParent).distinct().sorted().toList();
  }

  /** The slice files of one series folder in stack order ({@code image-NNN.jpg} sorts numerically). */
  public static List<Path> slices(Path seriesFolder) {
    return files(seriesFolder, ".jpg");
  }

  /**
   * The texts of the text evaluation.
   *
   * @throws UncheckedIOException if a file cannot be read or parsed
   */
  public static List<CorpusText> texts(Path corpus) {
    List<CorpusText> out = new ArrayList<>();
    roco(corpus.resolve("other/roco_test_radiology"), out);
    covid(corpus.resolve("other/covid19_ct_cxr_pmc_figures/convid_figure_text.xml"), out);
    for (JsonNode n : jsonLines(corpus.resolve("other/medicat_sample/sample.jsonl"))) {
      String pdf = n.path("pdf_hash").asText();
      out.add(new CorpusText("medicat/" + pdf + "/" + n.path("fig_uri").asText(), "MedICaT", pdf,
          n.path("s2_caption").asText()));
    }
    for (JsonNode n : jsonLines(corpus.resolve("medpix/descriptions_dev.subset.jsonl"))) {
      out.add(new CorpusText("medpix/" + n.path("image").asText(), "MPx", n.path("U_id").asText(),
          n.path("Description").path("Caption").asText()));
    }
    for (JsonNode n : jsonLines(corpus.resolve("medpix/data_dev.subset.jsonl"))) {
      out.add(new CorpusText("medpix/" + n.path("U_id").asText() + "/findings", "MPx", n.path("U_id").asText(),
          n.path("Case").path("Findings").asText()));
    }
    for (String dir : List.of("pmc", "pmc_radiology")) {
      for (Path e : files(corpus.resolve(dir), "expected.json")) {
        String article = e.getParent().getFileName().toString();
        for (JsonNode fig : readJson(e).path("extracted_from_file").path("figures")) {
          String caption = fig.path("caption").asText("");
          if (!caption.isBlank()) {
            out.add(new CorpusText(dir + "/" + article + "/" + fig.path("id").asText(), "PMC", article, caption));
          }
        }
      }
    }
    out.removeIf(t -> t.text() == null || t.text().isBlank());
    return out;
  }

  private static void roco(Path dir, List<CorpusText> out) {
    List<String> captions = lines(dir.resolve("captions.txt"));
    java.util.Map<String, String> article = new java.util.HashMap<>();
    for (String l : lines(dir.resolve("dlinks.txt"))) {
      String[] f = l.split("\t");
      java.util.regex.Matcher m = PMC_PACKAGE.matcher(l);
      if (f.length >= 2 && m.find()) {
        article.put(f[0], m.group(1));
      }
    }
    for (String l : captions) {
      int tab = l.indexOf('\t');
      if (tab > 0) {
        String id = l.substring(0, tab);
        out.add(new CorpusText("roco/" + id, "ROCO", article.getOrDefault(id, id), l.substring(tab + 1).strip()));
      }
    }
  }

  private static void covid(Path xml, List<CorpusText> out) {
    Document doc = parseXml(xml);
    NodeList docs = doc.getElementsByTagName("document");
    for (int i = 0; i < docs.getLength(); i++) {
      Element d = (Element) docs.item(i);
      String id = d.getElementsByTagName("id").item(0).getTextContent().strip();
      NodeList passages = d.getElementsByTagName("passage");
      for (int j = 0; j < passages.getLength(); j++) {
        Element p = (Element) passages.item(j);
        if ("caption".equals(infon(p, "type"))) {
          String text = p.getElementsByTagName("text").item(0).getTextContent();
          String pmc = id.contains("_") ? id.substring(0, id.indexOf('_')) : id;
          out.add(new CorpusText("covid/" + id, "COVID-19-CT-CXR", pmc, text.strip()));
          break;
        }
      }
    }
  }

  private static String infon(Element passage, String key) {
    NodeList infons = passage.getElementsByTagName("infon");
    for (int i = 0; i < infons.getLength(); i++) {
      Element e = (Element) infons.item(i);
      if (key.equals(e.getAttribute("key"))) {
        return e.getTextContent();
      }
    }
    return null;
  }

  private static Document parseXml(Path xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(xml.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot parse " + xml + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> jsonLines(Path file) {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines(file)) {
      if (!l.isBlank()) {
        out.add(Json.read(l, JsonNode.class));
      }
    }
    return out;
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Regular files under {@code dir} whose names end with {@code suffix}, sorted by path. */
  static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
