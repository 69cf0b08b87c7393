package org.radmd.scrapers;

import java.util.ArrayList;
import java.util.List;
import org.radmd.core.Reject;
import org.radmd.core.Sample;

/**
 * What a {@link SourceReader} got out of one file: the samples it formed and the items it had to drop.
 * Immutable; both lists are unmodifiable copies, never null.
 *
 * @param samples samples in source order
 * @param rejects rejects in source order
 */
public record ReadResult(List<Sample> samples, List<Reject> rejects) {
  private static final ReadResult EMPTY = new ReadResult(List.of(), List.of());

  public ReadResult {
    samples = samples == null ? List.of() : List.copyOf(samples);
    rejects = rejects == null ? List.of() : List.copyOf(rejects);
  }

  /** No samples, no rejects. */
  public static ReadResult empty() {
    return EMPTY;
  }

  /** Just one reject (e.g. a file that could not be parsed at all). */
  public static ReadResult rejected(Reject reject) {
    return new ReadResult(List.of(), List.of(reject));
  }

  /** This result followed by {@code other}: samples then samples, rejects then rejects. */
  public ReadResult plus(ReadResult other) {
    List<Sample> s = new ArrayList<>(samples);
    s.addAll(other.samples);
    List<Reject> r = new ArrayList<>(rejects);
    r.addAll(other.rejects);
    return new ReadResult(s, r);
  }

  /** True when there are neither samples nor rejects. */
  public boolean isEmpty() {
    return samples.isEmpty() && rejects.isEmpty();
  }
}
