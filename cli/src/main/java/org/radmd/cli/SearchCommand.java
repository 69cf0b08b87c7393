package org.radmd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.index.CaseSearcher;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.SearchHit;
import org.radmd.index.SearchRequest;
import org.radmd.index.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code radmd search}: ranked cases for a disease query. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search an index built by 'radmd build' for cases by disease, with synonyms.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, description = "Index folder (OUT/index of a build).")
  Path index;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Query words; quote phrases.")
  List<String> query;

  @Option(names = "--modality", description = "Only cases with this DICOM modality code (CT, MR, CR, ...).")
  String modality;

  @Option(names = "--source", description = "Only this source dataset (PMC-Inline, MPx, RP3D, ...).")
  String source;

  @Option(names = "--limit", defaultValue = "10", description = "Cases to show.")
  int limit;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--vocab", description = "Disease Ontology .obo for synonyms (default as for build).")
  Path vocab;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("index folder not found: " + index);
    }
    Modality m = null;
    if (modality != null) {
      m = Modality.fromCode(modality).orElseThrow(
          () -> new IllegalArgumentException("unknown modality code: " + modality));
    }
    Path vocabFile = SharedPaths.vocabulary(vocab);
    DiseaseVocabulary v = vocabFile == null ? DiseaseVocabulary.empty() : DiseaseVocabulary.load(vocabFile);
    SearchResult result;
    try (CaseSearcher searcher = CaseSearcher.open(index, v)) {
      result = searcher.search(new SearchRequest(String.join(" ", query), m, source, limit));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(result));
      return 0;
    }
    Path root = index.toAbsolutePath().getParent();
    out.printf("%d case(s) for \"%s\"%s%n", result.totalCases(), String.join(" ", query),
        result.expandedTerms().size() > 1 ? " (also: " + String.join(", ", result.expandedTerms().subList(1,
            Math.min(6, result.expandedTerms().size()))) + ")" : "");
    int rank = 1;
    for (SearchHit h : result.hits()) {
      out.printf("%n%2d. %s  [%s %s]  %s%n", rank++, String.join("; ", h.diagnoses().isEmpty()
          ? List.of(h.title() == null ? "" : h.title()) : h.diagnoses()), h.source(), h.caseId(),
          String.join(",", h.modalities()));
      out.printf("    %s  score %.2f  licence %s%n", h.sampleId(), h.score(), h.licence());
      if (h.snippet() != null && !h.snippet().isBlank()) {
        out.printf("    %s%n", plainSnippet(h.snippet()));
      }
      for (String p : h.imagePaths()) {
        out.printf("    %s%n", root.resolve(p));
        if (p.endsWith(".nii.gz")) {
          out.printf("      key slice: %s%n", root.resolve(p.substring(0, p.length() - ".nii.gz".length()) + ".png"));
        }
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The index's snippet (HTML-escaped text with matches in {@code <b>}) as terminal text: matches in
   * {@code **bold**} markers, entities unescaped, whitespace collapsed.
   */
  static String plainSnippet(String html) {
    return html.replace("<b>", "**").replace("</b>", "**").replaceAll("<[^>]+>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&#x27;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }
}
