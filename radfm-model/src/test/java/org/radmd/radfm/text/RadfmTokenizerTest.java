package org.radmd.radfm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.testing.SharedCorpus;

/**
 * The tokenizer against the real LLaMA {@code tokenizer.model} in ../shared/radfm.
 *
 * <p>Expected ids are a recorded reference: they were produced on 2026-11-29 with Debian bookworm's
 * python3-sentencepiece 0.1.97 ({@code /usr/bin/python3 -c "import sentencepiece as s;
 * sp = s.SentencePieceProcessor(model_file='../shared/radfm/language_files/tokenizer.model');
 * print(sp.encode(TEXT))"}), i.e. by Google's reference implementation, not by this code. The added-token
 * cases combine those recorded chunk ids by the rule of transformers 4.28's slow tokenizer (split at added
 * tokens, strip whitespace on both sides of them, encode each chunk separately).
 */
class RadfmTokenizerTest {
  static RadfmTokenizer tok;

  @BeforeAll
  static void load() throws IOException {
    tok = RadfmTokenizer.load(SharedCorpus.root().resolve(RadfmTokenizer.SHARED_MODEL_PATH));
  }

  @AfterAll
  static void close() {
    tok.close();
  }

  @Test
  void plainTextMatchesReferenceSentencePiece() {
    assertArrayEquals(new int[] {1724, 6382, 292, 878, 2877, 471, 1304, 29973},
        tok.encode("What imaging modality was used?"));
    assertArrayEquals(new int[] {29751, 448, 323, 29896, 29956, 281, 29914, 29954, 328, 22878, 1974},
        tok.encode("MR - T1W w/Gadolinium"));
    assertArrayEquals(new int[] {9160, 14910, 387, 14997}, tok.encode("Cardiomegaly"));
    // byte fallback for a CJK character, a leading space, and a newline
    assertArrayEquals(new int[] {1055, 30085, 345, 274, 28059, 29871, 235, 133, 189}, tok.encode("naïve café 肺"));
    assertArrayEquals(new int[] {29871, 8236, 2913}, tok.encode(" leading space"));
    assertArrayEquals(new int[] {383, 4015, 29901, 29871, 29941, 7477, 4158, 29889, 13, 1888, 2590, 29901, 5642},
        tok.encode("Finding: 3 cm mass.\nImpression: none"));
    assertArrayEquals(new int[0], tok.encode(""));
    assertArrayEquals(new int[] {1, 15043, 3186}, tok.encodeWithBos("Hello world"));
  }

  @Test
  void addedTokensAreSingleTokensWithWhitespaceStrippedAround() {
    // "Hello <image> world": chunks "Hello" and "world" (spaces stripped), each with its own dummy prefix.
    assertArrayEquals(new int[] {15043, 32000, 3186}, tok.encode("Hello <image> world"));
    assertArrayEquals(new int[] {32000, 32002, 32033, 32001, 1724}, tok.encode("<image><image0><image31></image>What"));
    // the last latent of M = 100 is <image3199> = 35201; <image3200> is not an added token: plain text
    assertArrayEquals(new int[] {35201}, tok.encode("<image3199>"));
    assertArrayEquals(new int[] {529, 3027, 29941, 29906, 29900, 29900, 29958}, tok.encode("<image3200>"));
    // leading zeros do not name an added token
    assertArrayEquals(new int[] {921, 529, 3027, 29900, 29896, 29958, 343}, tok.encode("x <image01> y"));
    // "Is this a CT<block>?": the "?" chunk is encoded alone, so it gets "▁?" (1577)
    int[] block = ImageTokenLayout.blockIds(0);
    int[] ids = tok.encode("Is this a CT" + ImageTokenLayout.block(0) + "?");
    assertEquals(4 + 34 + 1, ids.length);
    assertArrayEquals(new int[] {1317, 445, 263, 26637}, java.util.Arrays.copyOfRange(ids, 0, 4));
    assertArrayEquals(block, java.util.Arrays.copyOfRange(ids, 4, 38));
    assertEquals(1577, ids[38]);
    // non-breaking space counts as whitespace next to an added token (Python str.strip), but not inside text
    assertArrayEquals(new int[] {319, 32000}, tok.encode("A\u00a0<image>"));
    assertArrayEquals(new int[] {319, 30081, 29933}, tok.encode("A\u00a0B"));
  }

  @Test
  void partsKeepUserTextPlainAndMergeAdjacentText() {
    // A literal "<image>" inside a Text part stays text: ids 529, 3027, 29958 ("▁<", "image", ">").
    int[] ids = tok.encode(List.of(new TextPart.Text("x "), new TextPart.Text("<image01> y")));
    assertArrayEquals(new int[] {921, 529, 3027, 29900, 29896, 29958, 343}, ids);
    assertArrayEquals(new int[] {15043, 32000, 3186},
        tok.encode(List.of(new TextPart.Text("Hello "), new TextPart.Special(new int[] {32000}),
            new TextPart.Text(" world"))));
    assertThrows(IllegalArgumentException.class,
        () -> tok.encode(List.of(new TextPart.Special(new int[] {31999}))));
    assertThrows(IllegalArgumentException.class,
        () -> tok.encode(List.of(new TextPart.Special(new int[] {tok.vocabularySize()}))));
  }

  @Test
  void decodeSkipsSpecialTokens() {
    assertEquals("What imaging modality was used?",
        tok.decode(new int[] {1, 32000, 32002, 32001, 1724, 6382, 292, 878, 2877, 471, 1304, 29973, 2, 0, 0}));
    assertEquals("naïve café 肺", tok.decode(new int[] {1055, 30085, 345, 274, 28059, 29871, 235, 133, 189}));
    assertEquals("", tok.decode(new int[] {1, 2, 0, 32005}));
    assertThrows(IllegalArgumentException.class, () -> tok.decode(new int[] {-1}));
  }

  @Test
  void vocabularyAndPieces() {
    assertEquals(35202, tok.vocabularySize());
    assertEquals("<image>", tok.piece(32000));
    assertEquals("</image>", tok.piece(32001));
    assertEquals("<image5>", tok.piece(32007));
    assertEquals("▁What", tok.piece(1724));
    assertEquals("<s>", tok.piece(1));
    assertTrue(RadfmTokenizer.isSpecial(0) && RadfmTokenizer.isSpecial(32000));
    assertFalse(RadfmTokenizer.isSpecial(3));
  }

  @Test
  void notATokenizerModelIsRefused(@TempDir Path dir) throws IOException {
    Path bogus = Files.writeString(dir.resolve("tokenizer.model"), "not a model");
    assertThrows(IOException.class, () -> RadfmTokenizer.load(bogus));
    assertThrows(IOException.class, () -> RadfmTokenizer.load(dir.resolve("missing.model")));
  }
}
