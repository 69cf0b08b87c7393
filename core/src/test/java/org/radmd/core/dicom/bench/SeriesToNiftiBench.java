package org.radmd.core.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.radmd.core.dicom.DicomFile;
import org.radmd.core.dicom.DicomReader;
import org.radmd.core.dicom.DicomSeries;
import org.radmd.core.dicom.DicomVolume;
import org.radmd.core.dicom.SeriesAssembler;
import org.radmd.testing.SharedCorpus;

/**
 * Series to NIfTI throughput, radmd against Debian's dcm2niix, on the same inputs in the same run. Not a test:
 * run it as a program (see BENCHMARKS.md for the command).
 *
 * <p>radmd: one warm JVM; each round reads every file of every series ({@link DicomReader#read}), assembles
 * ({@link SeriesAssembler}), builds the volume and writes it ({@link DicomVolume#writeNifti}), single-threaded.
 * dcm2niix: one process per series per round ({@code dcm2niix -b n -x i -z n|i}), as a batch converter runs.
 * Both write uncompressed {@code .nii} and then gzipped ({@code .nii.gz}; dcm2niix's internal miniz, level 6 =
 * radmd's Deflater default). Throughput = slices converted / wall time, median of the rounds; the rounds
 * alternate between the two tools so that both meet the same machine load, which is printed.
 *
 * <p>Arguments: {@code [rounds [warmup]]}, defaults 20 and 60 (the JIT needs about 1,500 slices to settle).
 * Inputs: the three corpus series (27 slices per round).
 */
public final class SeriesToNiftiBench {
  private SeriesToNiftiBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    List<Path> folders = List.of(
        SharedCorpus.corpus("dicom/series/ct_dcmqi_3slices"),
        SharedCorpus.corpus("dicom/series/mr_dicom2nifti_generic_anatomical_4slices/dicom"),
        SharedCorpus.corpus("dicom/series/mr_prostate_adc_dcmqi_20slices"));
    List<List<Path>> files = new ArrayList<>();
    int slices = 0;
    for (Path f : folders) {
      List<Path> dcm = dicomFiles(f);
      files.add(dcm);
      slices += dcm.size();
    }
    Path out = Files.createTempDirectory("radmd-bench");
    Path dcm2niix = Path.of("/usr/bin/dcm2niix");
    System.out.printf(Locale.ROOT, "series: %d, slices per round: %d, rounds: %d (+%d warm-up), cores: %d, java %s%n",
        folders.size(), slices, rounds, warmup, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.println("load average before: " + loadAverage());
    System.out.println("| output | radmd slices/s | dcm2niix slices/s | radmd / dcm2niix |");
    System.out.println("|---|---|---|---|");
    boolean havePeer = Files.isExecutable(dcm2niix);
    List<String> cpuRows = new ArrayList<>();
    for (boolean gzip : new boolean[] {false, true}) {
      for (int i = 0; i < warmup; i++) {
        radmdRound(files, out, gzip);
      }
      // Rounds alternate between the tools so both see the same machine load.
      double[] radmdTimes = new double[rounds];
      double[] peerTimes = new double[rounds];
      double radmdCpu = 0;
      double peerCpu = 0;
      for (int i = 0; i < rounds; i++) {
        double c0 = jvmCpuSeconds();
        radmdTimes[i] = time(() -> radmdRound(files, out, gzip));
        double c1 = jvmCpuSeconds();
        double k0 = childCpuSeconds();
        peerTimes[i] = havePeer ? time(() -> dcm2niixRound(dcm2niix, folders, out, gzip)) : Double.NaN;
        double k1 = childCpuSeconds();
        radmdCpu += c1 - c0;
        peerCpu += k1 - k0;
      }
      cpuRows.add(String.format(Locale.ROOT, "| %s | %.0f | %s | %s |", gzip ? ".nii.gz" : ".nii",
          slices * rounds / radmdCpu, havePeer ? String.format(Locale.ROOT, "%.0f", slices * rounds / peerCpu) : "-",
          havePeer ? String.format(Locale.ROOT, "%.2f", peerCpu / radmdCpu) : "-"));
      double radmd = median(radmdTimes);
      double peer = havePeer ? median(peerTimes) : Double.NaN;
      double radmdRate = slices / radmd;
      double peerRate = slices / peer;
      System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %s |%n", gzip ? ".nii.gz" : ".nii", radmdRate,
          Double.isNaN(peer) ? "not installed" : String.format(Locale.ROOT, "%.0f", peerRate),
          Double.isNaN(peer) ? "-" : String.format(Locale.ROOT, "%.2f", radmdRate / peerRate));
    }
    System.out.println();
    System.out.println("CPU time (radmd: whole JVM process incl. GC/JIT threads; dcm2niix: its processes):");
    System.out.println("| output | radmd slices per CPU-s | dcm2niix slices per CPU-s | radmd / dcm2niix |");
    System.out.println("|---|---|---|---|");
    cpuRows.forEach(System.out::println);
    System.out.println("load average after: " + loadAverage());
    try (Stream<Path> s = Files.walk(out)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @FunctionalInterface
  interface Round {
    void run() throws Exception;
  }

  /** Wall-clock seconds of one round. */
  static double time(Round r) throws Exception {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  static void radmdRound(List<List<Path>> series, Path out, boolean gzip) throws Exception {
    int i = 0;
    for (List<Path> files : series) {
      List<DicomFile> read = new ArrayList<>(files.size());
      for (Path p : files) {
        read.add(DicomReader.pixelMed().read(p));
      }
      for (DicomSeries s : SeriesAssembler.assemble(read)) {
        DicomVolume.of(s).writeNifti(out.resolve("radmd-" + i++ + (gzip ? ".nii.gz" : ".nii")));
      }
    }
  }

  static void dcm2niixRound(Path bin, List<Path> folders, Path out, boolean gzip) throws Exception {
    int i = 0;
    for (Path folder : folders) {
      Path dir = out.resolve("peer-" + i++);
      Files.createDirectories(dir);
      Process p = new ProcessBuilder(bin.toString(), "-b", "n", "-x", "i", "-z", gzip ? "i" : "n", "-w", "1",
          "-f", "peer", "-o", dir.toString(), folder.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("dcm2niix failed on " + folder);
      }
    }
  }

  /** CPU seconds used so far by this JVM, all threads. */
  static double jvmCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /**
   * CPU seconds (user + system) of this JVM's finished child processes: fields cutime and cstime of
   * /proc/self/stat, in clock ticks of 1/100 s (Linux USER_HZ); NaN elsewhere.
   */
  static double childCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  private static List<Path> dicomFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
  }
}
