package org.radmd.scrapers.jats;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <fig>} of a JATS article, as read from the XML (images not yet looked up).
 *
 * @param id the {@code fig/@id}; {@code "fig<n>"} (1-based, document order) when the figure has none
 * @param label the {@code <label>} text, whitespace collapsed (no-break spaces become spaces), or null
 * @param caption all text of {@code <caption>} (title and paragraphs) with whitespace collapsed, or null
 * @param graphicHrefs {@code xlink:href} of each {@code <graphic>} in the figure (within an
 *     {@code <alternatives>} only the first), as written (often without file extension)
 * @param citingSentences body sentences citing the figure, document order, no duplicates; never null
 * @param firstCitationOffset character offset, within the first citing sentence, of the first citing
 *     {@code <xref>}'s text; 0 when there is no citing sentence
 */
public record JatsFigure(String id, String label, String caption, List<String> graphicHrefs,
    List<String> citingSentences, int firstCitationOffset) {
  public JatsFigure {
    Objects.requireNonNull(id, "id");
    graphicHrefs = graphicHrefs == null ? List.of() : List.copyOf(graphicHrefs);
    citingSentences = citingSentences == null ? List.of() : List.copyOf(citingSentences);
  }
}
