package org.radmd.pipelines.build;

import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.radmd.scrapers.Readers;

/** Walks an input root and emits every file some reader accepts (absolute paths, sorted). */
final class DiscoverInputsFn extends DoFn<String, String> {
  private static final long serialVersionUID = 1L;
  private final Counter discovered = Metrics.counter("discover", "files");

  @ProcessElement
  public void process(@Element String root, OutputReceiver<String> out) {
    // An unreadable input root is fatal (UncheckedIOException); unreadable sub-folders are skipped.
    for (Path p : Readers.discover(Path.of(root))) {
      discovered.inc();
      out.output(p.toAbsolutePath().toString());
    }
  }
}
