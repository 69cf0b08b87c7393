package org.radmd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.radmd.index.CaseSearcher;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.http.SearchServer;
import org.radmd.index.http.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radmd serve-search}: the search web page and JSON API ({@link SearchServer}) over an index built by
 * {@code radmd build}, until the process is stopped. The output root served is the index folder's parent.
 */
@Command(name = "serve-search", mixinStandardHelpOptions = true,
    description = {"Serve the case search web page and JSON API (/api/search, /api/case/{id}, /api/similar/{id}, "
        + "/api/suggest) over an index built by 'radmd build', with its stored images. Listens on loopback "
        + "unless --host says otherwise; stop with Ctrl-C.", "Research data, not for clinical use."})
final class ServeSearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, description = "Index folder (OUT/index of a build); OUT is served.")
  Path index;

  @Option(names = "--host", defaultValue = ServerOptions.LOOPBACK,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--vocab", description = "Disease Ontology .obo for synonyms (default as for build).")
  Path vocab;

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("index folder not found: " + index);
    }
    ServerOptions options = ServerOptions.loopback(port).withHost(host);
    Path root = index.toAbsolutePath().normalize().getParent();
    Path vocabFile = SharedPaths.vocabulary(vocab);
    DiseaseVocabulary v = vocabFile == null ? DiseaseVocabulary.empty() : DiseaseVocabulary.load(vocabFile);
    PrintWriter out = spec.commandLine().getOut();
    try (CaseSearcher searcher = CaseSearcher.open(index, v);
        SearchServer server = SearchServer.start(searcher, v, root, options)) {
      out.printf("radmd serve-search: %s  (index %s, vocabulary %s)%n", server.uri(), index,
          vocabFile == null ? "none" : vocabFile.getFileName() + ", " + v.size() + " terms");
      if (!server.address().getAddress().isLoopbackAddress()) {
        out.println("warning: listening beyond this machine; the service has no authentication.");
      }
      out.println("Research data, not for clinical use. Stop with Ctrl-C.");
      out.flush();
      Thread hook = new Thread(stop::countDown, "radmd-serve-search-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } finally {
        removeHook(hook);
      }
    }
    return 0;
  }

  /** Ends a running {@link #call()}: the server and the searcher are closed and it returns 0. */
  void stop() {
    stop.countDown();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook has run.
    }
  }
}
