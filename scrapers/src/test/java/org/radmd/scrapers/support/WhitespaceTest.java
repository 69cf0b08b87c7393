package org.radmd.scrapers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WhitespaceTest {
  @Test
  void collapsesRunsAndTrims() {
    assertEquals("a b c", Whitespace.collapse("  a \n\t b   c \r\n"));
  }

  @Test
  void treatsUnicodeSpacesLikePythonSplit() {
    // no-break space (JATS labels "Fig.\u00A01"), hair space (PMC3460867 "xI\u200A=\u200A20"), narrow NBSP
    assertEquals("Fig. 1", Whitespace.collapse("Fig.\u00A01"));
    assertEquals("(xI = 20)", Whitespace.collapse("(xI\u200A=\u200A20)"));
    assertEquals("a b", Whitespace.collapse("a\u202F\u3000b"));
  }

  @Test
  void zeroWidthSpaceIsNotWhitespace() {
    assertFalse(Whitespace.isSpace('\u200B'));
    assertEquals("a\u200Bb", Whitespace.collapse("a\u200Bb"));
  }

  @Test
  void nullsAndBlanks() {
    assertNull(Whitespace.collapse(null));
    assertNull(Whitespace.collapseToNull(" \u00A0 "));
    assertTrue(Whitespace.isBlank("\u2009\n"));
    assertTrue(Whitespace.isBlank(null));
    assertFalse(Whitespace.isBlank(" x "));
  }
}
