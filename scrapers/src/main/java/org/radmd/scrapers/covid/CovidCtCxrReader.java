package org.radmd.scrapers.covid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.jats.SecureXml;
import org.radmd.scrapers.support.Origins;
import org.xml.sax.SAXException;

/**
 * Reads COVID-19-CT-CXR (Peng et al. 2020, ncbi-nlp/COVID-19-CT-CXR) figure files into samples of {@link
 * SourceDataset#COVID19_CT_CXR}: one sample per BioC {@code <document>} ({@link BiocFigures}).
 *
 * <p>Accepts an {@code .xml} file whose root element is BioC's {@code collection} and whose first 8 KB hold an
 * {@code infon key="figure id"} (a collection of figure documents; a JATS file never has that root). The
 * sibling {@code *.litcovid.released.image.json} (the last by name when several; optional) adds the released
 * whole-figure / sub-figure labels ({@link LitCovidImages}).
 *
 * <p>Images: the dataset ships figure names and PMC addresses, not pixels. The image is looked up as {@code
 * figures/<PMCID>_<url>} beside the XML (the name COVID-19-CT-CXR gives downloaded figures, {@link
 * BiocFigure#imageName()}). Present: a sample. Absent: an {@code image-not-local} reject naming the figure's
 * PMC address ({@link BiocFigure#imageUrl()}), to be harvested; remote paths never enter an {@link ImageRef}.
 *
 * <p>Sample: id {@code Ids.sampleId(COVID19_CT_CXR, "<PMCID>_<figure id>")}, caseId the PMCID; text.caption =
 * the caption passage, text.inline = the sentences of the citing passages that mention the figure ({@link
 * FigureMentions}). One {@link ImageKind#IMAGE_2D} image, id = figure id, text field INLINE at the first mention
 * of the figure (else 0), or CAPTION at 0 without inline text. Labels: the {@code type} of each file in the
 * {@code files} infon, {@code ct} -> {@link Modality#CT}, {@code cxr} -> {@link Modality#XR} (chest
 * radiograph; the dataset does not say CR or DX); the sample's modalities are the distinct labels, the image's
 * modality is set when there is exactly one, and its modalityLabel is the labels joined with {@code ","}.
 * Attributes: {@code figure-id}, {@code label}, {@code image-file}, {@code image-url}, {@code labelled-files}
 * (count), and {@code litcovid-label} ({@link LitCovidImages.Image#summary()}) when the image JSON has the
 * figure. Licence: unknown, with the dataset's terms as statement (NCBI public-domain notice for the data set;
 * the quoted text keeps its article's own licence, which the dataset does not record).
 *
 * <p>Rejects (stage PARSE, source "COVID-19-CT-CXR"): {@code xml-malformed}, {@code io-error}, {@code
 * json-malformed} (the image JSON; documents are still read, without its labels), {@code document-malformed}
 * (no PMCID, figure id or url), {@code item-duplicate}, {@code image-not-local}.
 *
 * <p>Stateless, thread-safe and serializable.
 */
public final class CovidCtCxrReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  /** The parser name recorded in {@link Provenance#parser()}. */
  public static final String PARSER = "CovidCtCxrReader";
  /** The folder beside the XML where figure images are looked up. */
  public static final String FIGURES = "figures";
  static final String LICENCE_STATEMENT = "COVID-19-CT-CXR (ncbi-nlp): NCBI public domain notice for the data set; "
      + "captions and sentences are quoted from the PMC-OA article under that article's own licence";
  private static final String IMAGE_JSON_SUFFIX = ".litcovid.released.image.json";
  private static final int SNIFF_BYTES = 8192;
  private static final SourceDataset SOURCE = SourceDataset.COVID19_CT_CXR;

  @Override
  public String name() {
    return "covid19-ct-cxr";
  }

  @Override
  public boolean accepts(Path file) {
    Path fn = file.getFileName();
    if (fn == null || !fn.toString().toLowerCase(Locale.ROOT).endsWith(".xml") || !Files.isRegularFile(file)) {
      return false;
    }
    if (!SecureXml.sniffRootElement(file).filter("collection"::equals).isPresent()) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
      return head.contains("key=\"figure id\"") || head.contains("key='figure id'");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    String origin = Origins.relative(file, inputRoot);
    List<BiocFigure> figures;
    try {
      figures = BiocFigures.parse(file);
    } catch (SAXException e) {
      return ReadResult.rejected(reject("xml-malformed", "malformed XML in " + origin + ": " + e.getMessage(),
          origin, null));
    } catch (IOException | RuntimeException e) {
      return ReadResult.rejected(reject("io-error", "cannot read " + origin + ": " + e, origin, null));
    }
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Path folder = file.toAbsolutePath().normalize().getParent();
    LitCovidImages labels = imageLabels(folder, inputRoot, rejects);
    Set<String> seen = new HashSet<>();
    for (BiocFigure f : figures) {
      if (f.pmcid() == null || !f.pmcid().matches("PMC\\d+") || f.figureId() == null || f.url() == null
          || f.url().contains("/") || f.url().contains("\\")) {
        rejects.add(reject("document-malformed", "document \"" + f.documentId() + "\" in " + origin
            + " lacks a PMCID, a figure id or a plain url infon", origin, null));
        continue;
      }
      String id = Ids.sampleId(SOURCE, f.pmcid() + "_" + f.figureId());
      if (!seen.add(id)) {
        rejects.add(reject("item-duplicate", "figure " + f.documentId() + " occurs again in " + origin, origin, id));
        continue;
      }
      Path image = folder.resolve(FIGURES).resolve(f.imageName());
      if (!Files.isRegularFile(image)) {
        rejects.add(reject("image-not-local", "figure " + f.documentId() + " (" + origin + "): " + FIGURES + "/"
            + f.imageName() + " is not present; the data set ships no images: " + f.imageUrl(), origin, id));
        continue;
      }
      samples.add(sample(f, id, image, labels.byUrl(f.imageUrl()), origin, inputRoot));
    }
    return new ReadResult(samples, rejects);
  }

  private static LitCovidImages imageLabels(Path folder, Path inputRoot, List<Reject> rejects) {
    Optional<Path> json;
    try (Stream<Path> s = Files.list(folder)) {
      json = s.filter(p -> p.getFileName().toString().endsWith(IMAGE_JSON_SUFFIX) && Files.isRegularFile(p))
          .max(Path::compareTo);
    } catch (IOException | RuntimeException e) {
      return LitCovidImages.empty();
    }
    if (json.isEmpty()) {
      return LitCovidImages.empty();
    }
    try {
      return LitCovidImages.load(json.get());
    } catch (IOException | RuntimeException e) {
      String o = Origins.relative(json.get(), inputRoot);
      rejects.add(reject("json-malformed", "cannot read the image labels " + o + ": " + e, o, null));
      return LitCovidImages.empty();
    }
  }

  private static Sample sample(BiocFigure f, String id, Path image, Optional<LitCovidImages.Image> released,
      String origin, Path inputRoot) {
    int number = FigureMentions.number(f.figureId());
    List<String> inline = FigureMentions.citing(f.citingPassages(), number);
    TextField field = inline.isEmpty() ? TextField.CAPTION : TextField.INLINE;
    int position = field == TextField.INLINE ? FigureMentions.firstOffset(String.join(" ", inline), number) : 0;
    List<Modality> modalities = f.labels().stream().map(CovidCtCxrReader::modality)
        .flatMap(Optional::stream).distinct().toList();
    String labelText = f.labels().isEmpty() ? null : String.join(",", f.labels());
    ImageRef ref = ImageRef.unresolved(f.figureId(), ImageKind.IMAGE_2D, image.toString(),
        List.of(Origins.relative(image, inputRoot)), field, position,
        modalities.size() == 1 ? modalities.get(0) : null, labelText, null, f.caption());
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("figure-id", f.figureId());
    if (labelText != null) {
      attrs.put("label", labelText);
    }
    attrs.put("image-file", f.imageName());
    attrs.put("image-url", f.imageUrl());
    attrs.put("labelled-files", Integer.toString(f.files().size()));
    released.ifPresent(r -> attrs.put("litcovid-label", r.summary()));
    Provenance prov = new Provenance(origin, f.documentId(), null, null,
        "https://www.ncbi.nlm.nih.gov/pmc/articles/" + f.pmcid() + "/", PARSER);
    return new Sample(id, SOURCE, f.pmcid(), SampleText.builder().caption(f.caption()).inline(inline).build(),
        List.of(ref), modalities, null, List.of(), Licence.unknown(LICENCE_STATEMENT), prov, attrs, Map.of());
  }

  /** {@code ct} -> CT, {@code cxr} -> XR; empty for other labels. */
  static Optional<Modality> modality(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "ct" -> Optional.of(Modality.CT);
      case "cxr" -> Optional.of(Modality.XR);
      default -> Optional.empty();
    };
  }

  private static Reject reject(String reason, String message, String origin, String itemId) {
    return new Reject(SOURCE.displayName(), Stage.PARSE, reason, message, origin, itemId);
  }
}
