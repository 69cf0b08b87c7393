package org.radmd.pipelines;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Chooses and configures the Beam runner for a radmd job.
 *
 * <p>On a Flink session cluster ({@code --flink-master HOST:PORT}) the job's code travels with it: every jar and
 * class folder on this JVM's classpath is staged ({@code filesToStage}), including Debian's PixelMed jar (a
 * system-scope dependency, not in any Maven repository) and the jars named by manifest {@code Class-Path}
 * entries (e.g. Surefire's booter jar, PixelMed's optional Debian jars); Flink's own jars are left out, because
 * the cluster provides them and loads {@code org.apache.flink} classes parent-first anyway.
 *
 * <p>The embedded mini-cluster gets a REST endpoint on loopback at one of three free ports ({@link
 * #embeddedRestPorts}), so {@code org.radmd.pipelines.build.BuildProgress} can report per-stage counts while the
 * job runs, as it does against a session cluster.
 */
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
   * @throws UncheckedIOException if the embedded cluster's configuration folder cannot be written or the
   *     classpath cannot be read for staging
   */
  public static void configure(PipelineOptions options, Kind kind, String flinkMaster, int parallelism) {
    switch (kind) {
      case DIRECT -> options.setRunner(DirectRunner.class);
      case FLINK -> {
        options.setRunner(FlinkRunner.class);
        FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
        boolean embedded = flinkMaster == null || flinkMaster.isBlank() || EMBEDDED_FLINK.equals(flinkMaster);
        flink.setFlinkMaster(embedded ? EMBEDDED_FLINK : flinkMaster);
        flink.setParallelism(parallelism >= 1 ? parallelism : Runtime.getRuntime().availableProcessors());
        flink.setFasterCopy(true);
        flink.setAttachedMode(true);
        try {
          if (embedded) {
            if (flink.getFlinkConfDir() == null && System.getenv("FLINK_CONF_DIR") == null) {
              flink.setFlinkConfDir(embeddedConfDir().toString());
            }
          } else if (flink.getFilesToStage() == null) {
            flink.setFilesToStage(filesToStage());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * The REST ports the embedded mini-cluster configured by {@link #configure} may bind (it takes the first free
   * one), read back from {@code flinkConfDir}; empty when the options do not point at such a folder.
   */
  public static List<Integer> embeddedRestPorts(PipelineOptions options) {
    String dir = options.as(FlinkPipelineOptions.class).getFlinkConfDir();
    if (dir == null) {
      return List.of();
    }
    try {
      for (String line : Files.readAllLines(Path.of(dir, "flink-conf.yaml"), StandardCharsets.UTF_8)) {
        if (line.startsWith("rest.bind-port:")) {
          List<Integer> ports = new ArrayList<>();
          for (String p : line.substring("rest.bind-port:".length()).trim().split(",")) {
            ports.add(Integer.parseInt(p.trim()));
          }
          return ports;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return List.of();
    }
    return List.of();
  }

  /**
   * A temporary Flink configuration folder for the embedded mini-cluster: REST on loopback at one of three ports
   * that were free a moment ago (a list, so that one taken in between does not fail the job).
   */
  static Path embeddedConfDir() throws IOException {
    Path dir = Files.createTempDirectory("radmd-flink-conf");
    dir.toFile().deleteOnExit();
    Set<Integer> ports = new LinkedHashSet<>();
    while (ports.size() < 3) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        ports.add(s.getLocalPort());
      }
    }
    Path conf = dir.resolve("flink-conf.yaml");
    Files.writeString(conf, "rest.bind-address: 127.0.0.1\nrest.address: 127.0.0.1\nrest.bind-port: "
        + ports.stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n", StandardCharsets.UTF_8);
    conf.toFile().deleteOnExit();
    return dir;
  }

  /**
   * What a session cluster needs of this JVM's classpath: every existing entry of {@code java.class.path}, in
   * order, followed where they appear by the entries of each jar's manifest {@code Class-Path}; without Flink's
   * own jars ({@code flink-*.jar} other than connectors), which the cluster provides.
   *
   * @throws IOException if a jar on the classpath cannot be read
   */
  public static List<String> filesToStage() throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      addWithManifestClassPath(Path.of(e).toAbsolutePath().normalize(), out);
    }
    return out.stream().filter(f -> !providedByFlink(Path.of(f))).toList();
  }

  private static void addWithManifestClassPath(Path entry, Set<String> out) throws IOException {
    if (!Files.exists(entry) || !out.add(entry.toString())) {
      return;
    }
    if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
      return;
    }
    String classPath;
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest m = jar.getManifest();
      classPath = m == null ? null : m.getMainAttributes().getValue("Class-Path");
    }
    if (classPath == null || classPath.isBlank()) {
      return;
    }
    for (String u : classPath.trim().split("\\s+")) {
      Path p;
      try {
        p = u.startsWith("file:") ? Path.of(URI.create(u)) : entry.getParent().resolve(u);
      } catch (IllegalArgumentException e) {
        continue; // not a local path
      }
      addWithManifestClassPath(p.toAbsolutePath().normalize(), out);
    }
  }

  /** Flink's own jars (flink-core, flink-runtime, flink-clients, ...): a Flink installation's lib/ holds them. */
  static boolean providedByFlink(Path jar) {
    String name = jar.getFileName().toString();
    return name.startsWith("flink-") && name.endsWith(".jar") && !name.startsWith("flink-connector-");
  }
}
