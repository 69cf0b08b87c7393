package org.radmd.pipelines.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.Readers;
import org.radmd.scrapers.SourceReader;

/**
 * Parses one discovered input file with the reader that accepts it. A reader reports bad input as rejects; an
 * unexpected exception from a reader also becomes a reject ({@code reader-error}), so one file never stops
 * the run.
 */
final class ParseSourcesFn extends DoFn<String, Sample> {
  private static final long serialVersionUID = 1L;
  private final String inputRoot;
  private final Counter files = Metrics.counter("parse", "files");
  private final Counter samples = Metrics.counter("parse", "samples");
  private final Counter rejects = Metrics.counter("parse", "rejects");
  private final Counter cpuMicros = Metrics.counter("parse", "cpu_us");

  private final List<SourceReader> readers;

  ParseSourcesFn(String inputRoot, byte[] deidSecret) {
    this.inputRoot = inputRoot;
    this.readers = Readers.all(deidSecret);
  }

  /** ImageIO plug-ins (PixelMed's DICOM codecs use them) from this job's class loader, not a finished job's. */
  @Setup
  public void setup() {
    org.radmd.core.image.ImageIoPlugins.refresh();
  }

  @ProcessElement
  public void process(@Element String file, MultiOutputReceiver out) {
    long cpu = StageCpu.nanos();
    try {
      parse(file, out);
    } finally {
      cpuMicros.inc(StageCpu.microsSince(cpu));
    }
  }

  private void parse(String file, MultiOutputReceiver out) {
    files.inc();
    Path root = Path.of(inputRoot);
    Path path = Path.of(file);
    String origin = root.relativize(path).toString();
    Optional<SourceReader> reader = Readers.readerFor(path, readers);
    if (reader.isEmpty()) {
      emit(out, new Reject(Reject.UNKNOWN_SOURCE, Stage.PARSE, "no-reader", "no reader accepts " + origin,
          origin, null));
      return;
    }
    ReadResult result;
    try {
      result = reader.get().read(path, root);
    } catch (RuntimeException e) {
      emit(out, new Reject(Reject.UNKNOWN_SOURCE, Stage.PARSE, "reader-error",
          reader.get().name() + " failed on " + origin + ": " + e, origin, null));
      return;
    }
    for (Sample s : result.samples()) {
      samples.inc();
      out.get(Tags.SAMPLES).output(s);
    }
    result.rejects().forEach(r -> emit(out, r));
  }

  private void emit(MultiOutputReceiver out, Reject r) {
    rejects.inc();
    out.get(Tags.REJECTS).output(r);
  }
}
