package org.radmd.radfm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radmd.radfm.GenerationOptions;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.radfm.Prompt;
import org.radmd.radfm.RadfmBackend;
import org.radmd.radfm.data.ImageTensor;
import org.radmd.radfm.data.RadfmImageLoader;
import org.radmd.radfm.text.EncodedSample;
import org.radmd.radfm.text.PromptEncoder;
import org.radmd.radfm.text.RadfmTokenizer;

/**
 * {@link RadfmBackend} over a {@link RadfmModel} in DJL: prompts are encoded in RadFM's layout by
 * {@link PromptEncoder} (radfm-spec §1.7; image blocks at the markers' positions with RadFM's training placement),
 * images loaded by {@link RadfmImageLoader} ([3, H, W, D] in [0, 1]) and stacked per sample to a depth in
 * {4, ..., 64} (radfm-spec §3), then run in batches of {@code batchSize} prompts: generation with left padding
 * and a KV cache ({@link RadfmGenerator}), scoring by teacher forcing with right padding.
 *
 * <p>Thread safety: the model is shared read-only; concurrent {@link #generate} / {@link #score} calls from several
 * threads are safe (each call owns its intermediates; the tokenizer and encoder are thread-safe). They do not run
 * faster than one at a time once libtorch's own threads fill the cores. {@link #close()} must not overlap a call.
 * The device is the model's ({@link RadfmModel#defaultDevice()} when opened with {@link #open}).
 */
public final class DjlRadfmBackend implements RadfmBackend {
  private final RadfmModel model;
  private final RadfmTokenizer tokenizer;
  private final PromptEncoder encoder;
  private final RadfmImageLoader loader;
  private final RadfmGenerator generator;
  private final int batchSize;
  private final boolean ownsModel;

  /**
   * @param model the model (closed by {@link #close()} only when {@code ownsModel})
   * @param tokenizer RadFM's LLaMA tokenizer (closed by {@link #close()} only when {@code ownsModel})
   * @param imageSize H = W images are loaded at (RadFM: 512)
   * @param batchSize prompts per forward pass, at least 1
   */
  public DjlRadfmBackend(RadfmModel model, RadfmTokenizer tokenizer, int imageSize, int batchSize,
      boolean ownsModel) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
    this.model = Objects.requireNonNull(model, "model");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.encoder = new PromptEncoder(tokenizer,
        new ImageTokenLayout(tokenizer.maxImages(), ImageTokenLayout.Placement.RADFM_TRAINING),
        Math.min(PromptEncoder.RADFM_MAX_LENGTH, model.config().maxSequence()), false);
    this.loader = new RadfmImageLoader(imageSize);
    this.generator = new RadfmGenerator(model);
    this.batchSize = batchSize;
    this.ownsModel = ownsModel;
  }

  /**
   * Opens a model folder ({@link ModelFiles}) on the default device with 512-pixel images and batches of 4.
   *
   * @param tokenizerModel LLaMA {@code tokenizer.model} (e.g. shared/radfm/language_files/tokenizer.model)
   */
  public static DjlRadfmBackend open(Path modelDir, Path tokenizerModel) throws IOException {
    RadfmModel model = ModelFiles.load(modelDir);
    try {
      return new DjlRadfmBackend(model, RadfmTokenizer.load(tokenizerModel), 512, 4, true);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** File name of the tokenizer inside a model folder ({@code radmd train} copies it there). */
  public static final String TOKENIZER_FILE = "tokenizer.model";

  /**
   * Opens a model folder with its tokenizer: {@code DIR/tokenizer.model}, else {@code $RADMD_TOKENIZER}, else
   * {@code radfm/language_files/tokenizer.model} under {@code -Dradmd.shared}, beside the checkout
   * ({@code -Dradmd.home}/../shared) or {@code ../shared} from the working directory. Used by {@code radmd ask},
   * {@code radmd eval} and {@code radmd serve}.
   *
   * @throws IOException if the model or no tokenizer can be read
   */
  public static DjlRadfmBackend load(Path modelDir) throws IOException {
    return open(modelDir, findTokenizer(modelDir));
  }

  /** The tokenizer {@link #load} would use for {@code modelDir} (see there for the search order). */
  public static Path findTokenizerFor(Path modelDir) throws IOException {
    return findTokenizer(modelDir);
  }

  static Path findTokenizer(Path modelDir) throws IOException {
    List<Path> candidates = new ArrayList<>();
    candidates.add(modelDir.resolve(TOKENIZER_FILE));
    String env = System.getenv("RADMD_TOKENIZER");
    if (env != null) {
      candidates.add(Path.of(env));
    }
    String rel = "radfm/language_files/tokenizer.model";
    String shared = System.getProperty("radmd.shared");
    if (shared != null && !shared.isBlank()) {
      candidates.add(Path.of(shared).resolve(rel));
    }
    String home = System.getProperty("radmd.home");
    if (home != null) {
      Path parent = Path.of(home).toAbsolutePath().getParent();
      if (parent != null) {
        candidates.add(parent.resolve("shared").resolve(rel));
      }
    }
    candidates.add(Path.of("..", "shared").resolve(rel));
    for (Path c : candidates) {
      if (java.nio.file.Files.isRegularFile(c)) {
        return c;
      }
    }
    throw new IOException("no RadFM tokenizer.model found; looked at " + candidates
        + " (set RADMD_TOKENIZER or put tokenizer.model in the model folder)");
  }

  public RadfmModel model() {
    return model;
  }

  @Override
  public List<String> generate(List<Prompt> prompts, GenerationOptions options) {
    List<String> out = new ArrayList<>();
    for (int from = 0; from < prompts.size(); from += batchSize) {
      List<Prompt> chunk = prompts.subList(from, Math.min(prompts.size(), from + batchSize));
      List<long[]> ids = new ArrayList<>();
      for (Prompt p : chunk) {
        ids.add(toLong(encoder.encodeQuestion(p)));
      }
      try (NDScope scope = new NDScope()) {
        List<long[]> gen = generator.generate(new ModelBatch(ids, null, images(chunk)), options);
        for (long[] g : gen) {
          int[] ints = new int[g.length];
          for (int i = 0; i < g.length; i++) {
            ints[i] = (int) g[i];
          }
          out.add(tokenizer.decode(ints).strip());
        }
        scope.suppressNotUsedWarning();
      }
    }
    return out;
  }

  @Override
  public double[] score(List<Prompt> prompts) {
    double[] out = new double[prompts.size()];
    for (int from = 0; from < prompts.size(); from += batchSize) {
      List<Prompt> chunk = prompts.subList(from, Math.min(prompts.size(), from + batchSize));
      List<long[]> ids = new ArrayList<>();
      List<long[]> labels = new ArrayList<>();
      for (Prompt p : chunk) {
        EncodedSample s = encoder.encode(p);
        if (s.labelledTokens() == 0) {
          throw new IllegalArgumentException("prompt has no answer token to score (truncated or empty answer)");
        }
        ids.add(toLong(s.inputIds()));
        labels.add(toLong(s.labels()));
      }
      try (NDScope scope = new NDScope()) {
        double[] s = generator.score(new ModelBatch(ids, labels, images(chunk)));
        System.arraycopy(s, 0, out, from, s.length);
        scope.suppressNotUsedWarning();
      }
    }
    return out;
  }

  /**
   * Closed-question answering by scoring: the probability of each candidate answer (e.g. each modality label) as a
   * softmax over their length-normalised log-likelihoods ({@link #score}: mean log-likelihood per answer token),
   * so candidates of different token lengths compete fairly. All candidates are scored in one call (batched).
   *
   * @param question question with its images; its answer, if any, is ignored
   * @param options candidate answers, at least one
   * @return probabilities in option order, summing to 1
   */
  public double[] optionProbabilities(Prompt question, List<String> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("no options to score");
    }
    List<Prompt> prompts = new ArrayList<>();
    for (String o : options) {
      prompts.add(new Prompt(question.question(), question.images(), o));
    }
    double[] s = score(prompts);
    double max = java.util.Arrays.stream(s).max().orElseThrow();
    double total = 0;
    double[] p = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      p[i] = Math.exp(s[i] - max);
      total += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= total;
    }
    return p;
  }

  /** Per prompt, its images stacked to [S, 3, size, size, D] (null without images). */
  private List<NDArray> images(List<Prompt> prompts) {
    List<NDArray> out = new ArrayList<>();
    for (Prompt p : prompts) {
      List<Path> files = p.images();
      int m = Math.min(files.size(), tokenizer.maxImages());
      if (m == 0) {
        out.add(null);
        continue;
      }
      List<ImageVolume> vols = new ArrayList<>();
      int maxDepth = 1;
      for (Path f : files.subList(0, m)) {
        ImageTensor t;
        try {
          t = loader.load(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        vols.add(new ImageVolume(t.data(), t.channels(), t.height(), t.width(), t.depth()));
        maxDepth = Math.max(maxDepth, t.depth());
      }
      out.add(ImageVolume.stack(model.manager(), vols, loader.size(), ImageVolume.targetDepth(maxDepth)));
    }
    return out;
  }

  static long[] toLong(int[] a) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i];
    }
    return r;
  }

  @Override
  public void close() {
    if (ownsModel) {
      model.close();
      tokenizer.close();
    }
  }
}
