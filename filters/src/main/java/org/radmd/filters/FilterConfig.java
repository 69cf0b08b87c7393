package org.radmd.filters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.radmd.core.Json;

/**
 * The RadMD filter configuration: one JSON file listing the rules in the order they run, each with a
 * {@code name}, {@code enabled}, a {@code reason} code (the FILTER reject reason when it drops), optional
 * {@code reasons} (named alternative codes), a {@code description} and {@code params}. The default is the
 * resource {@value #DEFAULT_RESOURCE}; {@code radmd build --filters FILE} names another.
 *
 * <p>Unknown rule names are an error (a typo would otherwise silently disable a rule); a rule missing from the
 * file is not run. Immutable and thread-safe.
 *
 * @param version format version, 1
 * @param rules the rules, in file order
 */
public record FilterConfig(int version, List<Rule> rules) {
  /** Classpath location of the default configuration. */
  public static final String DEFAULT_RESOURCE = "/org/radmd/filters/radmd-filters.json";

  /** Rule names this version understands. */
  public static final Set<String> KNOWN_RULES = Set.of(PhiScrubber.RULE, CaptionCleaner.RULE,
      VqaAnswerability.RULE, RadmdFilters.RULE_MIN_TEXT, RadmdFilters.RULE_MAX_TEXT, LanguageCheck.RULE,
      RadiologyFilter.RULE_MODALITY, RadmdFilters.RULE_COMPOUND, ScoreThresholds.RULE);

  /**
   * One rule's settings.
   *
   * @param name rule name, e.g. {@code "radiology-modality"}
   * @param enabled false to skip the rule
   * @param reason kebab-case reason code of its drops (or, for transforms, of its changes)
   * @param reasons further named reason codes (e.g. {@code mixedFigure -> "mixed-figure"}), possibly empty
   * @param description what the rule does, for people
   * @param params rule parameters (a JSON object; empty when absent)
   */
  public record Rule(String name, boolean enabled, String reason, Map<String, String> reasons, String description,
      JsonNode params) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public Rule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(reason, "reason of rule " + name);
      reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
      params = params == null || params.isNull() ? Json.mapper().createObjectNode() : params.deepCopy();
    }

    /** The named reason code, or {@link #reason()} when the file does not name it. */
    public String reason(String key) {
      return reasons.getOrDefault(key, reason);
    }

    /** An integer parameter, or {@code dflt} when absent. */
    public int intParam(String key, int dflt) {
      JsonNode n = params.get(key);
      return n == null || n.isNull() ? dflt : n.asInt(dflt);
    }

    /** A number parameter, or {@code dflt} when absent. */
    public double doubleParam(String key, double dflt) {
      JsonNode n = params.get(key);
      return n == null || n.isNull() ? dflt : n.asDouble(dflt);
    }

    /** A boolean parameter, or {@code dflt} when absent. */
    public boolean boolParam(String key, boolean dflt) {
      JsonNode n = params.get(key);
      return n == null || n.isNull() ? dflt : n.asBoolean(dflt);
    }

    /** A text parameter, or null when absent or JSON null. */
    public String textParam(String key) {
      JsonNode n = params.get(key);
      return n == null || n.isNull() ? null : n.asText();
    }

    /** An object parameter, or an empty object. */
    public JsonNode objectParam(String key) {
      JsonNode n = params.get(key);
      return n != null && n.isObject() ? n : Json.mapper().createObjectNode();
    }
  }

  public FilterConfig {
    rules = List.copyOf(rules);
    Set<String> seen = new HashSet<>();
    for (Rule r : rules) {
      if (!KNOWN_RULES.contains(r.name())) {
        throw new IllegalArgumentException("unknown filter rule \"" + r.name() + "\"; known: "
            + new java.util.TreeSet<>(KNOWN_RULES));
      }
      if (!seen.add(r.name())) {
        throw new IllegalArgumentException("filter rule \"" + r.name() + "\" is configured twice");
      }
    }
  }

  /** The rule named {@code name}, when configured and enabled. */
  public Optional<Rule> enabled(String name) {
    return rules.stream().filter(r -> r.name().equals(name) && r.enabled()).findFirst();
  }

  /** The rule named {@code name}, when configured. */
  public Optional<Rule> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * This configuration with the {@code min-text-length} rule's {@code minChars} set to {@code minChars} (the rule
   * is added, enabled, before the others when absent).
   *
   * @throws IllegalArgumentException if {@code minChars < 0}
   */
  public FilterConfig withMinTextChars(int minChars) {
    if (minChars < 0) {
      throw new IllegalArgumentException("minChars must be >= 0: " + minChars);
    }
    List<Rule> out = new ArrayList<>();
    boolean found = false;
    for (Rule r : rules) {
      if (r.name().equals(RadmdFilters.RULE_MIN_TEXT)) {
        com.fasterxml.jackson.databind.node.ObjectNode p = r.params().deepCopy();
        p.put("minChars", minChars);
        out.add(new Rule(r.name(), true, r.reason(), r.reasons(), r.description(), p));
        found = true;
      } else {
        out.add(r);
      }
    }
    if (!found) {
      com.fasterxml.jackson.databind.node.ObjectNode p = Json.mapper().createObjectNode().put("minChars", minChars);
      out.add(0, new Rule(RadmdFilters.RULE_MIN_TEXT, true, RadiologyFilter.REASON_TOO_SHORT, Map.of(), "", p));
    }
    return new FilterConfig(version, out);
  }

  /** The default configuration ({@value #DEFAULT_RESOURCE}). */
  public static FilterConfig defaults() {
    try (InputStream in = FilterConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(Json.mapper().readTree(in), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a configuration file.
   *
   * @throws IOException if the file cannot be read or is not JSON
   * @throws IllegalArgumentException if it is JSON but not a valid configuration (message names the problem)
   */
  public static FilterConfig load(Path file) throws IOException {
    return parse(Json.mapper().readTree(Files.readAllBytes(file)), file.toString());
  }

  /** Parses a configuration tree; {@code origin} names it in error messages. */
  static FilterConfig parse(JsonNode root, String origin) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(origin + ": filter configuration must be a JSON object");
    }
    int version = root.path("version").asInt(1);
    if (version != 1) {
      throw new IllegalArgumentException(origin + ": unsupported filter configuration version " + version);
    }
    JsonNode rules = root.get("rules");
    if (rules == null || !rules.isArray()) {
      throw new IllegalArgumentException(origin + ": \"rules\" must be an array");
    }
    List<Rule> out = new ArrayList<>();
    for (JsonNode r : rules) {
      String name = r.path("name").asText(null);
      String reason = r.path("reason").asText(null);
      if (name == null || reason == null || name.isBlank() || reason.isBlank()) {
        throw new IllegalArgumentException(origin + ": every rule needs a name and a reason: " + r);
      }
      Map<String, String> reasons = new LinkedHashMap<>();
      r.path("reasons").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asText()));
      out.add(new Rule(name, r.path("enabled").asBoolean(true), reason, reasons,
          r.path("description").asText(""), r.get("params")));
    }
    return new FilterConfig(version, out);
  }
}
