package org.radmd.scrapers.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.jats.JatsArticle;
import org.radmd.scrapers.jats.JatsArticleParser;
import org.radmd.scrapers.jats.JatsArticleReader;
import org.radmd.scrapers.jats.SecureXml;
import org.radmd.testing.SharedCorpus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JATS parsing throughput on the corpus articles ({@code pmc/} and {@code pmc_radiology/}), single-threaded, so
 * the rates are per core. Not a test: run it as a program (command in BENCHMARKS.md).
 *
 * <p>Two measurements per round over all articles: (1) <em>parse + extraction</em>: secure DOM parse of the
 * in-memory bytes ({@link SecureXml#parse(byte[], String)}) and {@link JatsArticleParser#parse} (metadata, licence,
 * figures, captions, citing sentences); (2) <em>reader</em>: {@link JatsArticleReader#read} on the files (file
 * read, parse, extraction, image-file lookups, Sample and PMC-CaseReport building). Images are never decoded.
 * Reported: articles/s and figures/s of the median round, by wall time and by thread CPU time.
 *
 * <p>Arguments: {@code [rounds [warmup]]}, defaults 100 and 300 (the JIT needs a few hundred rounds).
 */
public final class JatsParseBench {
  private JatsParseBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("pmc", "pmc_radiology")) {
      try (Stream<Path> s = Files.walk(SharedCorpus.corpus(folder))) {
        s.filter(p -> p.toString().endsWith(".nxml") || p.toString().endsWith(".xml")).sorted().forEach(files::add);
      }
    }
    List<byte[]> bytes = new ArrayList<>();
    for (Path f : files) {
      bytes.add(Files.readAllBytes(f));
    }
    int figures = 0;
    for (int i = 0; i < files.size(); i++) {
      figures += parseAll(bytes.get(i), files.get(i).toString());
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    JatsArticleReader reader = new JatsArticleReader();
    Path root = SharedCorpus.corpus();
    long[][] parse = new long[rounds][];
    long[][] read = new long[rounds][];
    for (int r = -warmup; r < rounds; r++) {
      long w0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      int n = 0;
      for (int i = 0; i < files.size(); i++) {
        n += parseAll(bytes.get(i), files.get(i).toString());
      }
      long w1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      int samples = 0;
      for (Path f : files) {
        ReadResult rr = reader.read(f, root);
        samples += rr.samples().size() + rr.rejects().size();
      }
      long w2 = System.nanoTime();
      long c2 = mx.getCurrentThreadCpuTime();
      if (n != figures || samples < 0) {
        throw new IllegalStateException("figure count changed");
      }
      if (r >= 0) {
        parse[r] = new long[] {w1 - w0, c1 - c0};
        read[r] = new long[] {w2 - w1, c2 - c1};
      }
    }
    System.out.printf(Locale.ROOT, "%d JATS articles, %d figures, %d bytes; %d rounds after %d warm-up rounds%n",
        files.size(), figures, bytes.stream().mapToLong(b -> b.length).sum(), rounds, warmup);
    report("parse + extraction", parse, files.size(), figures);
    report("JatsArticleReader.read", read, files.size(), figures);
  }

  private static int parseAll(byte[] xml, String name) throws Exception {
    Document doc = SecureXml.parse(xml, name);
    int figs = 0;
    for (Element a : JatsArticleParser.articles(doc)) {
      JatsArticle article = JatsArticleParser.parse(a);
      figs += article.figures().size();
    }
    return figs;
  }

  private static void report(String what, long[][] rounds, int articles, int figures) {
    long wall = median(Arrays.stream(rounds).mapToLong(x -> x[0]).toArray());
    long cpu = median(Arrays.stream(rounds).mapToLong(x -> x[1]).toArray());
    System.out.printf(Locale.ROOT, "%-24s median round %.2f ms wall, %.2f ms CPU: %.0f articles/s, %.0f figures/s"
        + " (wall); %.0f articles/CPU-s, %.0f figures/CPU-s%n", what, wall / 1e6, cpu / 1e6,
        articles / (wall / 1e9), figures / (wall / 1e9), articles / (cpu / 1e9), figures / (cpu / 1e9));
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
