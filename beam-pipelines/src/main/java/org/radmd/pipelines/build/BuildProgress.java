package org.radmd.pipelines.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.radmd.core.Json;
import org.radmd.pipelines.Runners;

/**
 * Progress of a running build on the console: every {@code interval} one line to {@code out} with the job's
 * state, finished/total job vertices, per-stage record counts and an ETA, read from the Flink REST API of the cluster that runs the job (the
 * session cluster at {@code --flink-master}, or the embedded mini-cluster's loopback endpoint, see {@link
 * Runners#embeddedRestPorts}). The DirectRunner has no such API; there it prints nothing.
 *
 * <p>Counts are records leaving each stage (Flink's per-vertex {@code write-records}, summed over the vertices
 * whose chain ends in that stage), so they move while a stage runs; the Beam counters in {@code stats.json}
 * are exact but only known at the end. The ETA extrapolates the image stage ({@code NormalizeImages}, the
 * dominant cost, BENCHMARKS.md §1) linearly: the share of the parse output (samples and rejects) its vertex has
 * read, over the time since it started; after it, the remaining dedup and write stages are shown by state only.
 *
 * <p>Example: {@code radmd build 1m05s RUNNING vertices 18/83 | Discover 15 done | Parse 8770 done |
 * NormalizeImages 120 (25% of input) running | 7 stages waiting | images ETA 2m10s} (stages that have not started and
 * emitted nothing are only counted).
 *
 * <p>A polling failure (cluster busy, job not yet submitted) is skipped silently; the reporter never fails the
 * build. Thread-safe: one daemon thread; {@link #close()} stops it.
 */
public final class BuildProgress implements AutoCloseable {
  /** The build's stages in order, named as in {@link BuildPipeline} (Flink vertex names carry them). */
  static final List<String> STAGES = List.of("Discover", "Parse", "NormalizeImages", "ExactDedup",
      "NearDuplicateDedup", "TagModalities", "RadMdFilter", "WriteMedMD", "WriteRadMD", "WriteRejects");

  private final List<String> endpoints;
  private final String jobName;
  private final PrintStream out;
  private final Duration interval;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final long started = System.nanoTime();
  private final Thread thread;
  private volatile boolean stopped;
  private long imagesSince;
  private String endpoint;

  private BuildProgress(List<String> endpoints, String jobName, PrintStream out, Duration interval) {
    this.endpoints = endpoints;
    this.jobName = jobName;
    this.out = out;
    this.interval = interval;
    this.thread = new Thread(this::loop, "radmd-build-progress");
    this.thread.setDaemon(true);
  }

  /**
   * Starts reporting on the job {@code options} describe (its runner, master and job name); a no-op reporter for
   * runners without a REST API or when {@code interval} is zero or negative.
   */
  public static BuildProgress start(BuildOptions options, PrintStream out, Duration interval) {
    List<String> endpoints = new ArrayList<>();
    if (options.getRunner() != null && options.getRunner().getSimpleName().equals("FlinkRunner")) {
      String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
      if (Runners.EMBEDDED_FLINK.equals(master)) {
        Runners.embeddedRestPorts(options).forEach(p -> endpoints.add("http://127.0.0.1:" + p));
      } else if (master != null && !master.startsWith("[")) {
        endpoints.add(master.startsWith("http") ? master : "http://" + master);
      }
    }
    BuildProgress p = new BuildProgress(endpoints, options.getJobName(), out, interval);
    if (!endpoints.isEmpty() && !interval.isZero() && !interval.isNegative()) {
      p.thread.start();
    }
    return p;
  }

  private void loop() {
    while (!stopped) {
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      if (stopped) {
        return;
      }
      try {
        String line = poll();
        if (line != null && !stopped) {
          out.println(line);
        }
      } catch (IOException | RuntimeException e) {
        // the cluster may be starting or busy; try again at the next tick
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One progress line, or null when the job is not (yet) visible. */
  String poll() throws IOException, InterruptedException {
    JsonNode job = findJob();
    if (job == null) {
      return null;
    }
    String jid = job.path("jid").asText();
    JsonNode detail = get("/jobs/" + jid);
    return line(detail, (System.nanoTime() - started) / 1_000_000_000L);
  }

  private JsonNode findJob() throws IOException, InterruptedException {
    List<String> candidates = endpoint != null ? List.of(endpoint) : endpoints;
    for (String e : candidates) {
      JsonNode jobs;
      try {
        jobs = get(e, "/jobs/overview").path("jobs");
      } catch (IOException ex) {
        continue;
      }
      endpoint = e;
      JsonNode best = null;
      for (JsonNode j : jobs) {
        boolean named = jobName == null || jobName.equals(j.path("name").asText());
        if (named && (best == null || j.path("start-time").asLong() > best.path("start-time").asLong())) {
          best = j;
        }
      }
      return best;
    }
    return null;
  }

  /** Formats one line from a {@code /jobs/:jid} answer; {@code elapsed} in seconds since the build started. */
  String line(JsonNode job, long elapsed) {
    // stage -> {records out, vertices running, vertices finished, vertices, records in, last-stage vertices,
    //           last-stage vertices finished}; "in" and "out" count the vertices whose chain ends in the stage.
    Map<String, long[]> stages = new LinkedHashMap<>();
    STAGES.forEach(s -> stages.put(s, new long[7]));
    for (JsonNode v : job.path("vertices")) {
      List<String> in = stagesIn(v.path("name").asText());
      if (in.isEmpty()) {
        continue;
      }
      String status = v.path("status").asText();
      for (String s : in) {
        long[] c = stages.get(s);
        c[3]++;
        if ("RUNNING".equals(status)) {
          c[1]++;
        } else if ("FINISHED".equals(status)) {
          c[2]++;
        }
      }
      long[] last = stages.get(in.get(in.size() - 1));
      last[0] += v.path("metrics").path("write-records").asLong();
      last[4] += v.path("metrics").path("read-records").asLong();
      last[5]++;
      if ("FINISHED".equals(status)) {
        last[6]++;
      }
    }
    JsonNode tasks = job.path("status-counts"); // vertices (job graph nodes) by state
    long finished = tasks.path("FINISHED").asLong();
    long total = 0;
    for (JsonNode n : tasks) {
      total += n.asLong();
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "radmd build %s %s vertices %d/%d",
        duration(elapsed), job.path("state").asText(), finished, total));
    int waiting = 0;
    for (Map.Entry<String, long[]> e : stages.entrySet()) {
      long[] c = e.getValue();
      if (c[3] == 0) {
        continue;
      }
      // Running while one of its vertices runs; done once one has finished and none runs (a side output such
      // as Parse.rejects may wait for a later stage without any work left in this one).
      String state = c[1] > 0 ? "running" : c[2] > 0 ? "done" : "waiting";
      if ("waiting".equals(state) && c[0] == 0) {
        waiting++;
        continue;
      }
      sb.append(" | ").append(e.getKey()).append(' ');
      sb.append(c[0]);
      long parsed = stages.get("Parse")[0];
      if ("NormalizeImages".equals(e.getKey()) && parsed > 0) {
        sb.append(String.format(Locale.ROOT, " (%d%% of input)", Math.min(100, 100 * c[4] / parsed)));
      }
      sb.append(' ').append(state);
    }
    if (waiting > 0) {
      sb.append(" | ").append(waiting).append(waiting == 1 ? " stage" : " stages").append(" waiting");
    }
    sb.append(eta(stages.get("NormalizeImages"), stages.get("Parse"), elapsed));
    return sb.toString();
  }

  private String eta(long[] images, long[] parse, long elapsed) {
    if (images[3] == 0) {
      return "";
    }
    if (images[1] == 0 && images[2] > 0) {
      return " | images done";
    }
    if (images[1] == 0) {
      return "";
    }
    if (imagesSince == 0) {
      imagesSince = Math.max(1, elapsed);
    }
    // The image vertex reads Parse's output stream (samples and rejects) one record at a time through its chain,
    // so records read / records Parse wrote is the share of its input it has processed.
    long done = Math.min(images[4], parse[0]);
    boolean inputsKnown = parse[5] > 0 && parse[6] > 0; // the parsing vertex finished: its output is complete
    long seconds = Math.max(0, elapsed - imagesSince);
    if (!inputsKnown || done == 0 || seconds == 0) {
      return " | images ETA ?";
    }
    long remaining = Math.round(seconds * (double) (parse[0] - done) / done);
    return " | images ETA " + duration(remaining);
  }

  /**
   * The build stages whose work a Flink vertex runs, in pipeline order ("FlatMap at NormalizeImages", "at
   * ExactDedup/KeyByContent"); the extraction of a stage's tagged output ("at Parse.samples") is not its work.
   */
  static List<String> stagesIn(String vertexName) {
    List<String> found = new ArrayList<>();
    for (String s : STAGES) {
      for (String sep : new String[] {"/", ")", " "}) {
        if (vertexName.contains("at " + s + sep)) {
          found.add(s);
          break;
        }
      }
    }
    return found;
  }

  static String duration(long seconds) {
    return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return get(endpoint, path);
  }

  private JsonNode get(String base, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + r.statusCode());
    }
    return Json.mapper().readTree(r.body());
  }

  /** Stops the reporter thread (waits at most a second). */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
