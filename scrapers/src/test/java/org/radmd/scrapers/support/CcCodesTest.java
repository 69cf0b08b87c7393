package org.radmd.scrapers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.radmd.core.Licence;

class CcCodesTest {
  @Test
  void shortCodesBecomeIdsWithoutInventedVersions() {
    assertEquals(new Licence("CC-BY", null, "CC BY", null), CcCodes.licence("CC BY", null));
    assertEquals("CC-BY-NC-ND", CcCodes.licence("cc-by-nc-nd", null).id());
    assertEquals("CC-BY-NC-SA", CcCodes.licence("CC BY-NC-SA", null).id());
    assertEquals("CC0-1.0", CcCodes.licence("CC0", null).id());
    Licence v = CcCodes.licence("CC BY-NC 4.0", "stated");
    assertEquals("CC-BY-NC-4.0", v.id());
    assertEquals("https://creativecommons.org/licenses/by-nc/4.0/", v.url());
    assertEquals("stated", v.statement());
  }

  @Test
  void anythingElseIsUnknownKeepingTheCode() {
    assertEquals(Licence.unknown("NO-CC CODE"), CcCodes.licence("NO-CC CODE", null));
    assertEquals(Licence.unknown("CC"), CcCodes.licence("CC", null));
    assertEquals(Licence.unknown("implied-oa"), CcCodes.licence("implied-oa", null));
    assertNull(CcCodes.licence(null, null).statement());
  }
}
