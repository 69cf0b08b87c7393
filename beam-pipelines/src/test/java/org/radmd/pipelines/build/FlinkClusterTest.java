package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.pipelines.Runners;
import org.radmd.pipelines.flink.LocalFlinkCluster;
import org.radmd.testing.SharedCorpus;

/**
 * The build of the real corpus submitted to a Flink 1.19 session cluster of separate JVMs on loopback (one
 * JobManager, two TaskManagers with two slots each; {@link LocalFlinkCluster}) writes byte-for-byte the JSONL
 * of the embedded run; and when one TaskManager is killed (SIGKILL) while the job runs, Flink restarts the job
 * on the surviving TaskManager and the outputs are still identical: nothing lost, nothing doubled.
 *
 * <p>Skipped, with a message, only when this JVM cannot start another JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterTest {
  @TempDir static Path clusterDir;
  static LocalFlinkCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    Assumptions.assumeTrue(canForkJvm(), "cannot start a child JVM here, so no Flink session cluster can run");
    EmbeddedReference.ensure(); // before the cluster starts, so the two do not compete for the cores
    cluster = LocalFlinkCluster.start(clusterDir, 2, 2, Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void sessionClusterRunWritesTheEmbeddedRunsJsonl(@TempDir Path out) throws Exception {
    BuildReport report = BuildJob.run(clusterOptions(out), null);
    assertEquals(EmbeddedReference.report().medmdSamples(), report.medmdSamples());
    FlinkRunnerTest.assertSameJsonl(EmbeddedReference.jsonl(), BuildPipelineTest.jsonl(out));
    JsonNode jobs = cluster.rest("/jobs/overview").path("jobs");
    assertTrue(jobs.size() >= 1 && "FINISHED".equals(jobs.get(0).path("state").asText()),
        "the job ran on the cluster: " + jobs);
  }

  @Test
  @Order(2)
  void killingATaskManagerMidJobStillGivesIdenticalOutputs(@TempDir Path out) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<BuildReport> build = pool.submit(() -> BuildJob.run(clusterOptions(out), null));
      String[] victim = awaitRunningSubtask(build, Duration.ofSeconds(120));
      String jobId = victim[0];
      int tm = Integer.parseInt(victim[1].substring("tm-".length()));
      Process p = cluster.taskManager(tm);
      p.destroyForcibly();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "TaskManager " + victim[1] + " did not die");

      BuildReport report = build.get(240, TimeUnit.SECONDS);
      assertEquals(EmbeddedReference.report().medmdSamples(), report.medmdSamples());
      FlinkRunnerTest.assertSameJsonl(EmbeddedReference.jsonl(), BuildPipelineTest.jsonl(out));
      // Nothing left behind: no temporary shard files, and no shard written twice under another name.
      try (var files = Files.walk(out)) {
        List<Path> tmp = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        assertEquals(List.of(), tmp, "temporary files left behind");
      }
      JsonNode job = cluster.rest("/jobs/" + jobId);
      assertEquals("FINISHED", job.path("state").asText(), job.toString());
      JsonNode failures = cluster.rest("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
      assertFalse(failures.isEmpty(), "the kill hit the running job (it restarted at least once)");
    } catch (Exception | AssertionError e) {
      System.err.println(cluster.logTail(3000));
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private static BuildOptions clusterOptions(Path out) {
    BuildOptions o = BuildPipelineTest.options(SharedCorpus.corpus(), out, Runners.Kind.FLINK);
    Runners.configure(o, Runners.Kind.FLINK, cluster.master(), 2);
    return o;
  }

  /**
   * Waits until the build's job has been RUNNING for a moment and a subtask of its parsing stage runs; returns
   * the job id and that subtask's TaskManager id.
   */
  private static String[] awaitRunningSubtask(Future<?> build, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long runningSince = 0;
    while (System.nanoTime() < deadline) {
      if (build.isDone()) {
        build.get(); // surfaces the failure
        throw new AssertionError("the job finished before a TaskManager could be killed");
      }
      for (JsonNode j : cluster.rest("/jobs/overview").path("jobs")) {
        if (!"RUNNING".equals(j.path("state").asText())) {
          continue;
        }
        runningSince = runningSince == 0 ? System.nanoTime() : runningSince;
        if (System.nanoTime() - runningSince < 2_000_000_000L) {
          continue;
        }
        String jid = j.path("jid").asText();
        for (JsonNode v : cluster.rest("/jobs/" + jid).path("vertices")) {
          if (!v.path("name").asText().contains("Parse")) {
            continue;
          }
          for (JsonNode s : cluster.rest("/jobs/" + jid + "/vertices/" + v.path("id").asText()).path("subtasks")) {
            String tm = s.path("taskmanager-id").asText();
            if ("RUNNING".equals(s.path("status").asText()) && tm.startsWith("tm-")) {
              return new String[] {jid, tm};
            }
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no running subtask found within " + timeout + "\n" + cluster.logTail(3000));
  }

  private static boolean canForkJvm() {
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
