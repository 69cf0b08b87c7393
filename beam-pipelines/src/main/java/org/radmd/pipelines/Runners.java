package org.radmd.pipelines;

import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/** Chooses and configures the Beam runner for a radmd job. */
public final class Runners {
  /** Flink's in-process mini-cluster. */
  public static final String EMBEDDED_FLINK = "[local]";

  private Runners() {}

  /** The runners {@code radmd} accepts. */
  public enum Kind {
    /** Apache Flink: embedded mini-cluster by default, or a session cluster at {@code --flink-master}. */
    FLINK,
    /** Beam's DirectRunner: single process, checks the pipeline's contracts; for tests and debugging. */
    DIRECT
  }

  /**
   * Sets the runner on {@code options}.
   *
   * @param flinkMaster {@code HOST:PORT} of a Flink 1.19 JobManager's REST endpoint, or null/{@value
   *     #EMBEDDED_FLINK} for the embedded mini-cluster; ignored for {@link Kind#DIRECT}
   * @param parallelism Flink parallelism; values below 1 mean the number of available processors
   */
  public static void configure(PipelineOptions options, Kind kind, String flinkMaster, int parallelism) {
    switch (kind) {
      case DIRECT -> options.setRunner(DirectRunner.class);
      case FLINK -> {
        options.setRunner(FlinkRunner.class);
        FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
        flink.setFlinkMaster(flinkMaster == null || flinkMaster.isBlank() ? EMBEDDED_FLINK : flinkMaster);
        flink.setParallelism(parallelism >= 1 ? parallelism : Runtime.getRuntime().availableProcessors());
        flink.setFasterCopy(true);
        flink.setAttachedMode(true);
      }
    }
  }
}
