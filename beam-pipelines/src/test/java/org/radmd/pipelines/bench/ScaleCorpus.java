package org.radmd.pipelines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.radmd.core.Json;

/**
 * Generates a MedPix-2.0-format corpus of {@code N} cases derived from the real MedPix cases in {@code
 * ../shared/corpus/medpix}, for the scale benchmark ({@code scripts/bench-scale}, BENCHMARKS.md §7).
 *
 * <p>Each generated case {@code MPXG<n>} takes a real case's fields with its sentences shuffled, one sentence
 * from another case mixed in and 15 % of the words dropped (so texts are distinct for MinHash); its one image is a
 * 512 x 512 mosaic of four real corpus images picked at random (each cropped by up to 10 %, scaled to 256 x 256
 * and shifted in brightness by up to +-12 grey levels), so pixel hashes and pHashes are distinct. A share {@code
 * dupRate} (default 5 %) of the cases are near-duplicates of an earlier generated case (same mosaic with another
 * small brightness shift, 3 % of words dropped): real work for exact and near-duplicate dedup. Cases are written
 * in files of 100 ({@code medpix/data_gNNNNN.jsonl} + {@code descriptions_gNNNNN.jsonl}), since the build
 * parallelizes by input file. Deterministic for a seed.
 *
 * <p>Usage: {@code ScaleCorpus <medpix folder> <out folder> <N> [seed] [dupRate]}.
 */
public final class ScaleCorpus {
  static final int CASES_PER_FILE = 100;

  private ScaleCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ScaleCorpus <medpix folder> <out folder> <N> [seed] [dupRate]");
      System.exit(2);
    }
    Path medpix = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
    double dupRate = args.length > 4 ? Double.parseDouble(args[4]) : 0.05;
    long t0 = System.nanoTime();
    int dups = generate(medpix, out, n, seed, dupRate);
    System.err.printf(Locale.ROOT, "ScaleCorpus: %d cases (%d near-duplicates) in %s, %.1f s%n", n, dups, out,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Writes the corpus; returns the number of near-duplicate cases. */
  static int generate(Path medpix, Path out, int n, long seed, double dupRate) throws IOException {
    List<JsonNode> cases = readJsonl(medpix.resolve("data_dev.subset.jsonl"));
    List<JsonNode> descriptions = readJsonl(medpix.resolve("descriptions_dev.subset.jsonl"));
    List<BufferedImage> images = new ArrayList<>();
    try (Stream<Path> s = Files.list(medpix.resolve("images"))) {
      for (Path p : s.sorted().toList()) {
        BufferedImage img = ImageIO.read(p.toFile());
        if (img != null) {
          images.add(grey(img));
        }
      }
    }
    List<String> sentencePool = new ArrayList<>();
    for (JsonNode c : cases) {
      sentencePool.addAll(sentences(c.path("Case").path("Findings").asText("")));
    }
    Path dir = out.resolve("medpix");
    Files.createDirectories(dir.resolve("images"));
    // Plan every case first (sequential random draws), then render images in parallel.
    Random rnd = new Random(seed);
    int[][] mosaic = new int[n][];
    int[] brightness = new int[n];
    int[] dupOf = new int[n];
    long[] textSeed = new long[n];
    int dups = 0;
    for (int i = 0; i < n; i++) {
      textSeed[i] = rnd.nextLong();
      if (i > 0 && rnd.nextDouble() < dupRate) {
        dupOf[i] = rnd.nextInt(i);
        while (dupOf[dupOf[i]] >= 0 && dupOf[i] != dupOf[dupOf[i]]) {
          dupOf[i] = dupOf[dupOf[i]]; // near-duplicate of an original
        }
        mosaic[i] = mosaic[dupOf[i]];
        brightness[i] = brightness[dupOf[i]] + (rnd.nextBoolean() ? 2 : -2);
        dups++;
      } else {
        dupOf[i] = -1;
        mosaic[i] = new int[12]; // 4 x (image, crop x, crop y)
        for (int q = 0; q < 4; q++) {
          mosaic[i][3 * q] = rnd.nextInt(images.size());
          mosaic[i][3 * q + 1] = rnd.nextInt(11);
          mosaic[i][3 * q + 2] = rnd.nextInt(11);
        }
        brightness[i] = rnd.nextInt(25) - 12;
      }
    }
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        ImageIO.write(render(images, mosaic[i], brightness[i]), "png",
            dir.resolve("images/" + imageId(i) + ".png").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    for (int f = 0; f * CASES_PER_FILE < n; f++) {
      String suffix = String.format(Locale.ROOT, "_g%05d.jsonl", f);
      try (BufferedWriter data = Files.newBufferedWriter(dir.resolve("data" + suffix), StandardCharsets.UTF_8);
          BufferedWriter desc = Files.newBufferedWriter(dir.resolve("descriptions" + suffix), StandardCharsets.UTF_8)) {
        for (int i = f * CASES_PER_FILE; i < Math.min(n, (f + 1) * CASES_PER_FILE); i++) {
          int origin = dupOf[i] >= 0 ? dupOf[i] : i;
          Random tr = new Random(textSeed[origin]);
          JsonNode base = cases.get(tr.nextInt(cases.size()));
          double drop = dupOf[i] >= 0 ? 0.03 : 0.15;
          Random wordRnd = new Random(textSeed[i]);
          ObjectNode c = (ObjectNode) base.deepCopy();
          String id = caseId(i);
          c.put("U_id", id);
          c.remove("TAC");
          c.remove("MRI");
          String modality = base.has("MRI") && !base.get("MRI").isEmpty() ? "MRI" : "TAC";
          c.putArray(modality).add(imageId(i));
          ObjectNode text = (ObjectNode) c.path("Case");
          for (String field : List.of("History", "Findings", "Discussion")) {
            List<String> s = new ArrayList<>(sentences(text.path(field).asText("")));
            if ("Findings".equals(field)) {
              s.add(sentencePool.get(tr.nextInt(sentencePool.size())));
              java.util.Collections.shuffle(s, tr);
            }
            text.put(field, dropWords(String.join(" ", s), drop, wordRnd));
          }
          data.write(Json.mapper().writeValueAsString(c));
          data.write('\n');
          ObjectNode d = (ObjectNode) descriptionFor(descriptions, base).deepCopy();
          d.put("U_id", id);
          d.put("image", imageId(i));
          ObjectNode dd = (ObjectNode) d.path("Description");
          dd.put("Caption", dropWords(dd.path("Caption").asText(""), drop, wordRnd));
          desc.write(Json.mapper().writeValueAsString(d));
          desc.write('\n');
        }
      }
    }
    return dups;
  }

  static String caseId(int i) {
    return String.format(Locale.ROOT, "MPXG%07d", i);
  }

  static String imageId(int i) {
    return caseId(i) + "_synpic" + (1_000_000 + i);
  }

  private static JsonNode descriptionFor(List<JsonNode> descriptions, JsonNode c) {
    String id = c.path("U_id").asText();
    return descriptions.stream().filter(d -> id.equals(d.path("U_id").asText())).findFirst()
        .orElse(descriptions.get(0));
  }

  private static BufferedImage render(List<BufferedImage> images, int[] m, int brightness) {
    BufferedImage out = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    for (int q = 0; q < 4; q++) {
      BufferedImage src = images.get(m[3 * q]);
      int cw = src.getWidth() * 9 / 10;
      int ch = src.getHeight() * 9 / 10;
      int x = (src.getWidth() - cw) * m[3 * q + 1] / 10;
      int y = (src.getHeight() - ch) * m[3 * q + 2] / 10;
      g.drawImage(src.getSubimage(x, y, cw, ch), (q % 2) * 256, (q / 2) * 256, 256, 256, null);
    }
    g.dispose();
    byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xFF) + brightness));
    }
    return out;
  }

  private static BufferedImage grey(BufferedImage img) {
    BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D gr = g.createGraphics();
    gr.drawImage(img, 0, 0, null);
    gr.dispose();
    return g;
  }

  static List<String> sentences(String text) {
    return Arrays.stream(text.split("(?<=[.!?])\\s+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String dropWords(String text, double rate, Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (String w : text.split("\\s+")) {
      if (!w.isEmpty() && rnd.nextDouble() >= rate) {
        sb.append(sb.length() == 0 ? "" : " ").append(w);
      }
    }
    return sb.toString();
  }

  private static List<JsonNode> readJsonl(Path p) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(Json.mapper().readTree(line));
      }
    }
    return out;
  }
}
