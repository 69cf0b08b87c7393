package org.radmd.radfm.text;

/**
 * One sample in RadFM's token layout (radfm-spec §1.7). All arrays have the same length T (the padded length,
 * 2048 in RadFM, or the unpadded length plus the EOS slot).
 *
 * @param inputIds token ids, [T]: BOS, question with image blocks, ' ' + answer, then EOS in the first pad slot
 *     (when there is room) and pad (0) after it
 * @param attentionMask [T]: 1 on the tokenized text (BOS included), 0 on the EOS slot and padding (RadFM's quirk)
 * @param labels [T]: the input id where the loss applies, -100 elsewhere (question tokens, pad, ids &gt;= 32000)
 * @param questionLength L: tokens of the question alone with BOS (capped at the maximum length); labels[0..L) are
 *     -100
 * @param textLength tokens of question + ' ' + answer with BOS after truncation: the number of ones in the mask
 * @param truncated whether the text was cut at the maximum length (then there is no EOS, and the answer may be
 *     partly or wholly lost)
 * @param imageCount images whose blocks are in the text (at most M)
 */
public record EncodedSample(int[] inputIds, int[] attentionMask, int[] labels, int questionLength, int textLength,
    boolean truncated, int imageCount) {
  /** The label value the loss ignores (PyTorch's {@code ignore_index}). */
  public static final int IGNORE = -100;

  /** Sequence length T. */
  public int length() {
    return inputIds.length;
  }

  /** Positions whose label is not {@link #IGNORE}: the tokens the loss (and a score) counts. */
  public int labelledTokens() {
    int n = 0;
    for (int l : labels) {
      if (l != IGNORE) {
        n++;
      }
    }
    return n;
  }
}
