package org.radmd.scrapers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private static List<String> split(String text) {
    return SentenceSplitter.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void splitsOnTerminatorsFollowedBySpaceAndCapital() {
    assertEquals(List.of("One.", "Two!", "Three?", "Four"), split("One. Two! Three? Four"));
  }

  @Test
  void keepsFigureAbbreviationsIntact() {
    assertEquals(List.of("As shown in Fig. 2 the mass enhances.", "Figs. 3 and 4 show the rest."),
        split("As shown in Fig. 2 the mass enhances. Figs. 3 and 4 show the rest."));
  }

  @Test
  void keepsLatinAndCommonAbbreviationsIntact() {
    String text = "Smith et al. Reported this first. Imaging, e.g. CT or MRI, i.e. cross-sectional, helps. "
        + "CT vs. MRI was compared in approx. 40 patients. See No. 5 and Ref. 7 for details.";
    assertEquals(List.of("Smith et al. Reported this first.",
        "Imaging, e.g. CT or MRI, i.e. cross-sectional, helps.",
        "CT vs. MRI was compared in approx. 40 patients.",
        "See No. 5 and Ref. 7 for details."), split(text));
  }

  @Test
  void keepsDecimalsAndInitials() {
    assertEquals(List.of("The lesion measured 2.5 cm in C. saccharolyticus cultures.", "Next."),
        split("The lesion measured 2.5 cm in C. saccharolyticus cultures. Next."));
  }

  @Test
  void lowerCaseWordContinuesButMixedCaseWordStartsASentence() {
    assertEquals(List.of("It was 5 mm. and growing."), split("It was 5 mm. and growing."));
    assertEquals(List.of("Activity fell.", "xI50 values were low."), split("Activity fell. xI50 values were low."));
  }

  @Test
  void closingBracketsAndQuotesStayWithTheSentence() {
    assertEquals(List.of("He said \"stop.\"", "(It stopped.)", "Done."),
        split("He said \"stop.\" (It stopped.) Done."));
  }

  @Test
  void attachedCitationMarkersStayWithThePrecedingSentence() {
    String text = "Calcifications are hallmarks of pancreatitis.1,2 The prevalence increases.3";
    BitSet attached = new BitSet();
    int first = text.indexOf("1,2");
    attached.set(first);
    attached.set(first + 2);
    attached.set(text.length() - 1);
    List<String> s = SentenceSplitter.split(text, attached).stream().map(x -> x.of(text)).toList();
    assertEquals(List.of("Calcifications are hallmarks of pancreatitis.1,2", "The prevalence increases.3"), s);
  }

  @Test
  void spansAreTrimmedOffsetsIntoTheText() {
    String text = "  A cat.   C dog.  ";
    List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
    assertEquals(List.of(new SentenceSplitter.Span(2, 8), new SentenceSplitter.Span(11, 17)), spans);
  }

  @Test
  void blankTextHasNoSentences() {
    assertEquals(List.of(), split("   "));
    assertEquals(List.of("No terminator"), split("No terminator"));
  }
}
