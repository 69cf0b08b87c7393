package org.radmd.index;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Disease names and their synonyms from the Human Disease Ontology, held in memory as hash maps: used to expand
 * queries ("pulmonary embolism" also searches "pulmonary embolus") and to map free-text diagnoses to DOIDs.
 *
 * <p>Matching is on a normalized key: accents folded, lower-cased, every run of characters other than letters
 * and digits read as one space. So "Pulmonary  Embolus", "pulmonary embolus" and "pulmonary-embolus" are the
 * same key, and "Sjögren" matches "Sjogren".
 *
 * <p>Immutable once loaded, so safe to share between threads; {@link Serializable} so that a pipeline can ship
 * it to workers. Holds no resources: nothing to close.
 */
public final class DiseaseVocabulary implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final DiseaseVocabulary EMPTY = new DiseaseVocabulary(List.of());

  /** Live terms by primary id. */
  private final Map<String, OboTerm> termsById;
  /** Normalized label to the ids of the terms carrying it: terms whose name it is first, then file order. */
  private final Map<String, List<String>> idsByKey;
  /** Keys whose every label is an abbreviation ("GBM"); inside longer text they match only when upper-case. */
  private final Set<String> abbreviationKeys;
  /** Words in the longest key; bounds the n-gram search of {@link #termIdFor}. */
  private final int maxKeyWords;
  /** Labels for {@link #suggest}, built lazily (a benign race: two threads may both build it). */
  private transient volatile @Nullable SuggestionIndex suggestionIndex;

  private DiseaseVocabulary(List<OboTerm> terms) {
    Map<String, OboTerm> byId = new LinkedHashMap<>();
    Map<String, List<String>> nameIds = new HashMap<>();
    Map<String, List<String>> synonymIds = new HashMap<>();
    Set<String> abbreviations = new HashSet<>();
    Set<String> nonAbbreviations = new HashSet<>();
    int maxWords = 0;
    for (OboTerm t : terms) {
      byId.put(t.id(), t);
      for (String label : t.labels()) {
        String key = key(label);
        if (key.isEmpty()) {
          continue;
        }
        Map<String, List<String>> target = label.equals(t.name()) ? nameIds : synonymIds;
        List<String> ids = target.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!ids.contains(t.id())) {
          ids.add(t.id());
        }
        (isAbbreviation(label) ? abbreviations : nonAbbreviations).add(key);
        maxWords = Math.max(maxWords, key.split(" ").length);
      }
    }
    Map<String, List<String>> merged = new HashMap<>(nameIds.size() + synonymIds.size());
    nameIds.forEach((k, ids) -> merged.put(k, new ArrayList<>(ids)));
    synonymIds.forEach((k, ids) -> {
      List<String> all = merged.computeIfAbsent(k, x -> new ArrayList<>(ids.size()));
      ids.stream().filter(id -> !all.contains(id)).forEach(all::add);
    });
    merged.replaceAll((k, ids) -> List.copyOf(ids));
    abbreviations.removeAll(nonAbbreviations);
    this.termsById = Map.copyOf(byId);
    this.idsByKey = Map.copyOf(merged);
    this.abbreviationKeys = Set.copyOf(abbreviations);
    this.maxKeyWords = maxWords;
  }

  /**
   * Reads an OBO 1.2 file. Only {@code [Term]} stanzas are read: {@code id}, {@code name}, and the
   * {@code synonym} lines of scope EXACT plus RELATED synonyms that look like abbreviations (at most 6
   * characters, no lower-case letter, e.g. "HGE"). Terms marked {@code is_obsolete: true} are skipped.
   *
   * @throws IOException if the file cannot be read or a synonym line is malformed (the message names the line)
   */
  public static DiseaseVocabulary load(Path oboFile) throws IOException {
    return new DiseaseVocabulary(OboReader.read(oboFile));
  }

  /**
   * Reads several OBO files (as {@link #load(Path)} does each) into one vocabulary, so that an old complete
   * release and a newer subset complement each other. Terms with the same id are merged: the name of the first
   * file that has the term stays the name, a different name in a later file becomes a synonym, and synonyms are
   * the union in file order (duplicates by normalized key dropped). For example the 2016 release names DOID:3068
   * "glioblastoma multiforme" and the 2026 subset "glioblastoma": merged in that order, "glioblastoma" is a
   * synonym of "glioblastoma multiforme".
   *
   * @param oboFiles the files, earliest precedence first; an empty list gives an empty vocabulary
   * @throws IOException as {@link #load(Path)}, for the first file that fails
   */
  public static DiseaseVocabulary load(List<Path> oboFiles) throws IOException {
    Map<String, OboTerm> merged = new LinkedHashMap<>();
    for (Path file : oboFiles) {
      for (OboTerm t : OboReader.read(file)) {
        merged.merge(t.id(), t, DiseaseVocabulary::mergeTerms);
      }
    }
    return new DiseaseVocabulary(List.copyOf(merged.values()));
  }

  /** {@code first} with the labels of {@code later} that it lacks added as synonyms. */
  private static OboTerm mergeTerms(OboTerm first, OboTerm later) {
    Set<String> keys = new HashSet<>();
    List<String> synonyms = new ArrayList<>();
    keys.add(key(first.name()));
    for (String label : first.synonyms()) {
      if (keys.add(key(label))) {
        synonyms.add(label);
      }
    }
    for (String label : later.labels()) {
      if (keys.add(key(label))) {
        synonyms.add(label);
      }
    }
    return new OboTerm(first.id(), first.name(), synonyms);
  }

  /**
   * The Disease Ontology release in the shared folder: {@code <sharedRoot>/vocab/doid.obo}.
   *
   * @throws IOException as {@link #load}
   */
  public static DiseaseVocabulary loadDefault(Path sharedRoot) throws IOException {
    return load(sharedRoot.resolve("vocab").resolve("doid.obo"));
  }

  /** A vocabulary without terms: {@link #expand} returns only the phrase, {@link #termIdFor} is always empty. */
  public static DiseaseVocabulary empty() {
    return EMPTY;
  }

  /** Number of live (non-obsolete) terms. */
  public int size() {
    return termsById.size();
  }

  /**
   * The phrase and every name and synonym of each term whose name or a synonym equals the phrase, compared on
   * the normalized key; no two entries have the same key. The phrase comes first, whitespace-collapsed but
   * otherwise as given; a phrase no term carries gives a list of the phrase alone. A blank phrase gives an empty
   * list.
   */
  public List<String> expand(String phrase) {
    String display = phrase.strip().replaceAll("\\s+", " ");
    String key = key(display);
    if (display.isEmpty()) {
      return List.of();
    }
    Map<String, String> byKey = new LinkedHashMap<>();
    byKey.put(key, display);
    for (String id : idsByKey.getOrDefault(key, List.of())) {
      for (String label : termsById.get(id).labels()) {
        byKey.putIfAbsent(key(label), label);
      }
    }
    return List.copyOf(byKey.values());
  }

  /**
   * The ids of the terms whose name or a synonym equals {@code phrase} (normalized key), terms whose name it is
   * first; empty when none.
   */
  public List<String> termIds(String phrase) {
    return idsByKey.getOrDefault(key(phrase), List.of());
  }

  /**
   * The best DOID for a diagnosis as a source writes it. The whole normalized text is tried first as a name or
   * synonym; failing that, its longest word n-gram that is one (the leftmost among equally long ones), so
   * "Medulloblastoma confirmed by pathology." gives {@code DOID:0050902}. Inside longer text an abbreviation
   * (such as "GBM") matches only when written in capitals. Where a label belongs to several terms, a term whose
   * name it is wins over one whose synonym it is.
   *
   * @return the DOID, or empty when no n-gram of the text is a name or synonym
   */
  public Optional<String> termIdFor(String diagnosisText) {
    List<String> words = words(diagnosisText);
    if (words.isEmpty() || idsByKey.isEmpty()) {
      return Optional.empty();
    }
    List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    List<String> whole = idsByKey.get(String.join(" ", lower));
    if (whole != null) {
      return Optional.of(whole.get(0));
    }
    for (int n = Math.min(maxKeyWords, words.size()); n >= 1; n--) {
      for (int start = 0; start + n <= words.size(); start++) {
        String key = String.join(" ", lower.subList(start, start + n));
        List<String> ids = idsByKey.get(key);
        if (ids != null && (!abbreviationKeys.contains(key) || isUpperCase(words.subList(start, start + n)))) {
          return Optional.of(ids.get(0));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Names and synonyms for a query box: labels whose normalized key starts with the normalized {@code prefix},
   * shortest first (then alphabetically by key), followed by labels with a later word starting with it. No two
   * suggestions share a key (a term's name is preferred over another term's synonym). The label list is built on
   * the first call; each call then scans it (about 25,000 labels for the 2016 Disease Ontology, about a
   * millisecond).
   *
   * @param limit the most labels returned
   * @return at most {@code limit} labels as the ontology writes them; empty for a blank prefix
   */
  public List<String> suggest(String prefix, int limit) {
    return suggestionIndex().suggest(prefix, limit);
  }

  /** Every label once per key, built on first use; not serialized. */
  private SuggestionIndex suggestionIndex() {
    SuggestionIndex index = suggestionIndex;
    if (index == null) {
      Set<String> names = new HashSet<>();
      List<String> labels = new ArrayList<>();
      for (OboTerm t : termsById.values()) {
        names.add(t.name());
        labels.addAll(t.labels());
      }
      // termsById iterates in no fixed order: on a shared key keep a name over a synonym, then the smaller text.
      Comparator<String> preferred = Comparator.comparing((String l) -> !names.contains(l))
          .thenComparing(Comparator.naturalOrder());
      index = SuggestionIndex.of(labels, preferred);
      suggestionIndex = index;
    }
    return index;
  }

  /** The name of a live term, or empty when {@code doid} is not one. */
  public Optional<String> name(String doid) {
    OboTerm t = termsById.get(doid);
    return t == null ? Optional.empty() : Optional.of(t.name());
  }

  /** The synonyms kept for a live term (see {@link #load}), in file order; empty when {@code doid} is not one. */
  public List<String> synonyms(String doid) {
    OboTerm t = termsById.get(doid);
    return t == null ? List.of() : t.synonyms();
  }

  /**
   * The normalized form labels and phrases are matched on (see the class comment): accents folded, lower-cased,
   * runs of other characters than letters and digits read as one space, e.g. "pulmonary embolus" for
   * "Pulmonary-Embolus.".
   */
  public static String normalize(String text) {
    return key(text);
  }

  /** The normalized matching key of a label or phrase (see the class comment). */
  static String key(String text) {
    return String.join(" ", words(text)).toLowerCase(Locale.ROOT);
  }

  /** Accent-folded runs of letters and digits, case kept. */
  private static List<String> words(String text) {
    String folded = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        words.add(folded.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  /** An abbreviation: at most 6 characters, at least one letter, none lower-case ("GBM", "ALS3"). */
  static boolean isAbbreviation(String label) {
    return label.length() <= 6
        && label.chars().anyMatch(Character::isLetter)
        && label.chars().noneMatch(Character::isLowerCase)
        && label.chars().noneMatch(Character::isWhitespace);
  }

  private static boolean isUpperCase(Collection<String> words) {
    return words.stream().allMatch(w -> w.chars().noneMatch(Character::isLowerCase));
  }
}
