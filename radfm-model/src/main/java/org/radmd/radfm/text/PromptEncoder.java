package org.radmd.radfm.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.radfm.Prompt;

/**
 * Turns a question (with one literal {@code <image>} marker per image, as in the unified instruction JSONL) and an
 * answer into RadFM's token layout: {@code multi_dataset.__getitem__} and {@code text_add_image} of RadFM's
 * training code (radfm-spec §1.7).
 *
 * <ol>
 *   <li>The markers are removed; image k's position is the index of its marker in the text without markers.
 *   <li>Image blocks ({@code <image>}, 32 latent tokens, {@code </image>}) go in at the
 *       {@link ImageTokenLayout#insertionIndex insertion index} of their positions; images beyond M are left out.
 *   <li>'•' is removed from the answer (RadFM strips bullets from the answer only).
 *   <li>question + ' ' + answer is tokenized with BOS ({@link RadfmTokenizer}), truncated to the maximum length
 *       (2048), and padded on the right with pad = 0 (when padding is on).
 *   <li>EOS (2) is written at index {@code textLength}, the first pad slot, without setting its attention mask
 *       (RadFM's quirk, kept: the EOS <em>label</em> at that index is predicted from the last attended position,
 *       so the model still learns to stop; only the EOS input itself is masked, and its own prediction is
 *       ignored). A sequence that fills the maximum length gets no EOS, as in RadFM.
 *   <li>labels = ids, with -100 for pad (id 0), for ids &gt;= 32000 and for the first L positions, L = the token
 *       count of the question alone with BOS (capped at the maximum length).
 * </ol>
 *
 * <p>Deliberate differences from RadFM: image blocks are inserted as token ids, never re-parsed from text, so
 * a question that literally contains {@code <image3>} cannot forge image tokens (its text is tokenized as plain
 * text; RadFM would read it as a latent token); an empty question with an image at position 0 works (RadFM raises
 * IndexError). Whitespace next to an image block is stripped and each text chunk gets SentencePiece's dummy
 * prefix, exactly as RadFM's tokenizer does with the block strings.
 *
 * <p>Placement: radmd's default for training <em>and</em> inference is {@link ImageTokenLayout.Placement#RADFM_TRAINING}
 * (block before character max(p - 1, 0)), the layout RadFM's weights were trained on, so that a model trained by
 * radmd sees one layout in training, evaluation and serving. {@link ImageTokenLayout.Placement#AT_POSITION}
 * reproduces RadFM's Quick_demo. Immutable and thread-safe (the tokenizer is).
 */
public final class PromptEncoder {
  /** RadFM's {@code max_seq}: longest token sequence, BOS included. */
  public static final int RADFM_MAX_LENGTH = 2048;

  private final RadfmTokenizer tokenizer;
  private final ImageTokenLayout layout;
  private final int maxLength;
  private final boolean padToMaxLength;

  /**
   * @param layout M and placement; M must not exceed the tokenizer's
   * @param maxLength longest sequence in tokens, BOS included, at least 2
   * @param padToMaxLength true: every sample is {@code maxLength} long (RadFM); false: the text plus one EOS
   *     slot (callers pad per batch)
   * @throws IllegalArgumentException if M exceeds the tokenizer's or {@code maxLength < 2}
   */
  public PromptEncoder(RadfmTokenizer tokenizer, ImageTokenLayout layout, int maxLength, boolean padToMaxLength) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.layout = Objects.requireNonNull(layout, "layout");
    if (layout.maxImages() > tokenizer.maxImages()) {
      throw new IllegalArgumentException("layout allows " + layout.maxImages() + " images, tokenizer knows "
          + tokenizer.maxImages());
    }
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be >= 2: " + maxLength);
    }
    this.maxLength = maxLength;
    this.padToMaxLength = padToMaxLength;
  }

  /** RadFM's training setting: M of the tokenizer, {@code RADFM_TRAINING} placement, 2048, right padding. */
  public static PromptEncoder radfmTraining(RadfmTokenizer tokenizer) {
    return new PromptEncoder(tokenizer,
        new ImageTokenLayout(tokenizer.maxImages(), ImageTokenLayout.Placement.RADFM_TRAINING), RADFM_MAX_LENGTH,
        true);
  }

  /** The layout in use. */
  public ImageTokenLayout layout() {
    return layout;
  }

  /** The maximum sequence length, tokens. */
  public int maxLength() {
    return maxLength;
  }

  /** A question without its markers, and each image's character position in it. */
  public record MarkedText(String text, List<Integer> positions) {
    public MarkedText {
      positions = List.copyOf(positions);
    }
  }

  /**
   * Removes the {@code <image>} markers: position k = index of the k-th marker once the markers before it are
   * removed (notes/contract.md, "images[k].position").
   */
  public static MarkedText removeMarkers(String question) {
    StringBuilder sb = new StringBuilder(question.length());
    List<Integer> positions = new ArrayList<>();
    int from = 0;
    for (int i = question.indexOf(Prompt.IMAGE_MARKER); i >= 0;
        i = question.indexOf(Prompt.IMAGE_MARKER, from)) {
      sb.append(question, from, i);
      positions.add(sb.length());
      from = i + Prompt.IMAGE_MARKER.length();
    }
    sb.append(question, from, question.length());
    return new MarkedText(sb.toString(), positions);
  }

  /**
   * The question with image blocks as parts (text and block ids), per the layout's placement.
   *
   * @throws IllegalArgumentException if a position lies outside the text
   */
  public List<TextPart> questionParts(MarkedText q) {
    String text = q.text();
    record At(int image, int index) {}
    List<At> at = new ArrayList<>();
    for (int i = 0; i < q.positions().size() && i < layout.maxImages(); i++) {
      int p = q.positions().get(i);
      if (p < 0 || p > text.length()) {
        throw new IllegalArgumentException("position " + p + " outside text of length " + text.length());
      }
      at.add(new At(i, layout.insertionIndex(p)));
    }
    at.sort(Comparator.comparingInt(At::index).thenComparingInt(At::image));
    List<TextPart> parts = new ArrayList<>();
    int from = 0;
    for (At a : at) {
      if (a.index() > from) {
        parts.add(new TextPart.Text(text.substring(from, a.index())));
        from = a.index();
      }
      parts.add(new TextPart.Special(ImageTokenLayout.blockIds(a.image())));
    }
    if (from < text.length()) {
      parts.add(new TextPart.Text(text.substring(from)));
    }
    return parts;
  }

  /**
   * The generation input: BOS + question with image blocks, truncated to the maximum length, not padded (RadFM's
   * Quick_demo: {@code tokenizer(question)}; the answer, if any, is ignored).
   */
  public int[] encodeQuestion(Prompt prompt) {
    int[] ids = withBos(tokenizer.encode(questionParts(removeMarkers(prompt.question()))));
    return ids.length > maxLength ? Arrays.copyOf(ids, maxLength) : ids;
  }

  /**
   * The training layout of a prompt with its answer.
   *
   * @throws IllegalArgumentException if the prompt has no answer, or a marker position is invalid
   */
  public EncodedSample encode(Prompt prompt) {
    if (prompt.answer() == null) {
      throw new IllegalArgumentException("prompt has no answer");
    }
    return encode(prompt.question(), prompt.answer());
  }

  /**
   * The training layout of {@code question} (with {@code <image>} markers) and {@code answer}.
   *
   * @throws IllegalArgumentException if a marker position is invalid
   */
  public EncodedSample encode(String question, String answer) {
    MarkedText q = removeMarkers(question);
    List<TextPart> qParts = questionParts(q);
    int imageCount = Math.min(q.positions().size(), layout.maxImages());
    int questionLength = Math.min(1 + tokenizer.encode(qParts).length, maxLength);

    List<TextPart> full = new ArrayList<>(qParts);
    full.add(new TextPart.Text(" " + answer.replace("•", "")));
    int[] text = withBos(tokenizer.encode(full));
    boolean truncated = text.length > maxLength;
    int textLength = Math.min(text.length, maxLength);

    int length = padToMaxLength ? maxLength : Math.min(textLength + 1, maxLength);
    int[] ids = new int[length]; // pad = 0
    int[] mask = new int[length];
    System.arraycopy(text, 0, ids, 0, textLength);
    Arrays.fill(mask, 0, textLength, 1);
    if (textLength < length) {
      ids[textLength] = RadfmTokenizer.EOS_ID;
    }
    int[] labels = new int[length];
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      boolean ignore = i < questionLength || id == RadfmTokenizer.PAD_ID || id >= RadfmTokenizer.LLAMA_VOCAB_SIZE;
      labels[i] = ignore ? EncodedSample.IGNORE : id;
    }
    return new EncodedSample(ids, mask, labels, questionLength, textLength, truncated, imageCount);
  }

  private static int[] withBos(int[] ids) {
    int[] out = new int[ids.length + 1];
    out[0] = RadfmTokenizer.BOS_ID;
    System.arraycopy(ids, 0, out, 1, ids.length);
    return out;
  }
}
