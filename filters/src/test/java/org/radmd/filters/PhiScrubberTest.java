package org.radmd.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radmd.core.SampleText;
import org.radmd.testing.SharedCorpus;

/** Safe Harbor identifiers are replaced by typed placeholders; measurements and years survive. */
class PhiScrubberTest {
  static final PhiScrubber P = new PhiScrubber();

  @Test
  void eachIdentifierClassGetsItsPlaceholder() {
    assertEquals("Seen on [DATE] and [DATE] and [DATE].", P.scrub("Seen on 12 March 2004 and 2004-03-12 and 03/12/2004.")
        .text());
    assertEquals("Seen on [DATE].", P.scrub("Seen on March 12, 2004.").text());
    assertEquals("CT from [DATE] showed a mass.", P.scrub("CT from January 2012 showed a mass.").text());
    assertEquals("A [AGE 90+] woman; aged [AGE 90+].", P.scrub("A 92-year-old woman; aged 95.").text());
    assertEquals("Call [PHONE] or [PHONE].", P.scrub("Call (555) 123-4567 or 555-123-4567.").text());
    assertEquals("Mail [EMAIL] or see [URL]", P.scrub("Mail jane.doe@example.org or see https://x.org/a?b=1")
        .text());
    assertEquals("MRN: [ID], SSN [ID]", P.scrub("MRN: 12345678, SSN 123-45-6789").text());
    assertEquals("Lives at [ADDRESS].", P.scrub("Lives at 12 Main Street.").text());
    assertEquals("Referred by [NAME] to [NAME].", P.scrub("Referred by Dr. John Smith to Mrs. Jones.").text());
    PhiScrubber.Result r = P.scrub("Dr. Smith saw her on 1 May 2010 and 2 June 2011.");
    assertEquals(Map.of("name", 1, "date", 2), r.counts());
    assertEquals(3, r.total());
  }

  @Test
  void measurementsSequencesVertebraeAndYearsAreNotIdentifiers() {
    for (String keep : List.of("A 3 x 4 cm mass", "2.1 × 2.0 cm lesion", "axial T2 and T1 FLAIR", "C5-C6 disc",
        "L4/5 and L4-5 level", "1.5 T and 3T scanners", "BP 120/80 mmHg", "1/3 of the lobe", "In 2004 and 1999",
        "a 45-year-old man", "a 89-year-old man", "T2N0M0 stage", "10 mg/kg", "grade 3 of 4", "1:1000 dilution",
        "0.4 × 0.4 × 0.8 mm3", "12.3 cm and 7.3 cm", "May be seen", "HU 40-60")) {
      PhiScrubber.Result r = P.scrub(keep);
      assertEquals(keep, r.text(), "unchanged: " + keep);
      assertEquals(0, r.total(), keep);
    }
  }

  @Test
  void positionsMoveWithTheText() {
    String before = "Seen on 12 March 2004 by Dr. Smith, see Figure 1 (MRN: 1234567).";
    PhiScrubber.Result r = P.scrub(before);
    assertEquals("Seen on [DATE] by [NAME], see Figure 1 (MRN: [ID]).", r.text());
    assertEquals(r.text().indexOf("Figure"), r.position(before.indexOf("Figure")));
    assertEquals(r.text().indexOf("[DATE]"), r.position(before.indexOf("March")), "inside an identifier");
    assertEquals(0, r.position(0));
    assertEquals(r.text().length(), r.position(before.length()));
    List<String> inline = List.of("Dr. Who saw it on 1 May 2010.", "CT shows a mass (Figure 1).");
    List<PhiScrubber.Result> results = inline.stream().map(P::scrub).toList();
    String oldJoined = String.join(" ", inline);
    String newJoined = String.join(" ", results.stream().map(PhiScrubber.Result::text).toList());
    assertEquals(newJoined.indexOf("Figure"),
        PhiScrubber.inlinePosition(inline, results, oldJoined.indexOf("Figure")));
  }

  @Test
  void everyFieldIsScrubbedAndCounted() {
    SampleText t = SampleText.builder().history("A 93 yo man seen 3/4/2011.").caption("CT on 5 May 2011.")
        .inline(List.of("See Dr. Who.")).build();
    Map<String, Integer> counts = new HashMap<>();
    SampleText out = P.scrub(t, counts);
    assertEquals("A [AGE 90+] man seen [DATE].", out.history());
    assertEquals("CT on [DATE].", out.caption());
    assertEquals(List.of("See [NAME]."), out.inline());
    assertEquals(Map.of("age", 1, "date", 2, "name", 1), counts);
    SampleText clean = SampleText.builder().caption("Axial CT of the liver.").build();
    assertTrue(P.scrub(clean, new HashMap<>()) == clean, "unchanged text is the same instance");
  }

  /**
   * On the 8,179 real ROCO captions: every replacement is counted, and no caption loses a number that is a
   * measurement (every digit run left outside placeholders was in the original, and placeholders are few).
   */
  @Test
  void rocoCaptionsKeepTheirMeasurements() throws IOException {
    List<String> lines = Files.readAllLines(SharedCorpus.corpus("other/roco_test_radiology/captions.txt"),
        StandardCharsets.UTF_8);
    int replaced = 0;
    int captionsTouched = 0;
    for (String line : lines) {
      String c = line.substring(line.indexOf('\t') + 1);
      PhiScrubber.Result r = P.scrub(c);
      replaced += r.total();
      if (r.total() > 0) {
        captionsTouched++;
        int placeholders = r.text().split("\\[(?:DATE|AGE 90\\+|PHONE|EMAIL|URL|ID|ADDRESS|NAME)]", -1).length - 1;
        assertEquals(r.total(), placeholders, c);
      } else {
        assertEquals(c, r.text());
      }
      for (String unit : List.of(" cm", " mm", " mL", "T2", "T1")) {
        assertEquals(count(c, unit), count(r.text(), unit), unit + " kept in: " + c);
      }
    }
    System.out.printf("ROCO PHI: %d replacements in %d of %d captions%n", replaced, captionsTouched, lines.size());
    assertTrue(captionsTouched > 20 && captionsTouched < lines.size() / 50, "touched " + captionsTouched);
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
