package org.radmd.pipelines.dedup.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Images;
import org.radmd.filters.dedup.CropFamily;
import org.radmd.filters.dedup.EvalCorpus;
import org.radmd.filters.dedup.ImagePerturbation;
import org.radmd.filters.dedup.ImageSignature;

/**
 * The real material the scale corpus is generated from, computed once: the {@link ImageSignature}s of the
 * real sample-corpus images ({@link EvalCorpus#images}) and of {@value #DRAWS} edits of each by every
 * {@link #EDITS} kind of {@link ImagePerturbation}, and the real corpus texts ({@link EvalCorpus#texts}).
 *
 * <p>Only edits that keep the picture's geometry are drawn (JPEG re-encoding, resize, grey, re-window): the
 * generator adds a per-identity pattern to the thumbnails (see {@link ScaleCorpus}) that stays aligned only
 * when the frame does; crop recall is measured by {@code DedupEvaluation} on the real edits. Each image is a
 * <i>group</i>; its entries are near-duplicates of each other. Groups are also labelled with their source, so
 * the generator can draw sources evenly (185 of the 227 corpus images are slices of one Radiopaedia case).
 *
 * <p>Binary file format (big-endian, {@link DataOutputStream}): magic {@code "RDPOOL1"}, entry count, then per
 * entry group, source, kind, hash, the {@value CropFamily#SIZE} family hashes and the 4,096 thumbnail bytes;
 * then text count and the texts (modified UTF-8, at most 65,535 bytes each). Immutable once built.
 */
public final class SignaturePool {
  /** The geometry-keeping edits drawn for every image. */
  public static final List<ImagePerturbation> EDITS = List.of(ImagePerturbation.JPEG, ImagePerturbation.RESIZE,
      ImagePerturbation.GREY, ImagePerturbation.WINDOW);
  /** Edits drawn per kind and image. */
  public static final int DRAWS = 2;
  /** Shortest text spliced into a generated caption (see {@link #spliceTexts}). */
  public static final int MIN_SPLICE_CHARS = 80;
  private static final String MAGIC = "RDPOOL1";
  private static final Map<Path, SignaturePool> LOADED = new ConcurrentHashMap<>();

  /**
   * One signature of the pool.
   *
   * @param group index of the real image it comes from
   * @param source the real image's source ({@code MPx}, {@code PMC}, {@code MedICaT}, {@code RP3D})
   * @param kind {@code ORIGINAL} or the edit's name
   */
  public record Entry(int group, String source, String kind, ImageSignature signature) {}

  private final List<Entry> entries;
  private final int[][] byGroup;
  private final int[][] groupsBySource;
  private final List<String> texts;
  private final List<String> longTexts;

  /**
   * @param entries the signatures, groups numbered 0..G-1 without gaps
   * @param texts the real texts, none blank
   * @throws IllegalArgumentException if there are no entries or texts, or groups have gaps
   */
  public SignaturePool(List<Entry> entries, List<String> texts) {
    if (entries.isEmpty() || texts.isEmpty()) {
      throw new IllegalArgumentException("pool needs signatures and texts");
    }
    this.entries = List.copyOf(entries);
    this.texts = List.copyOf(texts);
    this.longTexts = texts.stream().filter(t -> t.length() >= MIN_SPLICE_CHARS).toList();
    if (longTexts.isEmpty()) {
      throw new IllegalArgumentException("pool needs texts of at least " + MIN_SPLICE_CHARS + " characters");
    }
    TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
    TreeMap<String, java.util.TreeSet<Integer>> sources = new TreeMap<>();
    for (int i = 0; i < entries.size(); i++) {
      groups.computeIfAbsent(entries.get(i).group(), g -> new ArrayList<>()).add(i);
      sources.computeIfAbsent(entries.get(i).source(), s -> new java.util.TreeSet<>()).add(entries.get(i).group());
    }
    if (groups.firstKey() != 0 || groups.lastKey() != groups.size() - 1) {
      throw new IllegalArgumentException("groups must be numbered 0.." + (groups.size() - 1));
    }
    byGroup = groups.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    groupsBySource = sources.values().stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /**
   * Hashes the corpus images and their edits (in parallel; about 30 s on two cores) and reads the texts.
   *
   * @param corpus {@code shared/corpus}
   * @param seed the edits' random seed
   * @throws IllegalStateException if a corpus image cannot be decoded
   */
  public static SignaturePool build(Path corpus, long seed) {
    List<String> texts = EvalCorpus.texts(corpus).stream().map(EvalCorpus.CorpusText::text)
        .map(String::strip).filter(t -> !t.isEmpty()).toList();
    return build(EvalCorpus.images(corpus), texts, seed);
  }

  /**
   * The pool of some corpus images and texts.
   *
   * @throws IllegalStateException if an image cannot be decoded
   */
  public static SignaturePool build(List<EvalCorpus.CorpusImage> images, List<String> texts, long seed) {
    List<List<Entry>> perImage = IntStream.range(0, images.size()).parallel().mapToObj(g -> {
      EvalCorpus.CorpusImage ci = images.get(g);
      BufferedImage img;
      try {
        img = Images.read(ci.file());
      } catch (ImageDecodeException e) {
        throw new IllegalStateException("corpus image unreadable: " + ci.file(), e);
      }
      Random rnd = new Random(seed ^ ci.id().hashCode() * 0x9E3779B97F4A7C15L);
      List<Entry> out = new ArrayList<>();
      out.add(new Entry(g, ci.source(), "ORIGINAL", ImageSignature.of(img)));
      for (ImagePerturbation p : EDITS) {
        for (int d = 0; d < DRAWS; d++) {
          out.add(new Entry(g, ci.source(), p.name(), ImageSignature.of(p.apply(img, rnd))));
        }
      }
      return out;
    }).toList();
    return new SignaturePool(perImage.stream().flatMap(List::stream).toList(), texts);
  }

  /** The pool in {@code file}, read once per JVM and shared (workers of one JVM reuse it). */
  public static SignaturePool cached(Path file) {
    return LOADED.computeIfAbsent(file.toAbsolutePath().normalize(), SignaturePool::read);
  }

  /**
   * Reads a pool written by {@link #write}.
   *
   * @throws UncheckedIOException if the file cannot be read or is not a pool file
   */
  public static SignaturePool read(Path file) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IOException("not a signature pool file: " + file);
      }
      int n = in.readInt();
      List<Entry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int group = in.readInt();
        String source = in.readUTF();
        String kind = in.readUTF();
        long hash = in.readLong();
        long[] family = new long[CropFamily.SIZE];
        for (int f = 0; f < family.length; f++) {
          family[f] = in.readLong();
        }
        byte[] thumb = new byte[ImageSignature.THUMBNAIL * ImageSignature.THUMBNAIL];
        in.readFully(thumb);
        entries.add(new Entry(group, source, kind, new ImageSignature(hash, family, thumb)));
      }
      int t = in.readInt();
      List<String> texts = new ArrayList<>(t);
      for (int i = 0; i < t; i++) {
        texts.add(in.readUTF());
      }
      return new SignaturePool(entries, texts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read signature pool " + file, e);
    }
  }

  /** Writes the pool to {@code file} (parent folders created). */
  public void write(Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeUTF(MAGIC);
      out.writeInt(entries.size());
      for (Entry e : entries) {
        out.writeInt(e.group());
        out.writeUTF(e.source());
        out.writeUTF(e.kind());
        out.writeLong(e.signature().hash());
        for (long f : e.signature().family()) {
          out.writeLong(f);
        }
        out.write(e.signature().thumbnail());
      }
      List<String> fitting = texts.stream().filter(s -> utfLength(s) <= 65_535).toList();
      out.writeInt(fitting.size());
      for (String s : fitting) {
        out.writeUTF(s);
      }
    }
  }

  private static int utfLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c >= 1 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
    }
    return n;
  }

  public List<Entry> entries() {
    return entries;
  }

  public Entry entry(int i) {
    return entries.get(i);
  }

  /** Number of groups (real images). */
  public int groups() {
    return byGroup.length;
  }

  /** The entry indices of group {@code g}, the original first. */
  public int[] entriesOf(int g) {
    return byGroup[g];
  }

  /** The groups of each source, sources in name order. */
  public int[][] groupsBySource() {
    return groupsBySource;
  }

  public List<String> texts() {
    return texts;
  }

  /**
   * The texts of at least {@value #MIN_SPLICE_CHARS} characters: the parts of generated captions. Short ones
   * are left out so that two captions sharing one part are never near-duplicates (a shared 240-character part
   * beside two short ones would be).
   */
  public List<String> spliceTexts() {
    return longTexts;
  }
}
