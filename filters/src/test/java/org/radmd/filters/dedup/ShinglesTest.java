package org.radmd.filters.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void normalizationFoldsCasePunctuationAndDigits() {
    assertEquals("figure 0 ct at 00 months", Shingles.normalize("Figure 2: CT at 18 months."));
    assertEquals(Shingles.normalize("CT at 3 months"), Shingles.normalize("ct, at 7 MONTHS!"));
    assertEquals("", Shingles.normalize(null));
  }

  @Test
  void fastPathEqualsTheGeneralPathOnEveryCorpusText() {
    int simple = 0;
    for (EvalCorpus.CorpusText t : EvalCorpus.texts(org.radmd.testing.SharedCorpus.corpus())) {
      String general = org.radmd.filters.TextNormalizer.forExactDedup(t.text()).replaceAll("[1-9]", "0");
      assertEquals(general, Shingles.normalize(t.text()), t.id());
      if (t.text().chars().allMatch(c -> c < 0x80 || (c >= 0x2000 && c <= 0x206F))) {
        assertEquals(general, Shingles.normalizeSimple(t.text()), t.id());
        simple++;
      }
    }
    assertEquals(true, simple > 7000, "most corpus texts take the fast path: " + simple);
    assertEquals("a b0 c", Shingles.normalizeSimple("  A, B1 -- c!! "));
    StringBuilder punctuation = new StringBuilder("x");
    for (char c = 0x2000; c <= 0x206F; c++) {
      punctuation.append(c).append('y');
    }
    String p = punctuation.toString();
    assertEquals(org.radmd.filters.TextNormalizer.forExactDedup(p), Shingles.normalize(p),
        "General Punctuation, U+2017 and U+203E (space + combining mark after NFKC) included");
    String q = p.replace("\u2017", "").replace("\u203e", "");
    assertEquals(org.radmd.filters.TextNormalizer.forExactDedup(q), Shingles.normalizeSimple(q),
        "every other General Punctuation character is a separator after NFKC");
  }

  @Test
  void rollingHashEqualsHashingEachShingleAlone() {
    String t = "axial t0 weighted mri of the brain";
    long[] rolling = Shingles.hashes(t, 5);
    assertEquals(t.length() - 4, rolling.length);
    for (int i = 0; i < rolling.length; i++) {
      assertEquals(Shingles.hashes(t.substring(i, i + 5), 5)[0], rolling[i], "shingle " + i);
    }
  }

  @Test
  void setsAreSortedAndDistinct() {
    long[] s = Shingles.of("abcabcabc", 3);
    assertEquals(3, s.length, "abc, bca, cab");
    for (int i = 1; i < s.length; i++) {
      assertNotEquals(s[i - 1], s[i]);
      assertEquals(true, s[i - 1] < s[i]);
    }
  }

  @Test
  void shortAndEmptyTexts() {
    assertEquals(1, Shingles.of("ct", 5).length);
    assertNotEquals(Shingles.of("ct", 5)[0], Shingles.of("mr", 5)[0]);
    assertArrayEquals(new long[0], Shingles.of("", 5));
    assertThrows(IllegalArgumentException.class, () -> Shingles.of("abc", 0));
  }

  @Test
  void exactJaccard() {
    assertEquals(1.0, Shingles.jaccard(new long[0], new long[0]));
    assertEquals(2.0 / 5, Shingles.jaccard(new long[] {1, 2, 3}, new long[] {2, 3, 4, 5}), 1e-12);
    assertEquals(0.0, Shingles.jaccard(new long[] {1}, new long[] {2}));
  }
}
