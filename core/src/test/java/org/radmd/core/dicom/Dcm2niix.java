package org.radmd.core.dicom;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code dcm2niix} (the peer converter) when it is installed. */
final class Dcm2niix {
  private Dcm2niix() {}

  /** The binary on PATH, if any. */
  static Optional<Path> binary() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, "dcm2niix");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Converts {@code input} (a folder, or one file with {@code -s y}) into uncompressed NIfTI in {@code out}
   * without BIDS sidecar and without rotating 3D acquisitions ({@code -x i}), so the voxel layout is the
   * plain slice stack. Returns the {@code .nii} files written (possibly none) and dcm2niix's exit code.
   */
  static Result run(Path binary, Path input, Path out, boolean singleFile, boolean gzip)
      throws IOException, InterruptedException {
    Files.createDirectories(out);
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-b", "n", "-x", "i", "-z", gzip ? "i" : "n",
        "-f", "peer_%s", "-o", out.toString()));
    if (singleFile) {
      cmd.addAll(List.of("-s", "y"));
    }
    cmd.add(input.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] log = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("dcm2niix timed out on " + input);
    }
    List<Path> files;
    try (var s = Files.list(out)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(gzip ? ".nii.gz" : ".nii")).sorted().toList();
    }
    return new Result(p.exitValue(), files, new String(log));
  }

  record Result(int exitCode, List<Path> niftis, String log) {}
}
