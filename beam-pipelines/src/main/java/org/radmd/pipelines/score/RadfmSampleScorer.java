package org.radmd.pipelines.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.TextField;
import org.radmd.filters.score.SampleScorer;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.model.DjlRadfmBackend;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmModel;
import org.radmd.radfm.text.RadfmTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RadFM {@link SampleScorer}: a RadFM-architecture model from radmd-radfm-model, run through DJL on the GPU
 * when libtorch sees one, else on the CPU ({@link RadfmModel#defaultDevice()}), scores each sample with
 * {@link RadfmBackend#score} (mean natural-log likelihood per answer token, teacher forcing, radfm-spec §1.7):
 * <ul>
 *   <li>{@value SampleScorer#IMAGE_TEXT_LOGLIK}: image-text consistency, the mean token log-likelihood of the
 *       sample's main text ({@link #mainText}: caption, else findings + impression, else the VQA answer; cut to
 *       {@value #MAX_TEXT_CHARS} characters at a word boundary) as the answer to
 *       {@code <image>...<image>} {@value #TEXT_QUESTION}, one marker per image in sample order (at most
 *       {@value #MAX_IMAGES}). Nats per token, &lt;= 0.
 *   <li>{@value #MODALITY_ANSWER}: the model's answer to {@code <image>}{@value #MODALITY_QUESTION} about the
 *       sample's first image (the question of the exported per-image modality task; one image keeps the
 *       {@code MODALITY_OPTIONS.size()} option prompts cheap, as each loads its images), as the index into
 *       {@link #MODALITY_OPTIONS}: every option is scored as a closed
 *       answer and the highest mean log-likelihood wins (length-normalised, as
 *       {@link DjlRadfmBackend#optionProbabilities}). {@link #modalityAnswer(Map)} gives its name.
 *   <li>{@value SampleScorer#MODALITY_ANSWER_RADIOLOGY}: 1 when that answer is a radiology modality, else 0.
 *   <li>{@value #MODALITY_AGREES}: 1 when the answer names one of the sample's known modalities (sample or image
 *       modalities; X-ray covers CR, DX and XR), else 0; absent when the sample has none.
 * </ul>
 * A sample without a readable image (none, or a stored file missing) or whose prompt the model cannot take gets an
 * empty map (the {@code model-scores} rule then keeps it).
 *
 * <p>Configuration ({@code model-scores.params} of the filter file, handed over by
 * {@link org.radmd.filters.score.ScorerFactory}): {@code model} (required: a folder written by {@code radmd train},
 * with {@code model.safetensors}), {@code tokenizer} (optional; else {@link DjlRadfmBackend#findTokenizerFor}),
 * {@code imageSize} (H = W, default 512 as RadFM), {@code modelBatchSize} (prompts per forward pass, default 4),
 * {@code cache} (score cache folder, default {@code <outputRoot>/.radmd/scores}), {@code progressEvery} (log a
 * progress line every that many samples, default 100).
 *
 * <p>Batching and sharing: all prompts of a {@link #score} batch (1 + {@code MODALITY_OPTIONS.size()} per sample)
 * go to the backend in one call, which runs them {@code modelBatchSize} at a time. One backend and one cache per
 * (model, settings) are shared by all scorers of a JVM (reference-counted; the last {@link #close()} frees the
 * model), so every DoFn instance of a Beam worker uses the same weights; backend calls are serialised.
 *
 * <p>Resume: scores are cached on disk by model ({@code <cache>/<modelId>.jsonl}, model id = SHA-256 of
 * {@code model.safetensors}) and by {@link #cacheKey}, so a rerun after an interruption only scores what is
 * missing. Thread-safe.
 */
public final class RadfmSampleScorer implements SampleScorer {
  private static final Logger LOG = LoggerFactory.getLogger(RadfmSampleScorer.class);

  /** Score name: index into {@link #MODALITY_OPTIONS} of the model's modality answer. */
  public static final String MODALITY_ANSWER = "radfm_modality";
  /** Score name: 1 when the modality answer agrees with the sample's modality, else 0. */
  public static final String MODALITY_AGREES = "radfm_modality_agrees";
  /** Question whose answer is the sample's text. */
  public static final String TEXT_QUESTION = "Describe this image.";
  /** The modality question (as the exported modality task asks it). */
  public static final String MODALITY_QUESTION = "What imaging modality was used?";
  /** Longest text scored, in characters (RadFM's context is 2048 tokens, shared with the image tokens). */
  public static final int MAX_TEXT_CHARS = 1200;
  /** Most images put in one prompt. */
  public static final int MAX_IMAGES = 10;
  /** Changes whenever prompts or options change, so old cache entries are not reused. */
  static final String SCORER_VERSION = "radfm-scorer-1";

  /**
   * One closed answer to the modality question.
   *
   * @param answer the answer text (the names the exported modality task uses)
   * @param modalities the modalities it names; empty for a non-radiology answer
   */
  public record Option(String answer, Set<Modality> modalities) {
    /** Whether this answer names a radiology modality. */
    public boolean radiology() {
      return !modalities.isEmpty();
    }
  }

  /**
   * The modality options, in index order: the nine radiology answers of the exported modality task (CT, MRI, X-ray,
   * Ultrasound, Mammography, PET, Nuclear medicine, DSA (angiography), Fluoroscopy) and two non-radiology ones
   * (Photograph, Microscopy) so that a clinical photo or a histology slide can be named as such.
   */
  public static final List<Option> MODALITY_OPTIONS = List.of(
      new Option("CT", Set.of(Modality.CT)),
      new Option("MRI", Set.of(Modality.MR)),
      new Option("X-ray", Set.of(Modality.CR, Modality.DX, Modality.XR)),
      new Option("Ultrasound", Set.of(Modality.US)),
      new Option("Mammography", Set.of(Modality.MG)),
      new Option("PET", Set.of(Modality.PT)),
      new Option("Nuclear medicine", Set.of(Modality.NM)),
      new Option("DSA (angiography)", Set.of(Modality.XA)),
      new Option("Fluoroscopy", Set.of(Modality.RF)),
      new Option("Photograph", Set.of()),
      new Option("Microscopy", Set.of()));

  private static final Map<String, Shared> POOL = new HashMap<>();

  /** One backend + cache shared within the JVM. */
  private static final class Shared {
    final String poolKey;
    final RadfmBackend backend;
    final String modelId;
    final ScoreCache cache;
    final boolean ownsBackend;
    final int progressEvery;
    final AtomicLong computed = new AtomicLong();
    final AtomicLong cached = new AtomicLong();
    final long startNanos = System.nanoTime();
    int refs;

    Shared(String poolKey, RadfmBackend backend, String modelId, ScoreCache cache, boolean ownsBackend,
        int progressEvery) {
      this.poolKey = poolKey;
      this.backend = backend;
      this.modelId = modelId;
      this.cache = cache;
      this.ownsBackend = ownsBackend;
      this.progressEvery = progressEvery;
    }
  }

  private Shared shared;
  private Path imageRoot;
  private boolean closed;

  /** For {@link org.radmd.filters.score.ScorerFactory}; {@link #configure} must follow. */
  public RadfmSampleScorer() {
  }

  /**
   * A scorer over a given backend (not shared, not closed by {@link #close()}), e.g. a wrapped one in tests.
   *
   * @param backend the model
   * @param modelId model identity for the cache (e.g. {@link #modelId(Path)})
   * @param cacheDir score cache folder, or null for none
   * @param imageRoot folder relative image paths are resolved against (the build output root)
   */
  public RadfmSampleScorer(RadfmBackend backend, String modelId, Path cacheDir, Path imageRoot) {
    this.shared = new Shared(null, backend, modelId, cacheDir == null ? null : new ScoreCache(cacheDir, modelId),
        false, 100);
    this.shared.refs = 1;
    this.imageRoot = imageRoot;
  }

  @Override
  public void configure(Map<String, String> params) {
    if (shared != null) {
      throw new IllegalStateException("scorer already configured");
    }
    String model = params.get("model");
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model-scores.params.model must name a RadFM model folder (radmd train)");
    }
    Path modelDir = Path.of(model).toAbsolutePath().normalize();
    if (!Files.isRegularFile(modelDir.resolve("model.safetensors"))) {
      throw new IllegalArgumentException("no model.safetensors in " + modelDir);
    }
    String root = params.get("outputRoot");
    this.imageRoot = root == null ? null : Path.of(root);
    String cache = params.get("cache");
    Path cacheDir = cache != null ? Path.of(cache) : root != null ? Path.of(root, ".radmd", "scores") : null;
    int imageSize = intParam(params, "imageSize", 512);
    int batch = intParam(params, "modelBatchSize", 4);
    int every = intParam(params, "progressEvery", 100);
    String tokenizer = params.get("tokenizer");
    String key = modelDir + "|" + tokenizer + "|" + imageSize + "|" + batch + "|"
        + (cacheDir == null ? "" : cacheDir.toAbsolutePath().normalize());
    synchronized (POOL) {
      Shared s = POOL.get(key);
      if (s == null) {
        s = open(key, modelDir, tokenizer, imageSize, batch, cacheDir, every);
        POOL.put(key, s);
      }
      s.refs++;
      this.shared = s;
    }
  }

  private static Shared open(String key, Path modelDir, String tokenizer, int imageSize, int batch, Path cacheDir,
      int every) {
    try {
      String id = modelId(modelDir);
      Path tok = tokenizer != null ? Path.of(tokenizer) : DjlRadfmBackend.findTokenizerFor(modelDir);
      RadfmModel m = ModelFiles.load(modelDir);
      DjlRadfmBackend backend;
      try {
        backend = new DjlRadfmBackend(m, RadfmTokenizer.load(tok), imageSize, batch, true);
      } catch (IOException | RuntimeException e) {
        m.close();
        throw e;
      }
      ScoreCache c = cacheDir == null ? null : new ScoreCache(cacheDir, id);
      LOG.info("RadFM scorer: model {} (id {}) on {}, {} cached scores{}", modelDir, id.substring(0, 12),
          m.manager().getDevice(), c == null ? 0 : c.size(), c == null ? " (no cache)" : " in " + c.file());
      return new Shared(key, backend, id, c, true, every);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load RadFM model " + modelDir, e);
    }
  }

  private static int intParam(Map<String, String> p, String name, int dflt) {
    String v = p.get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int i = (int) Double.parseDouble(v);
      if (i < 1) {
        throw new IllegalArgumentException(name + " must be >= 1: " + v);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + v, e);
    }
  }

  /**
   * The model's identity: SHA-256 (hex) of {@code modelDir/model.safetensors}.
   *
   * @throws IOException if the file cannot be read
   */
  public static String modelId(Path modelDir) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(modelDir.resolve("model.safetensors"))) {
      byte[] buf = new byte[1 << 20];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String name() {
    return "radfm";
  }

  /** The modality answer's name, from scores holding {@value #MODALITY_ANSWER}. */
  public static Optional<String> modalityAnswer(Map<String, Double> scores) {
    Double v = scores.get(MODALITY_ANSWER);
    return v == null ? Optional.empty() : Optional.of(MODALITY_OPTIONS.get(v.intValue()).answer());
  }

  /**
   * The text scored for {@code s}: its caption, else findings and impression, else the VQA answer; whitespace
   * collapsed and cut to {@value #MAX_TEXT_CHARS} characters at the last space before. Empty when none.
   */
  public static String mainText(Sample s) {
    String t = s.text().get(TextField.CAPTION);
    if (blank(t)) {
      String f = s.text().get(TextField.FINDINGS);
      String i = s.text().get(TextField.IMPRESSION);
      t = ((blank(f) ? "" : f.strip()) + " " + (blank(i) ? "" : i.strip())).strip();
    }
    if (blank(t)) {
      t = s.text().get(TextField.ANSWER);
    }
    if (blank(t)) {
      return "";
    }
    t = t.replaceAll("\\s+", " ").strip();
    if (t.length() > MAX_TEXT_CHARS) {
      int cut = t.lastIndexOf(' ', MAX_TEXT_CHARS);
      t = t.substring(0, cut > MAX_TEXT_CHARS / 2 ? cut : MAX_TEXT_CHARS);
    }
    return t;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The cache key of {@code s}: SHA-256 over the scorer version, sample id, scored text and each image's pixel hash
   * (its path when not yet hashed).
   */
  public static String cacheKey(Sample s) {
    MessageDigest md = sha256();
    md.update((SCORER_VERSION + "\0" + s.id() + "\0" + mainText(s)).getBytes(StandardCharsets.UTF_8));
    for (ImageRef r : s.images()) {
      md.update(("\0" + (r.pixelHash() != null ? r.pixelHash() : r.path())).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The scorable parts of a sample, or null when it has no readable image or no text. */
  private List<Path> images(Sample s) {
    List<Path> out = new ArrayList<>();
    for (ImageRef r : s.images()) {
      if (out.size() == MAX_IMAGES) {
        break;
      }
      Path p = Path.of(r.path());
      if (!p.isAbsolute() && imageRoot != null) {
        p = imageRoot.resolve(p);
      }
      if (!Files.isRegularFile(p)) {
        return null;
      }
      out.add(p);
    }
    return out.isEmpty() ? null : out;
  }

  @Override
  public List<Map<String, Double>> score(List<Sample> batch) {
    Shared sh;
    synchronized (this) {
      if (closed || shared == null) {
        throw new IllegalStateException(closed ? "scorer closed" : "scorer not configured");
      }
      sh = shared;
    }
    List<Map<String, Double>> out = new ArrayList<>();
    List<Integer> todo = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<List<Prompt>> prompts = new ArrayList<>();
    long hits = 0;
    for (int i = 0; i < batch.size(); i++) {
      Sample s = batch.get(i);
      out.add(Map.of());
      List<Path> imgs = images(s);
      String text = mainText(s);
      if (imgs == null || text.isEmpty()) {
        continue;
      }
      String key = cacheKey(s);
      Optional<Map<String, Double>> hit = sh.cache == null ? Optional.empty() : sh.cache.get(key);
      if (hit.isPresent()) {
        out.set(i, hit.get());
        hits++;
        continue;
      }
      String markers = Prompt.IMAGE_MARKER.repeat(imgs.size());
      List<Prompt> p = new ArrayList<>();
      p.add(new Prompt(markers + TEXT_QUESTION, imgs, text));
      for (Option o : MODALITY_OPTIONS) {
        p.add(new Prompt(Prompt.IMAGE_MARKER + MODALITY_QUESTION, imgs.subList(0, 1), o.answer()));
      }
      todo.add(i);
      keys.add(key);
      prompts.add(p);
    }
    if (!todo.isEmpty()) {
      List<double[]> raw = run(sh, prompts);
      List<String> ids = new ArrayList<>();
      List<Map<String, Double>> scored = new ArrayList<>();
      for (int k = 0; k < todo.size(); k++) {
        Sample s = batch.get(todo.get(k));
        Map<String, Double> m = raw.get(k) == null ? Map.of() : scores(s, raw.get(k));
        out.set(todo.get(k), m);
        ids.add(s.id());
        scored.add(m);
      }
      if (sh.cache != null) {
        sh.cache.putAll(keys, ids, scored);
      }
    }
    progress(sh, todo.size(), hits);
    return out;
  }

  /** Scores all prompts in one backend call; when that fails, sample by sample (a failing sample gets null). */
  private static List<double[]> run(Shared sh, List<List<Prompt>> prompts) {
    List<Prompt> all = new ArrayList<>();
    prompts.forEach(all::addAll);
    List<double[]> out = new ArrayList<>();
    synchronized (sh) {
      try {
        double[] s = sh.backend.score(all);
        int at = 0;
        for (List<Prompt> p : prompts) {
          out.add(java.util.Arrays.copyOfRange(s, at, at + p.size()));
          at += p.size();
        }
        return out;
      } catch (IllegalArgumentException | UncheckedIOException e) {
        LOG.debug("batch scoring failed, scoring one by one: {}", e.toString());
      }
      for (List<Prompt> p : prompts) {
        try {
          out.add(sh.backend.score(p));
        } catch (IllegalArgumentException | UncheckedIOException e) {
          LOG.warn("RadFM scorer: cannot score a sample: {}", e.getMessage());
          out.add(null);
        }
      }
    }
    return out;
  }

  private static Map<String, Double> scores(Sample s, double[] r) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(IMAGE_TEXT_LOGLIK, r[0]);
    int best = 0;
    for (int k = 1; k < MODALITY_OPTIONS.size(); k++) {
      if (r[1 + k] > r[1 + best]) {
        best = k;
      }
    }
    Option answer = MODALITY_OPTIONS.get(best);
    m.put(MODALITY_ANSWER, (double) best);
    m.put(MODALITY_ANSWER_RADIOLOGY, answer.radiology() ? 1.0 : 0.0);
    Set<Modality> known = EnumSet.noneOf(Modality.class);
    known.addAll(s.modalities());
    s.images().forEach(i -> {
      if (i.modality() != null) {
        known.add(i.modality());
      }
    });
    if (!known.isEmpty()) {
      m.put(MODALITY_AGREES, answer.modalities().stream().anyMatch(known::contains) ? 1.0 : 0.0);
    }
    return m;
  }

  private static void progress(Shared sh, long computed, long hits) {
    long before = sh.computed.get() + sh.cached.get();
    long c = sh.computed.addAndGet(computed);
    long h = sh.cached.addAndGet(hits);
    long total = c + h;
    if (total / sh.progressEvery > before / sh.progressEvery) {
      double secs = Math.max(1e-9, (System.nanoTime() - sh.startNanos) / 1e9);
      LOG.info("RadFM scorer: {} samples ({} scored, {} from cache), {} scored samples/s", total, c, h,
          String.format(java.util.Locale.ROOT, "%.2f", c / secs));
    }
  }

  /** Samples scored by the model (not from the cache) by this scorer's shared backend so far. */
  public long computedCount() {
    return shared == null ? 0 : shared.computed.get();
  }

  /** Samples answered from the cache so far. */
  public long cachedCount() {
    return shared == null ? 0 : shared.cached.get();
  }

  @Override
  public void close() {
    Shared sh;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      sh = shared;
    }
    if (sh == null) {
      return;
    }
    synchronized (POOL) {
      if (--sh.refs > 0) {
        return;
      }
      if (sh.poolKey != null) {
        POOL.remove(sh.poolKey);
      }
    }
    if (sh.cache != null) {
      sh.cache.close();
    }
    if (sh.ownsBackend) {
      sh.backend.close();
    }
  }
}
