package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void caseSpacingAndPunctuationCollapse() {
    assertEquals("ct axial image arrow", TextNormalizer.forExactDedup("CT: Axial  image\u2014arrow!"));
    assertEquals("ct axial image arrow", TextNormalizer.forExactDedup("  ct axial image arrow  "));
    assertEquals("t2 weighted mri 3 0 t", TextNormalizer.forExactDedup("T2-weighted MRI (3.0 T)."));
    assertEquals("a b", TextNormalizer.forExactDedup("a\n\t\u00a0b"));
  }

  @Test
  void nfkcFoldsCompatibilityForms() {
    assertEquals("ct scan", TextNormalizer.forExactDedup("\uff23\uff34 scan"), "full-width letters");
    assertEquals("fibrosis", TextNormalizer.forExactDedup("\ufb01brosis"), "fi ligature");
    assertEquals("x2", TextNormalizer.forExactDedup("x\u00b2"), "superscript two");
    assertEquals("caf\u00e9", TextNormalizer.forExactDedup("CAFE\u0301"), "e + combining acute composes");
  }

  @Test
  void combiningMarksStayInsideWords() {
    assertEquals("\u0939\u093f\u0928\u094d\u0926\u0940 \u0936\u092c\u094d\u0926",
        TextNormalizer.forExactDedup("\u0939\u093f\u0928\u094d\u0926\u0940, \u0936\u092c\u094d\u0926!"));
    assertEquals("i\u0307stanbul", TextNormalizer.forExactDedup("\u0130stanbul"), "dotted capital I lower-cases"
        + " to i + combining dot, kept as one word");
  }

  @Test
  void emptyAndNullGiveEmpty() {
    assertEquals("", TextNormalizer.forExactDedup(null));
    assertEquals("", TextNormalizer.forExactDedup(""));
    assertEquals("", TextNormalizer.forExactDedup(" ... \u2014 "));
  }
}
