package org.radmd.pipelines.dedup.bench;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Ids;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.TextPerturbation;

/**
 * A generated corpus of {@code n} samples derived from the real sample corpus ({@link SignaturePool}), with a
 * known set of planted duplicates, for the dedup scale benchmark ({@code scripts/bench-dedup}). Every sample is
 * a pure function of (seed, index), so workers generate their share without holding the corpus, and reruns are
 * identical.
 *
 * <p><b>Layout.</b> Indices {@code 0 .. originals-1} are distinct <i>identities</i>; then {@code near} planted
 * near-duplicates and {@code exact} planted exact duplicates, index {@code i} copying identity
 * {@code i - originals} (so every planted duplicate has its own identity: clusters of two). A planted duplicate
 * has another source and case than its identity, so the build compares them. Near duplicates are one of (by a
 * hash of the index) image and text (1/2), image only with an unrelated caption (1/4), text only with
 * unrelated images (1/4).
 *
 * <p><b>Images.</b> An identity's picture is a pool entry of a real image (source drawn evenly, then image)
 * made distinct: {@code flipBits} random bits flipped in its pHash and in every crop-family hash (one mask), and
 * a smooth random pattern (12 plane waves, 1.5-5 cycles per frame, as strong as the thumbnail's own contrast)
 * added to its thumbnail, so two identities from one real image are neither within the pHash threshold nor
 * correlated enough to be confirmed (thumbnail correlation about 0.5). A planted near-duplicate uses another
 * edit of the same real image (JPEG, resize, grey or re-window, {@link SignaturePool#EDITS}) with the same
 * mask and pattern: the pair is exactly as far apart as the two real edits are. Pictures are referenced as
 * {@code synthetic/<entry>/<mask>/<pattern seed>}, which {@link GeneratedSignatures} turns into signatures.
 * Single-figure sources (ROCO, PMC-Inline, MedICaT) have one picture, MPx and PMC-CaseReport one to three.
 *
 * <p><b>Texts.</b> An identity's caption splices three real corpus texts of at least 80 characters (each cut to
 * 240 characters at a word boundary), so two identities share at most about a third of their text by chance; a planted text duplicate is the
 * caption after one {@link TextPerturbation} (clause order, numbers, panel label, or all three).
 */
public final class ScaleCorpus implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final List<SourceDataset> SOURCES = List.of(SourceDataset.ROCO, SourceDataset.PMC_INLINE,
      SourceDataset.MEDICAT, SourceDataset.MPX, SourceDataset.PMC_CASE_REPORT);
  private static final int[] SOURCE_WEIGHTS = {40, 25, 15, 10, 10};
  static final String ID_PREFIX = "bench-";
  static final int WAVES = 12;

  /** What a sample is in the generated set. */
  public enum Role { ORIGINAL, NEAR_IMAGE_AND_TEXT, NEAR_IMAGE, NEAR_TEXT, EXACT }

  private final String poolFile;
  private transient SignaturePool pool;
  private final long samples;
  private final long seed;
  private final long originals;
  private final long near;
  private final long exact;
  private final int flipBits;

  /**
   * @param poolFile the pool file ({@link SignaturePool#write}); read lazily, once per JVM
   * @param samples corpus size, at least 1
   * @param seed random seed
   * @param nearFraction fraction of samples that are planted near-duplicates
   * @param exactFraction fraction of samples that are planted exact duplicates
   * @param flipBits bits flipped per identity in the pHash family, 0..64
   * @throws IllegalArgumentException if the planted fractions exceed one half together, or a value is out of
   *     range
   */
  public ScaleCorpus(Path poolFile, long samples, long seed, double nearFraction, double exactFraction,
      int flipBits) {
    this(poolFile, null, samples, seed, nearFraction, exactFraction, flipBits);
  }

  /** The same over a pool already in memory (tests). */
  public ScaleCorpus(SignaturePool pool, long samples, long seed, double nearFraction, double exactFraction,
      int flipBits) {
    this(null, Objects.requireNonNull(pool, "pool"), samples, seed, nearFraction, exactFraction, flipBits);
  }

  private ScaleCorpus(Path poolFile, SignaturePool pool, long samples, long seed, double nearFraction,
      double exactFraction, int flipBits) {
    if (samples < 1 || flipBits < 0 || flipBits > 64 || !(nearFraction >= 0) || !(exactFraction >= 0)
        || nearFraction + exactFraction > 0.5) {
      throw new IllegalArgumentException("need samples >= 1, flipBits 0..64, planted fractions summing to <= 0.5");
    }
    this.poolFile = poolFile == null ? null : poolFile.toAbsolutePath().toString();
    this.pool = pool;
    this.samples = samples;
    this.seed = seed;
    this.near = Math.round(samples * nearFraction);
    this.exact = Math.round(samples * exactFraction);
    this.originals = samples - near - exact;
    this.flipBits = flipBits;
  }

  SignaturePool pool() {
    if (pool == null) {
      pool = SignaturePool.cached(Path.of(poolFile));
    }
    return pool;
  }

  public long samples() {
    return samples;
  }

  /** Number of distinct identities (samples left after perfect dedup). */
  public long originals() {
    return originals;
  }

  public long plantedNear() {
    return near;
  }

  public long plantedExact() {
    return exact;
  }

  /** The role of sample {@code index}. */
  public Role role(long index) {
    Objects.checkIndex(index, samples);
    if (index < originals) {
      return Role.ORIGINAL;
    }
    if (index >= originals + near) {
      return Role.EXACT;
    }
    return switch ((int) (mix(seed ^ 0x6E656172L, index) >>> 62)) {
      case 0, 1 -> Role.NEAR_IMAGE_AND_TEXT;
      case 2 -> Role.NEAR_IMAGE;
      default -> Role.NEAR_TEXT;
    };
  }

  /** The identity sample {@code index} belongs to: itself for an original, the one it copies otherwise. */
  public long identity(long index) {
    return role(index) == Role.ORIGINAL ? index : index - originals;
  }

  /** The index in a generated sample id. */
  public static long indexOf(String sampleId) {
    if (!sampleId.startsWith(ID_PREFIX)) {
      throw new IllegalArgumentException("not a generated sample id: " + sampleId);
    }
    return Long.parseLong(sampleId.substring(ID_PREFIX.length()));
  }

  /** Sample {@code index}. */
  public Sample sample(long index) {
    Role role = role(index);
    String id = ID_PREFIX + index;
    if (role == Role.ORIGINAL) {
      Identity it = identityContent(index);
      return sample(id, it.source, "case-" + index, it.caption, it.images(id));
    }
    long of = index - originals;
    Identity it = identityContent(of);
    SplittableRandom own = new SplittableRandom(mix(seed ^ 0x6475706CL, index));
    SourceDataset source = SOURCES.get((SOURCES.indexOf(it.source) + 1 + own.nextInt(SOURCES.size() - 1))
        % SOURCES.size());
    String caseId = "dupcase-" + index;
    return switch (role) {
      case EXACT -> sample(id, source, caseId, it.caption, it.images(id));
      case NEAR_IMAGE_AND_TEXT -> sample(id, source, caseId, perturb(it.caption, own), it.edited(id, own, this));
      case NEAR_IMAGE -> sample(id, source, caseId, caption(own), it.edited(id, own, this));
      case NEAR_TEXT -> sample(id, source, caseId, perturb(it.caption, own),
          fresh(own, it.pictures.size()).images(id));
      case ORIGINAL -> throw new AssertionError();
    };
  }

  /**
   * The signature a generated picture reference stands for.
   *
   * @throws IllegalArgumentException if the path is not a generated picture's
   */
  public ImageSignature signature(String path) {
    String[] f = path.split("/");
    if (f.length != 4 || !f[0].equals("synthetic")) {
      throw new IllegalArgumentException("not a generated picture: " + path);
    }
    ImageSignature base = pool().entry(Integer.parseInt(f[1])).signature();
    long mask = Long.parseUnsignedLong(f[2], 16);
    long pattern = Long.parseUnsignedLong(f[3], 16);
    long[] family = base.family();
    for (int i = 0; i < family.length; i++) {
      family[i] ^= mask;
    }
    return new ImageSignature(base.hash() ^ mask, family, patterned(base.thumbnail(), pattern));
  }

  /** One picture of an identity: pool entry, bit mask and pattern seed. */
  private record Picture(int group, int entry, long mask, long pattern) {
    String path() {
      return "synthetic/" + entry + "/" + Long.toHexString(mask) + "/" + Long.toHexString(pattern);
    }
  }

  private record Identity(SourceDataset source, String caption, List<Picture> pictures) {
    List<ImageRef> images(String sampleId) {
      List<ImageRef> out = new ArrayList<>();
      for (int i = 0; i < pictures.size(); i++) {
        out.add(ref(sampleId + "-img" + i, pictures.get(i).path()));
      }
      return out;
    }

    /** The same pictures through another edit of their real image. */
    List<ImageRef> edited(String sampleId, SplittableRandom rnd, ScaleCorpus c) {
      List<ImageRef> out = new ArrayList<>();
      for (int i = 0; i < pictures.size(); i++) {
        Picture p = pictures.get(i);
        int[] entries = c.pool().entriesOf(p.group());
        int e = p.entry();
        if (entries.length > 1) {
          while (e == p.entry()) {
            e = entries[rnd.nextInt(entries.length)];
          }
        }
        out.add(ref(sampleId + "-img" + i, new Picture(p.group(), e, p.mask(), p.pattern()).path()));
      }
      return out;
    }
  }

  private Identity identityContent(long identity) {
    SplittableRandom rnd = new SplittableRandom(mix(seed, identity));
    int w = rnd.nextInt(100);
    int s = 0;
    while (w >= SOURCE_WEIGHTS[s]) {
      w -= SOURCE_WEIGHTS[s++];
    }
    SourceDataset source = SOURCES.get(s);
    int count = source == SourceDataset.MPX || source == SourceDataset.PMC_CASE_REPORT ? 1 + rnd.nextInt(3) : 1;
    Identity fresh = fresh(rnd, count);
    return new Identity(source, caption(rnd), fresh.pictures);
  }

  private Identity fresh(SplittableRandom rnd, int count) {
    SignaturePool p = pool();
    List<Picture> pictures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] groups = p.groupsBySource()[rnd.nextInt(p.groupsBySource().length)];
      int g = groups[rnd.nextInt(groups.length)];
      int[] entries = p.entriesOf(g);
      pictures.add(new Picture(g, entries[rnd.nextInt(entries.length)], mask(rnd), rnd.nextLong()));
    }
    return new Identity(null, null, pictures);
  }

  private long mask(SplittableRandom rnd) {
    long m = 0;
    while (Long.bitCount(m) < flipBits) {
      m |= 1L << rnd.nextInt(64);
    }
    return m;
  }

  private String caption(SplittableRandom rnd) {
    List<String> texts = pool().spliceTexts();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      String t = cut(texts.get(rnd.nextInt(texts.size())), 240);
      sb.append(sb.length() == 0 ? "" : " ").append(t.endsWith(".") ? t : t + ".");
    }
    return sb.toString();
  }

  private static String perturb(String caption, SplittableRandom rnd) {
    TextPerturbation[] kinds = TextPerturbation.values();
    Random r = new Random(rnd.nextLong());
    String t = kinds[r.nextInt(kinds.length)].apply(caption, r);
    return t != null ? t : TextPerturbation.PANEL_LABEL.apply(caption, r);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int space = text.lastIndexOf(' ', max);
    return text.substring(0, space > max / 2 ? space : max);
  }

  private static ImageRef ref(String imageId, String path) {
    return new ImageRef(imageId, ImageKind.IMAGE_2D, path, List.of(), List.of(3, 512, 512, 1), TextField.CAPTION,
        0, null, null, null, null, Ids.sha256Hex(path));
  }

  private static Sample sample(String id, SourceDataset source, String caseId, String caption,
      List<ImageRef> images) {
    return new Sample(id, source, caseId, SampleText.builder().caption(caption).build(), images, List.of(), null,
        List.of(), Licence.unknown("generated for the dedup scale benchmark"),
        new Provenance("bench/" + id, caseId, null, null, null, "ScaleCorpus"), Map.of(), Map.of());
  }

  /**
   * The thumbnail plus the pattern of {@code seed}: {@value #WAVES} plane waves of random direction, frequency
   * 1.5-5 cycles per frame and phase, scaled to the thumbnail's standard deviation (at least 16 grey levels),
   * then stretched to 0..255 as {@link ImageSignature} stores thumbnails.
   */
  static byte[] patterned(byte[] thumbnail, long seed) {
    int n = ImageSignature.THUMBNAIL;
    double[] v = new double[n * n];
    double mean = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = thumbnail[i] & 0xff;
      mean += v[i];
    }
    mean /= v.length;
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean);
    }
    double sd = Math.max(16, Math.sqrt(var / v.length));
    double[] field = new double[v.length];
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] cx = new double[n];
    double[] sx = new double[n];
    for (int w = 0; w < WAVES; w++) {
      double theta = rnd.nextDouble() * 2 * Math.PI;
      double f = 1.5 + 3.5 * rnd.nextDouble();
      double phase = rnd.nextDouble() * 2 * Math.PI;
      double kx = 2 * Math.PI * f * Math.cos(theta) / n;
      double ky = 2 * Math.PI * f * Math.sin(theta) / n;
      for (int x = 0; x < n; x++) {
        cx[x] = Math.cos(kx * x);
        sx[x] = Math.sin(kx * x);
      }
      for (int y = 0; y < n; y++) {
        double cy = Math.cos(ky * y + phase);
        double sy = Math.sin(ky * y + phase);
        for (int x = 0; x < n; x++) {
          field[y * n + x] += cx[x] * cy - sx[x] * sy;
        }
      }
    }
    double scale = sd / Math.sqrt(WAVES / 2.0);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      v[i] += field[i] * scale;
      lo = Math.min(lo, v[i]);
      hi = Math.max(hi, v[i]);
    }
    byte[] out = new byte[v.length];
    double k = hi > lo ? 255 / (hi - lo) : 0;
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) Math.round((v[i] - lo) * k);
    }
    return out;
  }

  /** SplitMix64 of {@code seed + index}: independent streams per index. */
  static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "ScaleCorpus[" + samples + " samples, " + originals + " identities, " + near + " near and " + exact
        + " exact duplicates planted, " + flipBits + " bits flipped, seed " + seed + "]";
  }
}
