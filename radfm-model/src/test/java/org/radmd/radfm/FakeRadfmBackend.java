package org.radmd.radfm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic {@link RadfmBackend} for tests: {@code generate} answers from a fixed table keyed by question,
 * else {@code "echo: <question without markers> [<n> images]"}; {@code score} returns {@code -len(answer) / 100}.
 * Every image must be an existing file (else {@link UncheckedIOException}). Thread-safe; counts calls and the
 * highest number of calls in flight at once.
 */
public final class FakeRadfmBackend implements RadfmBackend {
  private final Map<String, String> answers;
  private final long delayMillis;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean closed;

  public FakeRadfmBackend(Map<String, String> answers, long delayMillis) {
    this.answers = Map.copyOf(answers);
    this.delayMillis = delayMillis;
  }

  public FakeRadfmBackend() {
    this(Map.of(), 0);
  }

  /** The answer {@link #generate} gives for a question. */
  public String answerFor(Prompt p) {
    String a = answers.get(p.question());
    return a != null ? a : "echo: " + p.question().replace(Prompt.IMAGE_MARKER, "") + " [" + p.images().size()
        + " images]";
  }

  @Override
  public List<String> generate(List<Prompt> prompts, GenerationOptions options) {
    enter();
    try {
      prompts.forEach(FakeRadfmBackend::checkImages);
      return prompts.stream().map(this::answerFor).toList();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public double[] score(List<Prompt> prompts) {
    enter();
    try {
      double[] out = new double[prompts.size()];
      for (int i = 0; i < out.length; i++) {
        Prompt p = prompts.get(i);
        if (p.answer() == null) {
          throw new IllegalArgumentException("prompt has no answer");
        }
        checkImages(p);
        out[i] = -p.answer().length() / 100.0;
      }
      return out;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void enter() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    calls.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void checkImages(Prompt p) {
    for (Path f : p.images()) {
      if (!Files.isRegularFile(f)) {
        throw new UncheckedIOException(new IOException("image not found: " + f.getFileName()));
      }
    }
  }

  /** Calls to generate or score so far. */
  public int calls() {
    return calls.get();
  }

  /** Most calls that ran at the same time. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    closed = true;
  }
}
