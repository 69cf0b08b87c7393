package org.radmd.scrapers.covid;

import java.util.List;
import java.util.Objects;

/**
 * One BioC {@code <document>} of COVID-19-CT-CXR's figure file: a PMC figure with its caption, the passages
 * that cite it and its image files.
 *
 * @param documentId the document {@code <id>}, {@code <PMCID>_<figure id>}
 * @param pmcid the PMC id (the part of the document id before the first {@code '_'})
 * @param figureId {@code infon[@key='figure id']} (the JATS {@code fig/@id}: {@code Fig1}, {@code F2}, ...)
 * @param url {@code infon[@key='url']}: the figure file name on PMC ({@code .../pmc/articles/<PMCID>/bin/<url>})
 * @param files {@code infon[@key='files']} (a JSON list): image files cut from the figure with their labels
 * @param caption the text of the {@code caption} passage (whitespace collapsed), or null
 * @param citingPassages texts of the {@code text} passages, document order (whitespace collapsed)
 */
public record BiocFigure(String documentId, String pmcid, String figureId, String url, List<LabelledFile> files,
    String caption, List<String> citingPassages) {

  /** An image file named in {@code files} with its label ({@code "ct"} or {@code "cxr"}). */
  public record LabelledFile(String filename, String type) {}

  public BiocFigure {
    Objects.requireNonNull(documentId, "documentId");
    files = files == null ? List.of() : List.copyOf(files);
    citingPassages = citingPassages == null ? List.of() : List.copyOf(citingPassages);
  }

  /** The distinct labels of {@link #files()}, first-seen order. */
  public List<String> labels() {
    return files.stream().map(LabelledFile::type).filter(Objects::nonNull).distinct().toList();
  }

  /** The whole-figure image's file name as COVID-19-CT-CXR names downloads: {@code <PMCID>_<url>}. */
  public String imageName() {
    return pmcid + "_" + url;
  }

  /** The figure's address on PMC. */
  public String imageUrl() {
    return "https://www.ncbi.nlm.nih.gov/pmc/articles/" + pmcid + "/bin/" + url;
  }
}
