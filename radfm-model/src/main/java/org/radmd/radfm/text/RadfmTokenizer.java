package org.radmd.radfm.text;

import ai.djl.sentencepiece.SpProcessor;
import ai.djl.sentencepiece.SpTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.radmd.radfm.ImageTokenLayout;

/**
 * RadFM's text tokenizer: the LLaMA SentencePiece model (32,000 pieces, from RadFM's
 * {@code Language_files/tokenizer.model}) plus RadFM's added special tokens (radfm-spec §1.7):
 * {@code <image>} = 32000, {@code </image>} = 32001 and {@code <imageK>} = 32002 + K for K in [0, 32 M).
 * Pad = 0 (LLaMA's {@code <unk>}), BOS = 1, EOS = 2, as RadFM's code forces them.
 *
 * <p>Encoding follows the slow HuggingFace {@code LlamaTokenizer} of transformers 4.28 that RadFM trained with:
 * the text is split at added special tokens; whitespace next to a special token is stripped (added tokens given
 * as plain strings strip both sides); each remaining non-empty text chunk is encoded by SentencePiece on its own
 * (so each chunk gets SentencePiece's dummy-prefix {@code ▁}). {@link #encode(String)} recognizes the special
 * strings in text; {@link #encode(List)} takes text and special ids already separated, so that user text
 * containing {@code <image3>} cannot forge image tokens.
 *
 * <p>Native resource: the SentencePiece processor (DJL {@code ai.djl.sentencepiece}, JNI) is freed by
 * {@link #close()}. Encoding and decoding are thread-safe (SentencePiece's encode and decode are const);
 * {@link #close()} must not race them.
 */
public final class RadfmTokenizer implements AutoCloseable {
  /** Size of the LLaMA SentencePiece vocabulary; ids from here on are RadFM's added tokens. */
  public static final int LLAMA_VOCAB_SIZE = 32000;
  /** Padding id (LLaMA's {@code <unk>}), as RadFM sets {@code pad_token_id = 0}. */
  public static final int PAD_ID = 0;
  /** Beginning-of-sequence id. */
  public static final int BOS_ID = 1;
  /** End-of-sequence id. */
  public static final int EOS_ID = 2;
  /** Path of the tokenizer model under the shared folder: {@code radfm/language_files/tokenizer.model}. */
  public static final String SHARED_MODEL_PATH = "radfm/language_files/tokenizer.model";

  private static final String IMAGE_START = "<image>";
  private static final String IMAGE_END = "</image>";

  private final SpTokenizer sp;
  private final SpProcessor processor;
  private final int maxImages;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RadfmTokenizer(SpTokenizer sp, int maxImages) {
    this.sp = sp;
    this.processor = sp.getProcessor();
    this.maxImages = maxImages;
  }

  /**
   * Loads the SentencePiece model with RadFM's training vocabulary (M = 100 images, 3,202 added tokens).
   *
   * @throws IOException if the file cannot be read or is not a SentencePiece model with 32,000 pieces
   */
  public static RadfmTokenizer load(Path model) throws IOException {
    return load(model, ImageTokenLayout.TRAIN_MAX_IMAGES);
  }

  /**
   * Loads the SentencePiece model with {@code 2 + 32 * maxImages} added tokens.
   *
   * @param model a LLaMA {@code tokenizer.model}
   * @param maxImages M, the most images per sample (RadFM: 100 for training, 10 for its test script)
   * @throws IOException if the file cannot be read or is not a SentencePiece model with 32,000 pieces
   * @throws IllegalArgumentException if {@code maxImages < 1}
   */
  public static RadfmTokenizer load(Path model, int maxImages) throws IOException {
    if (maxImages < 1) {
      throw new IllegalArgumentException("maxImages must be >= 1: " + maxImages);
    }
    if (!Files.isRegularFile(model)) {
      throw new IOException("tokenizer model not found: " + model);
    }
    SpTokenizer sp;
    try {
      sp = new SpTokenizer(Files.readAllBytes(model));
    } catch (RuntimeException e) {
      throw new IOException(model + ": not a SentencePiece model (" + e.getMessage() + ")", e);
    }
    RadfmTokenizer t = new RadfmTokenizer(sp, maxImages);
    String last = t.processor.getToken(LLAMA_VOCAB_SIZE - 1);
    int bos = t.processor.getId("<s>");
    int eos = t.processor.getId("</s>");
    if (last == null || last.isEmpty() || bos != BOS_ID || eos != EOS_ID) {
      t.close();
      throw new IOException(model + ": not a LLaMA SentencePiece model (expected 32,000 pieces, <s>=1, </s>=2)");
    }
    return t;
  }

  /** M, the most images whose latent tokens this tokenizer knows. */
  public int maxImages() {
    return maxImages;
  }

  /** Full vocabulary size: 32,000 + 2 + 32 M (35,202 for M = 100). */
  public int vocabularySize() {
    return LLAMA_VOCAB_SIZE + 2 + ImageTokenLayout.TOKENS_PER_IMAGE * maxImages;
  }

  /** True for pad, BOS, EOS and every added token (id &gt;= 32000). */
  public static boolean isSpecial(int id) {
    return id == PAD_ID || id == BOS_ID || id == EOS_ID || id >= LLAMA_VOCAB_SIZE;
  }

  /**
   * Token ids of {@code text} without BOS, recognizing RadFM's added token strings ({@code <image>},
   * {@code </image>}, {@code <imageK>} for K &lt; 32 M, K written without leading zeros) as single tokens.
   */
  public int[] encode(String text) {
    return encode(split(text));
  }

  /** {@link #encode(String)} with BOS (id 1) first, as {@code tokenizer(text)} in RadFM. */
  public int[] encodeWithBos(String text) {
    int[] ids = encode(text);
    int[] out = new int[ids.length + 1];
    out[0] = BOS_ID;
    System.arraycopy(ids, 0, out, 1, ids.length);
    return out;
  }

  /**
   * Token ids of parts, without BOS. Adjacent {@link TextPart.Text} parts are joined first; text next to a
   * {@link TextPart.Special} loses its whitespace on that side (Python {@code str.strip} semantics); empty text
   * is dropped; each text chunk is encoded by SentencePiece separately.
   *
   * @throws IllegalArgumentException if a special id is outside [32000, {@link #vocabularySize()})
   */
  public int[] encode(List<TextPart> parts) {
    List<TextPart> merged = new ArrayList<>();
    for (TextPart p : parts) {
      if (p instanceof TextPart.Text t && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof TextPart.Text prev) {
        merged.set(merged.size() - 1, new TextPart.Text(prev.text() + t.text()));
      } else {
        merged.add(p);
      }
    }
    IntList out = new IntList();
    for (int i = 0; i < merged.size(); i++) {
      if (merged.get(i) instanceof TextPart.Special s) {
        for (int k = 0; k < s.length(); k++) {
          int id = s.id(k);
          if (id < LLAMA_VOCAB_SIZE || id >= vocabularySize()) {
            throw new IllegalArgumentException("not an added token id: " + id);
          }
          out.add(id);
        }
        continue;
      }
      String text = ((TextPart.Text) merged.get(i)).text();
      if (i > 0) {
        text = stripLeading(text);
      }
      if (i < merged.size() - 1) {
        text = stripTrailing(text);
      }
      if (!text.isEmpty()) {
        out.addAll(processor.encode(text));
      }
    }
    return out.toArray();
  }

  /** The SentencePiece ids of {@code text} alone (no BOS, no special-token recognition, dummy prefix added). */
  public int[] encodePlain(String text) {
    return text.isEmpty() ? new int[0] : processor.encode(text);
  }

  /**
   * Text of ids, skipping pad, BOS, EOS and every added token (as {@code decode(ids,
   * skip_special_tokens=True)}); HuggingFace's optional {@code clean_up_tokenization_spaces} is not applied.
   *
   * @throws IllegalArgumentException if an id is negative
   */
  public String decode(int[] ids) {
    IntList keep = new IntList();
    for (int id : ids) {
      if (id < 0) {
        throw new IllegalArgumentException("negative token id: " + id);
      }
      if (!isSpecial(id)) {
        keep.add(id);
      }
    }
    return keep.size() == 0 ? "" : processor.decode(keep.toArray());
  }

  /** The piece of an id: SentencePiece's piece below 32,000, RadFM's token string above. */
  public String piece(int id) {
    if (id < 0 || id >= vocabularySize()) {
      throw new IllegalArgumentException("id outside the vocabulary: " + id);
    }
    if (id == ImageTokenLayout.IMAGE_START_ID) {
      return IMAGE_START;
    }
    if (id == ImageTokenLayout.IMAGE_END_ID) {
      return IMAGE_END;
    }
    if (id >= ImageTokenLayout.FIRST_LATENT_ID) {
      return "<image" + (id - ImageTokenLayout.FIRST_LATENT_ID) + ">";
    }
    return processor.getToken(id);
  }

  /** Frees the native SentencePiece processor. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      sp.close();
    }
  }

  /** Splits text at RadFM's added token strings. */
  List<TextPart> split(String text) {
    List<TextPart> parts = new ArrayList<>();
    int start = 0;
    int i = text.indexOf('<');
    while (i >= 0) {
      int[] match = specialAt(text, i);
      if (match != null) {
        if (i > start) {
          parts.add(new TextPart.Text(text.substring(start, i)));
        }
        parts.add(new TextPart.Special(new int[] {match[0]}));
        start = i + match[1];
        i = text.indexOf('<', start);
      } else {
        i = text.indexOf('<', i + 1);
      }
    }
    if (start < text.length()) {
      parts.add(new TextPart.Text(text.substring(start)));
    }
    return parts;
  }

  /** {id, length} of the added token starting at {@code i}, or null. */
  private int[] specialAt(String text, int i) {
    if (text.startsWith(IMAGE_START, i)) {
      return new int[] {ImageTokenLayout.IMAGE_START_ID, IMAGE_START.length()};
    }
    if (text.startsWith(IMAGE_END, i)) {
      return new int[] {ImageTokenLayout.IMAGE_END_ID, IMAGE_END.length()};
    }
    if (!text.startsWith("<image", i)) {
      return null;
    }
    int j = i + "<image".length();
    int digits = j;
    while (digits < text.length() && digits - j < 9 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == j || digits >= text.length() || text.charAt(digits) != '>') {
      return null;
    }
    if (text.charAt(j) == '0' && digits - j > 1) {
      return null; // "<image01>" is not one of the added strings
    }
    int k = Integer.parseInt(text.substring(j, digits));
    if (k >= ImageTokenLayout.TOKENS_PER_IMAGE * maxImages) {
      return null;
    }
    return new int[] {ImageTokenLayout.FIRST_LATENT_ID + k, digits + 1 - i};
  }

  /** Python {@code str.isspace} for one char: Java whitespace or a Unicode space separator. */
  static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
  }

  static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && isPythonSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  static String stripTrailing(String s) {
    int i = s.length();
    while (i > 0 && isPythonSpace(s.charAt(i - 1))) {
      i--;
    }
    return s.substring(0, i);
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a = new int[64];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    void addAll(int[] vs) {
      for (int v : vs) {
        add(v);
      }
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
