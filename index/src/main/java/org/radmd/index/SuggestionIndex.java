package org.radmd.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labels that a query box may suggest, matched by prefix on their {@linkplain DiseaseVocabulary#key normalized
 * key}: labels whose key starts with the prefix come first, then labels with a later word starting with it; each
 * tier shortest first, then by key. Immutable and thread-safe; each lookup scans every label (about a millisecond
 * per 50,000 labels).
 */
final class SuggestionIndex {
  /** A label with its normalized key. */
  record Label(String key, String text) {}

  static final SuggestionIndex EMPTY = new SuggestionIndex(List.of());
  private static final Comparator<Label> ORDER =
      Comparator.comparingInt((Label l) -> l.key().length()).thenComparing(Label::key);

  private final List<Label> labels;

  private SuggestionIndex(List<Label> labels) {
    this.labels = labels;
  }

  /**
   * An index of {@code texts}, one label per normalized key; where several texts share a key the one
   * {@code preferred} sorts first is kept. Texts with an empty key are dropped.
   */
  static SuggestionIndex of(Iterable<String> texts, Comparator<String> preferred) {
    Map<String, String> byKey = new TreeMap<>();
    for (String t : texts) {
      String k = DiseaseVocabulary.key(t);
      if (!k.isEmpty()) {
        byKey.merge(k, t, (a, b) -> preferred.compare(a, b) <= 0 ? a : b);
      }
    }
    List<Label> labels = new ArrayList<>(byKey.size());
    byKey.forEach((k, t) -> labels.add(new Label(k, t)));
    return new SuggestionIndex(List.copyOf(labels));
  }

  /** Number of labels. */
  int size() {
    return labels.size();
  }

  /** At most {@code limit} labels matching {@code prefix} (see the class comment); empty for a blank prefix. */
  List<String> suggest(String prefix, int limit) {
    String p = DiseaseVocabulary.key(prefix);
    if (p.isEmpty() || limit < 1) {
      return List.of();
    }
    List<Label> starts = new ArrayList<>();
    List<Label> inside = new ArrayList<>();
    String wordStart = " " + p;
    for (Label l : labels) {
      if (l.key().startsWith(p)) {
        starts.add(l);
      } else if (l.key().contains(wordStart)) {
        inside.add(l);
      }
    }
    starts.sort(ORDER);
    inside.sort(ORDER);
    List<String> out = new ArrayList<>(Math.min(limit, starts.size() + inside.size()));
    for (List<Label> tier : List.of(starts, inside)) {
      for (Label l : tier) {
        if (out.size() == limit) {
          return List.copyOf(out);
        }
        out.add(l.text());
      }
    }
    return List.copyOf(out);
  }
}
