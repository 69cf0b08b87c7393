package org.radmd.pipelines.flink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.radmd.core.Json;

/**
 * A Flink 1.19 standalone session cluster on loopback, made of separate JVMs: one JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and {@code n} TaskManagers ({@code TaskManagerRunner}), started from the
 * Flink jars Beam's Flink runner already brings (the same classes as a Flink 1.19 distribution's {@code lib/}).
 *
 * <p>The cluster's classpath holds only Flink and its own dependencies (picked from this JVM's classpath by
 * Maven path), never radmd, Beam or PixelMed, so a job only runs if its jars were staged with it, as on a real
 * cluster. Configuration goes to a generated {@code flink-conf.yaml} in a temporary folder: free loopback ports,
 * small memory, a fixed-delay restart strategy, slots spread evenly over TaskManagers, and a 20 s heartbeat
 * timeout (a killed TaskManager is noticed sooner, by its broken connections and failed heartbeat RPCs; a
 * shorter timeout made a TaskManager on a loaded 2-core machine look dead). Each TaskManager gets the resource id
 * {@code tm-<i>}, which the REST API reports per subtask. The TaskManagers' memory components are passed as
 * dynamic properties, as Flink's start scripts do.
 *
 * <p>Not thread-safe. {@link #close()} kills every JVM it started.
 */
public final class LocalFlinkCluster implements AutoCloseable {
  /** Maven path fragments of Flink and its runtime dependencies (what a Flink distribution's lib/ holds). */
  private static final List<String> CLUSTER_JARS = List.of("/org/apache/flink/", "/commons-cli/",
      "/org/apache/commons/commons-lang3/", "/org/apache/commons/commons-math3/",
      "/org/apache/commons/commons-text/", "/org/apache/commons/commons-compress/", "/commons-io/",
      "/commons-collections/", "/org/snakeyaml/", "/com/esotericsoftware/", "/org/objenesis/", "/com/twitter/",
      "/org/javassist/", "/tools/profiler/", "/org/lz4/", "/org/xerial/snappy/", "/com/google/code/findbugs/",
      "/org/slf4j/slf4j-api/", "/org/slf4j/slf4j-simple/");

  /** JVM flags a Flink 1.19 distribution passes on Java 17 (its config.yaml's env.java.opts.all), abridged. */
  private static final List<String> JAVA17_OPENS = List.of(
      "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private final Path dir;
  private final int restPort;
  private final String classpath;
  private final Process jobManager;
  private final List<Process> taskManagers = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalFlinkCluster(Path dir, int restPort, String classpath, Process jobManager) {
    this.dir = dir;
    this.restPort = restPort;
    this.classpath = classpath;
    this.jobManager = jobManager;
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers with {@code slotsPerTaskManager} slots each and
   * waits until all TaskManagers have registered.
   *
   * @param dir an empty scratch folder (configuration, logs, blobs, temp files)
   * @throws IOException if a JVM cannot be started
   * @throws IllegalStateException if the cluster is not up within {@code timeout} (logs are in {@code dir})
   */
  public static LocalFlinkCluster start(Path dir, int taskManagers, int slotsPerTaskManager, Duration timeout)
      throws IOException, InterruptedException {
    String cp = clusterClasspath();
    int rpc = freePort();
    int rest = freePort();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("jobmanager.rpc.address", "127.0.0.1");
    conf.put("jobmanager.rpc.port", Integer.toString(rpc));
    conf.put("jobmanager.bind-host", "127.0.0.1");
    conf.put("jobmanager.memory.process.size", "640m");
    conf.put("rest.address", "127.0.0.1");
    conf.put("rest.bind-address", "127.0.0.1");
    conf.put("rest.port", Integer.toString(rest));
    conf.put("taskmanager.host", "127.0.0.1");
    conf.put("taskmanager.bind-host", "127.0.0.1");
    conf.put("taskmanager.rpc.port", "0");
    conf.put("taskmanager.data.port", "0");
    conf.put("taskmanager.numberOfTaskSlots", Integer.toString(slotsPerTaskManager));
    conf.put("cluster.evenly-spread-out-slots", "true");
    conf.put("parallelism.default", "2");
    conf.put("restart-strategy.type", "fixed-delay");
    conf.put("restart-strategy.fixed-delay.attempts", "10");
    conf.put("restart-strategy.fixed-delay.delay", "1 s");
    conf.put("heartbeat.interval", "2000");
    conf.put("heartbeat.timeout", "20000");
    conf.put("slot.request.timeout", "60000");
    conf.put("metrics.fetcher.update-interval", "1000");
    conf.put("io.tmp.dirs", dir.resolve("tmp").toString());
    conf.put("blob.storage.directory", dir.resolve("blobs").toString());
    conf.put("web.tmpdir", dir.resolve("web").toString());
    Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("log"));
    StringBuilder yaml = new StringBuilder();
    conf.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
    Files.writeString(dir.resolve("conf/flink-conf.yaml"), yaml, StandardCharsets.UTF_8);

    Process jm = launch(dir, cp, "-Xmx384m", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
        "jobmanager", List.of());
    LocalFlinkCluster cluster = new LocalFlinkCluster(dir, rest, cp, jm);
    try {
      for (int i = 0; i < taskManagers; i++) {
        cluster.startTaskManager(i);
      }
      cluster.awaitTaskManagers(taskManagers, timeout);
    } catch (IOException | RuntimeException | InterruptedException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Starts TaskManager {@code tm-<index>} (a new JVM) against this cluster's JobManager. */
  public void startTaskManager(int index) throws IOException {
    // Flink's start scripts compute the TaskManager's memory components (BashJavaUtils) and pass them as
    // dynamic properties with matching JVM limits; a TaskManagerRunner started directly needs them too.
    List<String> dynamic = new ArrayList<>();
    for (String kv : List.of("taskmanager.resource-id=tm-" + index, "taskmanager.cpu.cores=2",
        "taskmanager.memory.framework.heap.size=128m", "taskmanager.memory.task.heap.size=448m",
        "taskmanager.memory.framework.off-heap.size=128m", "taskmanager.memory.task.off-heap.size=32m",
        "taskmanager.memory.network.min=192m", "taskmanager.memory.network.max=192m",
        "taskmanager.memory.managed.size=128m", "taskmanager.memory.jvm-metaspace.size=320m",
        "taskmanager.memory.jvm-overhead.min=192m", "taskmanager.memory.jvm-overhead.max=192m")) {
      dynamic.add("-D");
      dynamic.add(kv);
    }
    // -Xmx = framework + task heap; direct memory = framework + task off-heap + network.
    taskManagers.add(launch(dir, classpath, "-Xmx576m -XX:MaxDirectMemorySize=352m",
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "taskmanager-" + index, dynamic));
  }

  /** {@code HOST:PORT} of the REST endpoint, the value for {@code --flink-master}. */
  public String master() {
    return "127.0.0.1:" + restPort;
  }

  /** The TaskManager JVM started as {@code tm-<index>}. */
  public Process taskManager(int index) {
    return taskManagers.get(index);
  }

  /** GET {@code path} on the REST endpoint as JSON. */
  public JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + master() + path))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + " -> HTTP " + r.statusCode() + ": " + r.body());
    }
    return Json.mapper().readTree(r.body());
  }

  /** The cluster's folder (logs under {@code log/}). */
  public Path dir() {
    return dir;
  }

  /** The last {@code maxChars} characters of every log, for a failure message. */
  public String logTail(int maxChars) {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(dir.resolve("log"))) {
      for (Path f : files.sorted().toList()) {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        sb.append("==> ").append(f.getFileName()).append('\n')
            .append(s.substring(Math.max(0, s.length() - maxChars))).append('\n');
      }
    } catch (IOException e) {
      sb.append("(cannot read logs: ").append(e).append(")\n");
    }
    return sb.toString();
  }

  private void awaitTaskManagers(int n, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!jobManager.isAlive()) {
        throw new IllegalStateException("JobManager exited with " + jobManager.exitValue() + "\n" + logTail(4000));
      }
      try {
        JsonNode tms = rest("/taskmanagers").path("taskmanagers");
        if (tms.size() >= n) {
          return;
        }
        last = tms.size() + " TaskManagers registered";
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Flink cluster not up within " + timeout + " (" + last + ")\n" + logTail(4000));
  }

  private static Process launch(Path dir, String cp, String heap, String mainClass, String name, List<String> extra)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(heap.split(" ")));
    cmd.add("-XX:MaxMetaspaceSize=320m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-Dlog.file=" + dir.resolve("log/" + name + ".log"));
    cmd.addAll(JAVA17_OPENS);
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(mainClass);
    cmd.add("--configDir");
    cmd.add(dir.resolve("conf").toString());
    cmd.addAll(extra);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log/" + name + ".out").toFile());
    pb.environment().put("FLINK_CONF_DIR", dir.resolve("conf").toString());
    return pb.start();
  }

  /** This JVM's classpath entries that belong to Flink's own runtime, joined with the path separator. */
  static String clusterClasspath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String e : classpathEntries()) {
      String unix = e.replace(File.separatorChar, '/');
      if (CLUSTER_JARS.stream().anyMatch(unix::contains) && !unix.contains("/org/apache/flink/flink-connector")) {
        entries.add(e);
      }
    }
    if (entries.stream().noneMatch(e -> e.contains("flink-runtime"))) {
      throw new IllegalStateException("flink-runtime is not on this JVM's classpath");
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The JVM's classpath, with a manifest-only jar (Surefire's booter) expanded to its Class-Path. */
  static List<String> classpathEntries() throws IOException {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      out.add(e);
      if (e.endsWith(".jar") && Files.isRegularFile(Path.of(e))) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(e)) {
          java.util.jar.Manifest m = jar.getManifest();
          String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
          if (cp != null && jar.size() <= 2) {
            for (String u : cp.trim().split("\\s+")) {
              out.add(Path.of(URI.create(u.startsWith("file:") ? u : "file:" + u)).toString());
            }
          }
        }
      }
    }
    return out;
  }

  /** A TCP port that was free on loopback a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Kills every JVM of the cluster and waits for them to exit. */
  @Override
  public void close() {
    List<Process> all = new ArrayList<>(taskManagers);
    all.add(jobManager);
    for (Process p : all) {
      p.destroyForcibly();
    }
    for (Process p : all) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LocalFlinkCluster[%s, %d TaskManagers, %s]", master(), taskManagers.size(),
        dir);
  }
}
