package org.radmd.radfm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.radfm.ImageTokenLayout.Placement;
import org.radmd.radfm.Prompt;
import org.radmd.testing.SharedCorpus;

/**
 * RadFM's sample layout (radfm-spec §1.7) on short, hand-checked examples. SentencePiece ids of the text chunks
 * were recorded with Debian's python3-sentencepiece 0.1.97 on the shared tokenizer.model
 * ({@code sp.encode("Is this a CT")} = [1317, 445, 263, 26637], {@code "? yes"} = [1577, 4874], {@code "?"} =
 * [1577], {@code "Is this a CT?"} = [1317, 445, 263, 26637, 29973], {@code "yes"} = [4874],
 * {@code "Compare and"} = [3831, 598, 322], {@code "Compare and yes  no"} = [3831, 598, 322, 4874, 29871, 694]);
 * the arrays below were then written out by following RadFM's {@code multi_dataset.__getitem__} by hand.
 */
class PromptEncoderTest {
  static final int I = EncodedSample.IGNORE;
  static RadfmTokenizer tok;

  @BeforeAll
  static void load() throws IOException {
    tok = RadfmTokenizer.load(SharedCorpus.root().resolve(RadfmTokenizer.SHARED_MODEL_PATH));
  }

  @AfterAll
  static void close() {
    tok.close();
  }

  static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  static int[] repeat(int v, int n) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void markersBecomeContractPositions() {
    var m = PromptEncoder.removeMarkers("<image>ab<image>c<image>");
    assertEquals("abc", m.text());
    assertEquals(List.of(0, 2, 3), m.positions());
  }

  @Test
  void radfmTrainingLayoutHandChecked() {
    PromptEncoder enc = new PromptEncoder(tok, ImageTokenLayout.radfmTraining(), 48, true);
    EncodedSample s = enc.encode("Is this a CT?<image>", "•yes");
    // Position 13 = len("Is this a CT?") -> block before index 12: "Is this a CT" <block> "?" ; text + " yes".
    int[] block = ImageTokenLayout.blockIds(0);
    int[] text = concat(new int[] {1, 1317, 445, 263, 26637}, block, new int[] {1577, 4874});
    assertEquals(41, text.length);
    int[] ids = concat(text, new int[] {2}, repeat(0, 6));
    assertArrayEquals(ids, s.inputIds());
    assertArrayEquals(concat(repeat(1, 41), repeat(0, 7)), s.attentionMask(), "EOS slot stays masked (RadFM)");
    // L = |BOS Is this a CT <block> ?| = 1 + 4 + 34 + 1 = 40
    assertEquals(40, s.questionLength());
    assertArrayEquals(concat(repeat(I, 40), new int[] {4874, 2}, repeat(I, 6)), s.labels());
    assertEquals(41, s.textLength());
    assertEquals(2, s.labelledTokens());
    assertEquals(1, s.imageCount());
    assertFalse(s.truncated());
  }

  @Test
  void atPositionLayoutHandChecked() {
    PromptEncoder enc = new PromptEncoder(tok, new ImageTokenLayout(100, Placement.AT_POSITION), 48, false);
    EncodedSample s = enc.encode(new Prompt("Is this a CT?<image>", List.of(java.nio.file.Path.of("x.png")), "yes"));
    // "Is this a CT?" <block> " yes" -> the space after the block is stripped, "yes" encoded alone.
    int[] text = concat(new int[] {1, 1317, 445, 263, 26637, 29973}, ImageTokenLayout.blockIds(0), new int[] {4874});
    assertArrayEquals(concat(text, new int[] {2}), s.inputIds(), "unpadded: text plus the EOS slot");
    assertEquals(40, s.questionLength());
    assertArrayEquals(concat(repeat(I, 40), new int[] {4874, 2}), s.labels());
    assertArrayEquals(concat(repeat(1, 41), new int[] {0}), s.attentionMask());
  }

  @Test
  void twoImagesAtTheSameIndexKeepOrderAndBulletsLeaveTheAnswer() {
    PromptEncoder enc = new PromptEncoder(tok, ImageTokenLayout.radfmTraining(), 2048, true);
    EncodedSample s = enc.encode("<image><image>Compare and", "•yes • no");
    int[] text = concat(new int[] {1}, ImageTokenLayout.blockIds(0), ImageTokenLayout.blockIds(1),
        new int[] {3831, 598, 322, 4874, 29871, 694});
    assertArrayEquals(text, Arrays.copyOf(s.inputIds(), text.length));
    assertEquals(2, s.inputIds()[text.length]);
    assertEquals(2048, s.length());
    assertEquals(1 + 68 + 3, s.questionLength());
    assertArrayEquals(new int[] {4874, 29871, 694, 2}, IntStream.of(s.labels()).filter(l -> l != I).toArray());
    assertEquals(2, s.imageCount());
  }

  @Test
  void truncationAtMaxLengthDropsEosAndLabels() {
    PromptEncoder enc = new PromptEncoder(tok, ImageTokenLayout.radfmTraining(), 40, true);
    EncodedSample s = enc.encode("Is this a CT?<image>", "yes");
    assertTrue(s.truncated());
    assertEquals(40, s.length());
    assertEquals(40, s.textLength());
    assertEquals(40, s.questionLength(), "L capped at max length");
    assertFalse(IntStream.of(s.inputIds()).anyMatch(id -> id == 2), "no room for EOS, as in RadFM");
    assertEquals(0, s.labelledTokens());
  }

  @Test
  void literalImageTokensInUserTextAreNotImageTokens() {
    PromptEncoder enc = new PromptEncoder(tok, ImageTokenLayout.radfmTraining(), 64, false);
    EncodedSample s = enc.encode("What is <image3>?", "no");
    // "<image3>" is not an <image> marker; it stays plain text: ▁< image 3 >
    assertArrayEquals(new int[] {1, 1724, 338, 529, 3027, 29941, 29958, 29973, 694, 2}, s.inputIds());
    assertEquals(0, s.imageCount());
  }

  @Test
  void generationInputIsBosAndQuestion() {
    PromptEncoder enc = PromptEncoder.radfmTraining(tok);
    int[] ids = enc.encodeQuestion(Prompt.of("Is this a CT?<image>", List.of(java.nio.file.Path.of("a.png"))));
    assertArrayEquals(concat(new int[] {1, 1317, 445, 263, 26637}, ImageTokenLayout.blockIds(0), new int[] {1577}),
        ids);
    assertThrows(IllegalArgumentException.class,
        () -> enc.encode(Prompt.of("q", List.of())));
  }

  @Test
  void contractLineEncodesEndToEnd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("train.jsonl"),
        "{\"id\":\"x/modality/0\",\"task\":\"modality\",\"question\":\"Is this a CT?<image>\","
            + "\"answer\":\"yes\",\"images\":[{\"path\":\"medmd/images/ab/ab.png\",\"kind\":\"IMAGE_2D\","
            + "\"shape\":[3,512,512,1],\"position\":13}]}\n");
    var records = org.radmd.radfm.data.InstructionReader.read(f, 0).records();
    Prompt p = records.get(0).toPrompt(dir);
    assertEquals(dir.resolve("medmd/images/ab/ab.png"), p.images().get(0));
    EncodedSample s = PromptEncoder.radfmTraining(tok).encode(p);
    // same text as radfmTrainingLayoutHandChecked: 41 text tokens, L = 40, labels "yes" then EOS
    assertEquals(41, s.textLength());
    assertEquals(40, s.questionLength());
    assertArrayEquals(new int[] {4874, 2}, IntStream.of(s.labels()).filter(l -> l != I).toArray());
  }

  @Test
  void imagesBeyondMaxAreLeftOut() {
    PromptEncoder enc = new PromptEncoder(tok, new ImageTokenLayout(1, Placement.RADFM_TRAINING), 128, false);
    EncodedSample s = enc.encode("<image><image>Compare and", "yes");
    assertEquals(1, s.imageCount());
    assertEquals(1 + 34 + 3, s.questionLength());
  }
}
