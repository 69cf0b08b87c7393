package org.radmd.filters.score;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates a {@link SampleScorer} on the worker that uses it; the configuration names the class
 * ({@code model-scores.params.scorer}), which must have a public no-argument constructor. Serializable, so a
 * Beam DoFn can carry it; the scorer itself is created in {@code @Setup}.
 *
 * <p>The rule's scalar parameters ({@code params} other than {@code thresholds}, as text, e.g. {@code model})
 * are handed to the new scorer through {@link SampleScorer#configure}.
 *
 * @param className fully qualified class name of a {@link SampleScorer}
 * @param params scorer parameters by name (copied; never null)
 */
public record ScorerFactory(String className, Map<String, String> params) implements Serializable {
  private static final long serialVersionUID = 2L;

  public ScorerFactory {
    if (className == null || className.isBlank()) {
      throw new IllegalArgumentException("scorer class name is blank");
    }
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /** A factory without parameters. */
  public ScorerFactory(String className) {
    this(className, Map.of());
  }

  /** A copy with {@code name} set to {@code value} unless already set (e.g. the build output root). */
  public ScorerFactory withDefault(String name, String value) {
    if (params.containsKey(name) || value == null) {
      return this;
    }
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put(name, value);
    return new ScorerFactory(className, p);
  }

  /**
   * A new scorer, configured with {@link #params}.
   *
   * @throws IllegalArgumentException if the class is missing, not a {@link SampleScorer}, or cannot be created
   */
  public SampleScorer create() {
    try {
      Class<?> c = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : ScorerFactory.class.getClassLoader());
      if (!SampleScorer.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException(className + " is not a " + SampleScorer.class.getName());
      }
      SampleScorer scorer = (SampleScorer) c.getDeclaredConstructor().newInstance();
      try {
        scorer.configure(params);
      } catch (RuntimeException e) {
        scorer.close();
        throw e;
      }
      return scorer;
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("scorer class not found: " + className, e);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalArgumentException("scorer " + className + " needs a public no-argument constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("scorer " + className + " failed to start: " + e.getCause(), e.getCause());
    }
  }
}
