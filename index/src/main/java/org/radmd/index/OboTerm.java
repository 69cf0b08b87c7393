package org.radmd.index;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One live ontology term as {@link DiseaseVocabulary} keeps it.
 *
 * @param id primary id, e.g. {@code DOID:9477}
 * @param name preferred name, trimmed
 * @param synonyms the synonyms kept (EXACT, plus abbreviation-like RELATED), trimmed, in file order
 */
record OboTerm(String id, String name, List<String> synonyms) implements Serializable {
  private static final long serialVersionUID = 1L;

  OboTerm {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    synonyms = List.copyOf(synonyms);
  }

  /** The name, then the synonyms. */
  List<String> labels() {
    List<String> all = new ArrayList<>(synonyms.size() + 1);
    all.add(name);
    all.addAll(synonyms);
    return all;
  }
}
