package org.radmd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.serve.ModelServer;
import org.radmd.radfm.serve.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radmd serve}: a RadFM model over HTTP ({@link ModelServer}) until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a RadFM model over HTTP: POST /v1/generate, POST /v1/score, GET /healthz. Images are "
        + "paths under --roots or base64 uploads. Listens on loopback unless --host says otherwise; stop with Ctrl-C.",
        "Research use only, not for clinical use."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model folder.")
  Path model;

  @Option(names = "--host", defaultValue = ServeOptions.LOOPBACK,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--port", defaultValue = "8090", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--roots", split = ",", description = "Folders whose files requests may name as images "
      + "(e.g. a build output OUT), comma-separated.")
  List<Path> roots = new ArrayList<>();

  @Option(names = "--max-images", defaultValue = "10", description = "Most images per request (default: ${DEFAULT-VALUE}).")
  int maxImages;

  @Option(names = "--max-new-tokens", defaultValue = "512",
      description = "Largest maxNewTokens a request may ask for (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  /** Test seam: how the model folder is opened. */
  BackendLoader.Factory backends = BackendLoader::load;

  private final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    ServeOptions d = ServeOptions.defaults(port).withHost(host).withRoots(roots);
    ServeOptions options = d.withLimits(maxImages, d.maxImageBytes(), d.maxBodyBytes(), maxNewTokens,
        d.maxQuestionChars());
    PrintWriter out = spec.commandLine().getOut();
    try (RadfmBackend backend = backends.load(model);
        ModelServer server = ModelServer.start(backend, options)) {
      out.printf("radmd serve: %s  (model %s, %d image roots)%n", server.uri(), model, roots.size());
      if (!server.address().getAddress().isLoopbackAddress()) {
        out.println("warning: listening beyond this machine; the service has no authentication.");
      }
      out.println("Research use only, not for clinical use. Stop with Ctrl-C.");
      out.flush();
      Thread hook = new Thread(stop::countDown, "radmd-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down (Ctrl-C): the hook has run.
        }
      }
    }
    return 0;
  }

  /** Ends a running {@link #call()}: the server and the model are closed and it returns 0. */
  void stop() {
    stop.countDown();
  }
}
