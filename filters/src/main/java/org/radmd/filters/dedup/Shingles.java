package org.radmd.filters.dedup;

import java.util.Arrays;
import org.radmd.filters.TextNormalizer;

/**
 * Character k-shingles of normalized text as a sorted set of 64-bit hashes, and their exact Jaccard
 * similarity.
 *
 * <p><b>Normalization</b> ({@link #normalize}): {@link TextNormalizer#forExactDedup} (NFKC, lower case,
 * punctuation and symbols to single spaces), then every digit to {@code 0}. Folding digits follows
 * datatrove's MinHash text normalisation ({@code TextNormConfig.norm_numbers = True},
 * {@code datatrove/utils/text.py}): figure numbers, panel numbers, sizes and ages are what captions that
 * were copied with small edits differ in, and they carry little evidence that two captions are different.
 *
 * <p><b>Why character shingles, k = 5:</b> radiology captions are short (ROCO's 8,179 test captions average
 * 141 characters, about 20 words). A word 5-shingle set of a 20-word caption has 16 members, and a single
 * edited word removes 5 of them (Jaccard about 0.55); a character 5-shingle set has about 140 members, and one
 * edited word removes about 5 + its length (Jaccard about 0.9). k = 5 is NeMo Curator's original
 * {@code FuzzyDuplicatesConfig.char_ngrams} default (24.07); NeMo now defaults to 24 for web documents, which
 * would leave a caption with barely a hundred shingles, almost all destroyed by any edit. On the labelled text
 * set ({@code DedupEvaluation --sweep}, Jaccard 0.8) pair recall is 0.9997 for k = 3, 1.0 for 4, 0.9999 for
 * 5, 0.999 for 6 and 0.936 for 8, precision 1.0 throughout; k = 5 keeps NeMo's value and longer shingles are
 * more specific on real corpora, where captions share stock phrases.
 *
 * <p><b>Hashing:</b> a polynomial rolling hash over the k chars (UTF-16 units) modulo 2<sup>64</sup>,
 * finished with MurmurHash3's {@code fmix64} so every output bit depends on every input char. With 64-bit
 * hashes the chance that two different shingles of a corpus collide is about n<sup>2</sup>/2<sup>65</sup>,
 * negligible below 10<sup>8</sup> distinct shingles.
 *
 * <p>Stateless and thread-safe.
 */
public final class Shingles {
  /** Default shingle length in characters (see the class comment). */
  public static final int DEFAULT_K = 5;
  private static final long P = 0x100000001B3L; // FNV-1a 64-bit prime, odd

  private Shingles() {}

  /**
   * The text as shingled: {@link TextNormalizer#forExactDedup}, then each ASCII digit replaced by {@code 0}.
   *
   * @param text any text; null counts as empty
   * @return the normalized text, possibly empty
   */
  public static String normalize(String text) {
    if (text != null && isSimple(text)) {
      return normalizeSimple(text);
    }
    String s = TextNormalizer.forExactDedup(text);
    char[] c = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '1' && ch <= '9') {
        if (c == null) {
          c = s.toCharArray();
        }
        c[i] = '0';
      }
    }
    return c == null ? s : new String(c);
  }

  /**
   * {@link #normalize} in one pass for text of ASCII and General Punctuation (U+2000-U+206F: typographic
   * spaces, dashes, quotes, ellipsis, invisible format characters): NFKC leaves ASCII unchanged and maps
   * General Punctuation to spaces and punctuation only, except U+2017 and U+203E, which become a space and a
   * combining mark and so take the general path; lower-casing is ASCII lower-casing; ASCII letters and
   * digits are the only characters here that are not separators. Gives exactly what the general path gives
   * (ShinglesTest checks every corpus text), several times faster.
   */
  static String normalizeSimple(String text) {
    char[] out = new char[text.length()];
    int n = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char w;
      if (c >= 'a' && c <= 'z') {
        w = c;
      } else if (c >= 'A' && c <= 'Z') {
        w = (char) (c + ('a' - 'A'));
      } else if (c >= '0' && c <= '9') {
        w = '0';
      } else {
        pendingSpace = n > 0;
        continue;
      }
      if (pendingSpace) {
        out[n++] = ' ';
        pendingSpace = false;
      }
      out[n++] = w;
    }
    return new String(out, 0, n);
  }

  private static boolean isSimple(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && (c < 0x2000 || c > 0x206F || c == 0x2017 || c == 0x203E)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The distinct hashes of the {@code k}-character shingles of {@code normalized}, sorted ascending (signed
   * order). A text shorter than {@code k} but not empty is one shingle; an empty text has none.
   *
   * @param normalized text already passed through {@link #normalize}
   * @param k shingle length in chars, at least 1
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static long[] of(String normalized, int k) {
    long[] h = hashes(normalized, k);
    Arrays.sort(h);
    int n = 0;
    for (int i = 0; i < h.length; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[n++] = h[i];
      }
    }
    return n == h.length ? h : Arrays.copyOf(h, n);
  }

  /**
   * The hash of every {@code k}-shingle in text order, repeats included (what {@link MinHash} needs; it is
   * indifferent to repeats, so this skips the sort).
   *
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static long[] hashes(String normalized, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("shingle length must be at least 1: " + k);
    }
    int len = normalized.length();
    if (len == 0) {
      return new long[0];
    }
    if (len <= k) {
      long h = 0;
      for (int i = 0; i < len; i++) {
        h = h * P + normalized.charAt(i);
      }
      return new long[] {fmix64(h ^ len)};
    }
    long pk = 1;
    for (int i = 0; i < k; i++) {
      pk *= P;
    }
    long[] out = new long[len - k + 1];
    long h = 0;
    for (int i = 0; i < k; i++) {
      h = h * P + normalized.charAt(i);
    }
    out[0] = fmix64(h ^ k);
    for (int i = k; i < len; i++) {
      h = h * P + normalized.charAt(i) - pk * normalized.charAt(i - k);
      out[i - k + 1] = fmix64(h ^ k);
    }
    return out;
  }

  /**
   * Exact Jaccard similarity {@code |A & B| / |A | B|} of two sorted distinct hash sets (as from {@link #of}).
   * Two empty sets give 1.
   */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /** MurmurHash3's 64-bit finalizer (Austin Appleby, public domain): a bijection with full avalanche. */
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
