package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.radmd.scrapers.support.Whitespace;

/**
 * Builds the whitespace-collapsed text of one paragraph while recording where figure citations start and
 * which characters are citation markers. Not thread-safe; one instance per paragraph.
 */
final class ParagraphText {
  /** A figure citation: character offset of the citing xref's text and the figure ids it names. */
  record Citation(int offset, List<String> figureIds) {}

  private final StringBuilder sb = new StringBuilder();
  private final List<Citation> citations = new ArrayList<>();
  private final BitSet attached = new BitSet();
  private boolean pendingSpace;

  /** Appends text, collapsing whitespace runs (also across calls) into one space. */
  void append(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Whitespace.isSpace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
  }

  /** A word break (e.g. where a nested block was left out): a space if more text follows. */
  void space() {
    pendingSpace = sb.length() > 0;
  }

  /** The offset the next non-space character will get. */
  int mark() {
    return sb.length() + (pendingSpace ? 1 : 0);
  }

  /** The current end of the text (no pending space counted). */
  int end() {
    return sb.length();
  }

  void cite(int offset, List<String> figureIds) {
    citations.add(new Citation(offset, List.copyOf(figureIds)));
  }

  /** Marks {@code [from, to)} as citation-marker characters (see {@link
   * org.radmd.scrapers.support.SentenceSplitter}). */
  void attach(int from, int to) {
    if (to > from) {
      attached.set(from, to);
    }
  }

  String text() {
    return sb.toString();
  }

  List<Citation> citations() {
    return citations;
  }

  BitSet attached() {
    return attached;
  }
}
