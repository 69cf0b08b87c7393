package org.radmd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.filters.ImageSource;
import org.radmd.filters.ModalityClassifier;
import org.radmd.filters.RadiologyFilter;
import org.radmd.filters.RadmdFilters;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.covid.BiocFigure;
import org.radmd.scrapers.covid.BiocFigures;
import org.radmd.scrapers.covid.CovidCtCxrReader;
import org.radmd.scrapers.roco.RocoReader;

/**
 * Measures the RadMD radiology decision against the labels the sources carry: MedPix's per-image modality
 * ({@code Type}: CT / MR), COVID-19-CT-CXR's figure labels ({@code ct} / {@code cxr}), MedICaT's
 * {@code radiology} flag and ROCO's radiology split (every caption of {@code data/<split>/radiology/} is
 * radiology; a {@code non-radiology} folder would be the negatives).
 *
 * <p>Inputs are read with the scrapers' {@link Readers}. The decision never sees the label: before deciding,
 * every item is <i>blinded</i> — image and sample modalities, modality labels and the label attributes
 * ({@code radiology}, {@code scope}, {@code predicted-type}, {@code label}, {@code litcovid-label}) are
 * removed — so it rests on text and image statistics only. ROCO and COVID-19-CT-CXR ship no images: their
 * readers turn every item into an {@code image-not-local} reject, so their items are rebuilt text-only from
 * the same files (ROCO {@code captions.txt} lines; COVID-19-CT-CXR via {@link BiocFigures#parse}: the caption, and the
 * passages citing the figure as inline text)
 * and evaluated on text.
 *
 * <p>Measures: <i>radiology accuracy</i> — the keep/drop decision equals the label (every MedPix and
 * COVID-19-CT-CXR item is radiology); <i>modality agreement</i> — for modality labels, among items kept whose
 * caption (else other text) names a modality, the share naming a labelled one; <i>strict</i> modality accuracy
 * counts items naming none as wrong (a caption such as "Bladder with thickened wall" cannot say CT or MR). Not thread-safe; one per
 * run.
 */
final class FilterEvaluation {
  static final String MEDPIX = "MedPix modality";
  static final String COVID = "COVID-19-CT-CXR CT/CXR";
  static final String MEDICAT = "MedICaT radiology flag";
  static final String ROCO = "ROCO radiology split";
  static final String NOT_RADIOLOGY = "not radiology";
  static final String NO_MODALITY = "radiology, no modality";
  private static final Set<String> LABEL_ATTRIBUTES = Set.of("radiology", "scope", "predicted-type", "label",
      "litcovid-label");

  /**
   * One labelled item and the decision on it.
   *
   * @param source label source (one of the constants)
   * @param id sample or item id
   * @param labelRadiology the label: radiology or not
   * @param labelModalities labelled modalities (empty for radiology flags)
   * @param textOnly true when no image was available to the decision
   * @param verdict the decision
   * @param predicted the modalities the caption names, else those the other text names (may be empty)
   * @param caption the text the decision read first (for listing errors)
   */
  record Item(String source, String id, boolean labelRadiology, Set<Modality> labelModalities, boolean textOnly,
      RadiologyFilter.Verdict verdict, Set<Modality> predicted, String caption) {
    boolean keptAsRadiology() {
      return verdict.decision().keep();
    }

    /** The radiology decision agrees with the label. */
    boolean radiologyCorrect() {
      return keptAsRadiology() == labelRadiology;
    }

    /** Whether a modality is labelled and the kept item's text names one. */
    boolean modalityNamed() {
      return !labelModalities.isEmpty() && keptAsRadiology() && !predicted.isEmpty();
    }

    /** Kept as radiology and a named modality is one of the labelled ones (false without a label). */
    boolean modalityAgrees() {
      return modalityNamed() && predicted.stream().anyMatch(labelModalities::contains);
    }

    /** Radiology correct, and for modality labels also a named, agreeing modality. */
    boolean correct() {
      return radiologyCorrect() && (labelModalities.isEmpty() || modalityAgrees());
    }

    /** The row of the modality confusion table. */
    String labelName() {
      return join(labelModalities);
    }

    /** The column of the modality confusion table. */
    String decisionName() {
      if (!keptAsRadiology()) {
        return NOT_RADIOLOGY;
      }
      return predicted.isEmpty() ? NO_MODALITY : join(predicted);
    }

    private static String join(Set<Modality> m) {
      return m.stream().map(Modality::name).sorted().reduce((a, b) -> a + "+" + b).orElse("");
    }
  }

  /**
   * The measures of one label source.
   *
   * @param source label source
   * @param items labelled items
   * @param radiologyCorrect items whose radiology decision agrees with the label
   * @param modalityLabelled items with a modality label
   * @param modalityNamed of those, items kept whose text names a modality
   * @param modalityAgrees of those, items whose named modalities include a labelled one
   * @param textOnly true when every item was decided without images
   */
  record Score(String source, int items, int radiologyCorrect, int modalityLabelled, int modalityNamed,
      int modalityAgrees, boolean textOnly) {
    /** Radiology decision accuracy. */
    double accuracy() {
      return items == 0 ? Double.NaN : radiologyCorrect / (double) items;
    }

    /** Modality agreement where the text names a modality; NaN without modality labels. */
    double modalityAgreement() {
      return modalityNamed == 0 ? Double.NaN : modalityAgrees / (double) modalityNamed;
    }

    /** Share of modality-labelled items kept with an agreeing modality (no name counts as wrong). */
    double modalityStrict() {
      return modalityLabelled == 0 ? Double.NaN : modalityAgrees / (double) modalityLabelled;
    }

    static Score of(String source, List<Item> items) {
      return new Score(source, items.size(), (int) items.stream().filter(Item::radiologyCorrect).count(),
          (int) items.stream().filter(i -> !i.labelModalities().isEmpty()).count(),
          (int) items.stream().filter(Item::modalityNamed).count(),
          (int) items.stream().filter(Item::modalityAgrees).count(),
          !items.isEmpty() && items.stream().allMatch(Item::textOnly));
    }
  }

  private final RadmdFilters filters;
  private final ModalityClassifier classifier = ModalityClassifier.defaults();
  final List<Item> items = new ArrayList<>();
  /** Every sample the readers formed, and what the full filter chain did with it. */
  final Map<String, Integer> chainOutcomes = new TreeMap<>();
  final List<String> dropsWithoutReason = new ArrayList<>();
  int chainSamples;
  final Map<SourceDataset, int[]> unlabelled = new TreeMap<>();

  FilterEvaluation(RadmdFilters filters) {
    this.filters = filters;
  }

  /**
   * Reads every input under {@code corpus} and decides every labelled item.
   *
   * @throws IOException if a ROCO or COVID-19-CT-CXR label file cannot be read
   */
  FilterEvaluation run(Path corpus) throws IOException {
    Path root = corpus.toAbsolutePath().normalize();
    ImageSource images = ImageSource.files(root);
    for (Path file : Readers.discover(root)) {
      Optional<SourceReader> reader = Readers.readerFor(file);
      if (reader.isEmpty()) {
        continue;
      }
      ReadResult rr = reader.get().read(file, root);
      for (Sample s : rr.samples()) {
        chain(s, images);
        switch (s.source()) {
          case MPX -> medpix(s, images);
          case MEDICAT -> medicat(s, images);
          default -> {
            RadiologyFilter.Verdict v = filters.radiologyVerdict(blind(s), images);
            unlabelled.computeIfAbsent(s.source(), k -> new int[2])[v.decision().keep() ? 0 : 1]++;
          }
        }
      }
      if (reader.get() instanceof RocoReader && notLocal(rr)) {
        roco(file);
      } else if (reader.get() instanceof CovidCtCxrReader && notLocal(rr)) {
        covid(file);
      }
    }
    return this;
  }

  private static boolean notLocal(ReadResult rr) {
    return rr.rejects().stream().anyMatch(r -> r.reason().equals("image-not-local"));
  }

  /** The full chain on a reader's sample: every drop must carry a rule and a reason. */
  private void chain(Sample s, ImageSource images) {
    RadmdFilters.Outcome o = filters.apply(s, images);
    chainSamples++;
    String key = (o.decision().keep() ? "kept  " : "dropped ") + o.decision().rule() + " / " + o.decision().reason();
    chainOutcomes.merge(key, 1, Integer::sum);
    if (!o.decision().keep()) {
      Reject r = Reject.of(o.sample(), org.radmd.core.Stage.FILTER, o.decision().reason(), o.message());
      if (o.decision().rule().isBlank() || r.reason().isBlank() || !r.message().contains(o.decision().rule())) {
        dropsWithoutReason.add(s.id());
      }
    }
  }

  private void medpix(Sample s, ImageSource images) {
    for (ImageRef img : s.images()) {
      if (img.modality() == null) {
        continue;
      }
      SampleText t = s.text();
      SampleText perImage = new SampleText(t.title(), img.caption(), t.inline(), t.question(), t.answer(),
          t.history(), t.findings(), t.impression(), t.discussion());
      Sample one = withText(s, perImage).withImages(List.of(img));
      decide(MEDPIX, s.id() + "/" + img.id(), true, Set.of(img.modality()), false, one, images);
    }
  }

  private void medicat(Sample s, ImageSource images) {
    String flag = s.attributes().get("radiology");
    if (flag == null) {
      return;
    }
    decide(MEDICAT, s.id(), Boolean.parseBoolean(flag), Set.of(), false, s, images);
  }

  private void roco(Path captions) throws IOException {
    String folder = captions.toAbsolutePath().getParent().getFileName().toString().toLowerCase(Locale.ROOT);
    boolean radiology = !folder.contains("non-radiology") && !folder.contains("non_radiology")
        && !folder.contains("nonradiology");
    for (String line : Files.readAllLines(captions, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab <= 0 || line.substring(tab + 1).isBlank()) {
        continue;
      }
      String rocoId = line.substring(0, tab).strip();
      Sample s = textOnly(SourceDataset.ROCO, rocoId, line.substring(tab + 1).strip(), List.of());
      decide(ROCO, rocoId, radiology, Set.of(), true, s, ImageSource.NONE);
    }
  }

  private void covid(Path xml) throws IOException {
    List<BiocFigure> figures;
    try {
      figures = BiocFigures.parse(xml);
    } catch (org.xml.sax.SAXException e) {
      throw new IOException("malformed " + xml + ": " + e.getMessage(), e);
    }
    for (BiocFigure f : figures) {
      Set<Modality> labels = new LinkedHashSet<>();
      for (String l : f.labels()) {
        switch (l.strip().toLowerCase(Locale.ROOT)) {
          case "ct" -> labels.add(Modality.CT);
          case "cxr" -> labels.add(Modality.XR);
          default -> { }
        }
      }
      if (labels.isEmpty() || f.caption() == null || f.caption().isBlank()) {
        continue;
      }
      Sample s = textOnly(SourceDataset.COVID19_CT_CXR, f.documentId(), f.caption(), f.citingPassages());
      decide(COVID, f.documentId(), true, labels, true, s, ImageSource.NONE);
    }
  }

  private void decide(String source, String id, boolean labelRadiology, Set<Modality> labelModalities,
      boolean textOnly, Sample s, ImageSource images) {
    Sample blind = blind(s);
    RadiologyFilter.Verdict v = filters.radiologyVerdict(blind, textOnly ? ImageSource.NONE : images);
    Set<Modality> predicted = new LinkedHashSet<>(classifier.classify(blind.text().caption()).modalities());
    if (predicted.isEmpty()) {
      predicted.addAll(classifier.classify(otherText(blind.text())).modalities());
    }
    String shown = blind.text().caption() != null ? blind.text().caption() : blind.text().findings();
    items.add(new Item(source, id, labelRadiology, labelModalities, textOnly, v, predicted, shown));
  }

  /** {@code s} without any label: no modalities, modality labels or label attributes. */
  static Sample blind(Sample s) {
    List<ImageRef> images = s.images().stream().map(i -> new ImageRef(i.id(), i.kind(), i.path(), i.sourceFiles(),
        i.shape(), i.textField(), i.position(), null, null, i.plane(), i.caption(), i.pixelHash())).toList();
    Map<String, String> attrs = new LinkedHashMap<>(s.attributes());
    attrs.keySet().removeAll(LABEL_ATTRIBUTES);
    return new Sample(s.id(), s.source(), s.caseId(), s.text(), images, List.of(), s.anatomy(), s.diagnoses(),
        s.licence(), s.provenance(), attrs, s.scores());
  }

  /** Inline sentences, findings, title and impression: the text a caption-less decision reads. */
  private static String otherText(SampleText t) {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {t.inline().isEmpty() ? null : String.join(" ", t.inline()), t.findings(),
        t.title(), t.impression()}) {
      if (part != null && !part.isBlank()) {
        sb.append(part.strip()).append('\n');
      }
    }
    return sb.toString();
  }

  private static Sample withText(Sample s, SampleText t) {
    return new Sample(s.id(), s.source(), s.caseId(), t, s.images(), s.modalities(), s.anatomy(), s.diagnoses(),
        s.licence(), s.provenance(), s.attributes(), s.scores());
  }

  private static Sample textOnly(SourceDataset source, String itemId, String caption, List<String> inline) {
    return new Sample(source.idPrefix() + "-" + itemId, source, itemId,
        SampleText.builder().caption(caption).inline(inline).build(), List.of(), List.of(), null, List.of(),
        Licence.unknown(null), new Provenance(itemId, itemId, null, null, null, "filter-eval"), Map.of(), Map.of());
  }

  /** Accuracy per label source, in a fixed order; sources without items are left out. */
  List<Score> scores() {
    List<Score> out = new ArrayList<>();
    for (String src : List.of(MEDPIX, COVID, MEDICAT, ROCO)) {
      List<Item> of = of(src);
      if (!of.isEmpty()) {
        out.add(Score.of(src, of));
      }
    }
    return out;
  }

  /** The measures over every labelled item. */
  Score overall() {
    return Score.of("overall", items);
  }

  List<Item> of(String source) {
    return items.stream().filter(i -> i.source().equals(source)).toList();
  }

  /** Prints the report: accuracy table, confusion tables, the chain's outcomes, and up to {@code errors} misses. */
  void print(PrintWriter out, Path corpus, int errors) {
    out.printf("radmd filter-eval: the RadMD radiology decision against source labels in %s%n", corpus);
    out.println("The decision sees text and image statistics only: modalities, modality labels and label");
    out.println("attributes are removed from every item before deciding. ROCO and COVID-19-CT-CXR ship no");
    out.println("images, so their items are decided on the caption text alone (input = text).");
    out.println();
    out.println("radiology = the keep/drop decision against the label (MedPix and COVID-19-CT-CXR items are all");
    out.println("radiology). modality = for modality labels, items kept whose caption (else other text) names a");
    out.println("modality, and how many of those name a labelled one; strict = agreeing / all modality-labelled.");
    out.println();
    out.printf("%-24s %6s %8s %10s %9s %14s %9s %8s%n", "label source", "items", "input", "radiology",
        "accuracy", "modality named", "agrees", "strict");
    for (Score s : scores()) {
      row(out, s, s.textOnly() ? "text" : "text+img");
    }
    row(out, overall(), "");
    List<Item> roco = of(ROCO);
    if (!roco.isEmpty()) {
      out.println();
      out.println("ROCO halves: the context lexicon was written from misses in the even-numbered ROCO ids only;");
      out.println("the odd half is held out.");
      for (int half = 0; half < 2; half++) {
        final int h = half;
        List<Item> part = roco.stream().filter(i -> rocoNumber(i.id()) % 2 == h).toList();
        long ok = part.stream().filter(Item::radiologyCorrect).count();
        out.printf(Locale.ROOT, "  %-22s %7d %8s %8d %9.4f%n", h == 0 ? "even ids (tuning)" : "odd ids (held out)",
            part.size(), "text", ok, ok / (double) Math.max(1, part.size()));
      }
      long undetermined = roco.stream().filter(i -> i.verdict().basis().equals("undetermined")).count();
      long strict = roco.stream().filter(Item::radiologyCorrect)
          .filter(i -> !i.verdict().basis().equals("undetermined")).count();
      out.printf(Locale.ROOT, "  kept with no evidence either way (keepUndetermined): %d; accuracy if those"
          + " were dropped: %.4f%n", undetermined, strict / (double) roco.size());
    }
    for (Score s : scores()) {
      out.println();
      out.printf("confusion: %s (rows: label, columns: decision)%n", s.source());
      List<Item> of = of(s.source());
      if (s.modalityLabelled() > 0) {
        confusion(out, of, Item::labelName, Item::decisionName);
      } else {
        confusion(out, of, i -> i.labelRadiology() ? "radiology" : NOT_RADIOLOGY,
            i -> i.keptAsRadiology() ? "kept (radiology)" : "dropped");
      }
    }
    out.println();
    out.printf("decision bases over all labelled items:%n");
    Map<String, Integer> bases = new TreeMap<>();
    for (Item i : items) {
      bases.merge(i.source() + " | " + i.verdict().basis(), 1, Integer::sum);
    }
    bases.forEach((k, v) -> out.printf("  %-58s %6d%n", k, v));
    out.println();
    out.printf("full rule chain on the %d samples the readers formed (rule / reason):%n", chainSamples);
    chainOutcomes.forEach((k, v) -> out.printf("  %-58s %6d%n", k, v));
    out.printf("  dropped without a rule name and reason: %d%n", dropsWithoutReason.size());
    if (!unlabelled.isEmpty()) {
      out.println();
      out.println("unlabelled sources (radiology decision, blinded): kept / dropped");
      unlabelled.forEach((k, v) -> out.printf("  %-24s %5d / %d%n", k.displayName(), v[0], v[1]));
    }
    if (errors > 0) {
      out.println();
      out.printf("misses (first %d per source):%n", errors);
      for (Score s : scores()) {
        of(s.source()).stream().filter(i -> !i.correct()).limit(errors).forEach(i -> out.printf(
            "  [%s] %s label=%s decision=%s %s: %s%n", s.source(), i.id(),
            i.labelModalities().isEmpty() ? (i.labelRadiology() ? "radiology" : NOT_RADIOLOGY) : i.labelName(),
            i.decisionName(),
            i.verdict().detail(), abbreviate(i.caption())));
      }
    }
    out.flush();
  }

  private static void row(PrintWriter out, Score s, String input) {
    String named = s.modalityLabelled() == 0 ? "-" : s.modalityNamed() + "/" + s.modalityLabelled();
    String agrees = s.modalityLabelled() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", s.modalityAgreement());
    String strict = s.modalityLabelled() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", s.modalityStrict());
    out.printf(Locale.ROOT, "%-24s %6d %8s %10s %9.4f %14s %9s %8s%n", s.source(), s.items(), input,
        s.radiologyCorrect() + "/" + s.items(), s.accuracy(), named, agrees, strict);
  }

  private static void confusion(PrintWriter out, List<Item> items,
      java.util.function.Function<Item, String> rowOf, java.util.function.Function<Item, String> colOf) {
    Set<String> rows = new java.util.TreeSet<>();
    Set<String> cols = new java.util.TreeSet<>(Comparator.comparing((String c) -> c.equals(NOT_RADIOLOGY))
        .thenComparing(c -> c.equals(NO_MODALITY)).thenComparing(Comparator.naturalOrder()));
    Map<String, Integer> cells = new TreeMap<>();
    for (Item i : items) {
      rows.add(rowOf.apply(i));
      cols.add(colOf.apply(i));
      cells.merge(rowOf.apply(i) + "\u0000" + colOf.apply(i), 1, Integer::sum);
    }
    out.printf("  %-16s", "");
    for (String c : cols) {
      out.printf(" %16s", c);
    }
    out.println();
    for (String r : rows) {
      out.printf("  %-16s", r);
      for (String c : cols) {
        out.printf(" %16d", cells.getOrDefault(r + "\u0000" + c, 0));
      }
      out.println();
    }
  }

  private static int rocoNumber(String id) {
    String digits = id.replaceAll("\\D", "");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 9)));
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }
}
