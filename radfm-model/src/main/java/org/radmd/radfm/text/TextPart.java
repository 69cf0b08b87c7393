package org.radmd.radfm.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of a RadFM prompt before tokenization: plain text, encoded by SentencePiece, or a run of added
 * special tokens (an image block), written as ids. {@link RadfmTokenizer#encode(java.util.List)} joins parts
 * the way LLaMA's slow HuggingFace tokenizer joins text around added special tokens.
 */
public sealed interface TextPart {

  /** Plain text; special-token strings inside it are <em>not</em> recognized. */
  record Text(String text) implements TextPart {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Added special tokens, by id (each in [32000, vocabulary size)). Immutable copy. */
  record Special(int[] ids) implements TextPart {
    public Special {
      ids = ids.clone();
    }

    @Override
    public int[] ids() {
      return ids.clone();
    }

    /** Number of ids. */
    public int length() {
      return ids.length;
    }

    int id(int i) {
      return ids[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Special s && Arrays.equals(ids, s.ids);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
      return "Special" + Arrays.toString(ids);
    }
  }
}
