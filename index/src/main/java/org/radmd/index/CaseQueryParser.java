package org.radmd.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * Turns the free text of a {@link SearchRequest} into a Lucene query over the text fields of
 * {@link IndexSchema}, widened with {@link DiseaseVocabulary} synonyms.
 *
 * <ul>
 *   <li>The text is parsed by a {@link MultiFieldQueryParser} with the schema's field boosts; words are
 *       required ({@code AND}) unless joined by {@code OR}.
 *   <li>When the whole query is one disease name (plain words, or a single quoted phrase), every name and
 *       synonym of that disease is added as an optional phrase, and so is a match on its DOID in
 *       {@link IndexSchema#DIAGNOSIS_ID}: the query matches a sample that has the words, or any of the phrases,
 *       or the DOID.
 *   <li>Inside a longer query, each quoted phrase that is a disease name becomes the {@code OR} of all its
 *       names and synonyms, keeping its place in the boolean structure.
 *   <li>Text that is not valid syntax is searched as plain words (operators and special characters escaped).
 * </ul>
 *
 * <p>Thread-safe: a query parser (which is not) is made per call.
 */
final class CaseQueryParser {
  /** A quoted phrase with optional slop. */
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(~\\d+)?");
  /** A whole query that is one quoted phrase. */
  private static final Pattern SINGLE_PHRASE = Pattern.compile("\"([^\"\\\\]*)\"");
  /** Anything that makes text more than plain words. */
  private static final Pattern SYNTAX =
      Pattern.compile("[\"+()\\[\\]{}:*?~^!\\\\/]|&&|\\|\\||(?:^|\\s)-|\\b(?:AND|OR|NOT|TO)\\b");
  private static final Pattern OPERATOR_WORDS = Pattern.compile("\\b(?:AND|OR|NOT|TO)\\b");

  private final Analyzer analyzer;
  private final DiseaseVocabulary vocab;

  /** The query and what it was expanded with. */
  record Parsed(Query query, List<String> expandedTerms) {}

  CaseQueryParser(Analyzer analyzer, DiseaseVocabulary vocab) {
    this.analyzer = analyzer;
    this.vocab = vocab;
  }

  Parsed parse(String text) {
    String q = text.strip();
    if (q.isEmpty()) {
      return new Parsed(new MatchAllDocsQuery(), List.of());
    }
    String disease = wholePhrase(q);
    if (disease != null) {
      return expandWhole(q, disease);
    }
    Set<String> expanded = new LinkedHashSet<>();
    Matcher m = QUOTED.matcher(q);
    StringBuilder rewritten = new StringBuilder();
    while (m.find()) {
      String slop = m.group(2) == null ? "" : m.group(2);
      List<String> names = vocab.expand(unescape(m.group(1)));
      String replacement = m.group();
      if (names.size() > 1) {
        List<String> alternatives = new ArrayList<>();
        names.forEach(n -> alternatives.add(quote(n) + slop));
        replacement = "(" + String.join(" OR ", alternatives) + ")";
        expanded.addAll(names.subList(1, names.size()));
      }
      m.appendReplacement(rewritten, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(rewritten);
    Query parsed = parseLeniently(rewritten.toString(), q);
    return new Parsed(parsed, List.copyOf(expanded));
  }

  /** The query plus, when it names a disease, that disease's phrases and DOID as alternatives. */
  private Parsed expandWhole(String q, String disease) {
    List<String> names = vocab.expand(disease);
    List<String> ids = vocab.termIds(disease);
    Query parsed = parseLeniently(q, q);
    if (names.size() <= 1 && ids.isEmpty()) {
      return new Parsed(parsed, List.of());
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(parsed, Occur.SHOULD);
    for (String name : names) {
      b.add(phrase(name), Occur.SHOULD);
    }
    float diagnosisBoost = IndexSchema.fieldBoosts().get(IndexSchema.DIAGNOSIS);
    for (String id : ids) {
      b.add(new BoostQuery(IndexSchema.diagnosisIdQuery(id), diagnosisBoost), Occur.SHOULD);
    }
    return new Parsed(b.build(), names.subList(1, names.size()));
  }

  /** The disease phrase a whole query could be: its plain words, or its one quoted phrase; else null. */
  private static @Nullable String wholePhrase(String q) {
    Matcher single = SINGLE_PHRASE.matcher(q);
    if (single.matches()) {
      return single.group(1);
    }
    return SYNTAX.matcher(q).find() ? null : q;
  }

  private Query phrase(String name) {
    try {
      return newParser().parse(quote(name));
    } catch (ParseException e) {
      throw new IllegalStateException("a quoted, escaped vocabulary label failed to parse: " + name, e);
    }
  }

  private Query parseLeniently(String query, String original) {
    try {
      return newParser().parse(query);
    } catch (ParseException | IllegalArgumentException e) {
      String words = OPERATOR_WORDS.matcher(original).replaceAll(w -> w.group().toLowerCase(Locale.ROOT));
      try {
        return newParser().parse(QueryParser.escape(words));
      } catch (ParseException inner) {
        inner.addSuppressed(e);
        throw new IllegalStateException("escaped query text failed to parse: " + original, inner);
      }
    }
  }

  private MultiFieldQueryParser newParser() {
    List<String> fields = IndexSchema.textFields();
    MultiFieldQueryParser p =
        new MultiFieldQueryParser(fields.toArray(String[]::new), analyzer, IndexSchema.fieldBoosts());
    p.setDefaultOperator(QueryParser.Operator.AND);
    // Each word on its own: with whole-text analysis, a query with one content word ("the medulloblastoma")
    // would turn that word's per-field alternatives into required clauses.
    p.setSplitOnWhitespace(true);
    return p;
  }

  /** {@code text} as a query-syntax phrase: in double quotes, with quotes and backslashes escaped. */
  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }
}
