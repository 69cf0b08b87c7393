package org.radmd.scrapers.jats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceNamesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://creativecommons.org/licenses/by/2.0|CC-BY-2.0",
      "https://creativecommons.org/licenses/by-nc-nd/4.0/|CC-BY-NC-ND-4.0",
      "see (<url>http://creativecommons.org/licenses/by-nc/3.0</url>).|CC-BY-NC-3.0",
      "https://creativecommons.org/licenses/by-sa/4.0/legalcode|CC-BY-SA-4.0",
      "http://creativecommons.org/publicdomain/zero/1.0/|CC0-1.0",
      "https://creativecommons.org/licenses/by|CC-BY",
  })
  void urls(String text, String id) {
    assertEquals(id, LicenceNames.find(text).orElseThrow().id());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "distributed under the terms of the Creative Commons Attribution License, which permits|CC-BY",
      "licensed under a Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International License.|"
          + "CC-BY-NC-ND-4.0",
      "the Creative Commons Attribution Noncommercial License which permits any noncommercial use|CC-BY-NC",
      "Creative Commons Attribution-ShareAlike 3.0 Unported License|CC-BY-SA-3.0",
      "Creative Commons Attribution Non-Commercial License (CC BY-NC 3.0)|CC-BY-NC-3.0",
      "the Creative Commons Attribution License 4.0 applies|CC-BY-4.0",
      "Creative Commons Attribution License (CC BY-SA 4.0)|CC-BY",
      "This is an open access article under the CC BY-NC-ND 4.0 license|CC-BY-NC-ND-4.0",
      "released under CC BY 4.0.|CC-BY-4.0",
      "Creative Commons Public Domain Dedication waiver|CC0-1.0",
  })
  void words(String text, String id) {
    assertEquals(id, LicenceNames.find(text).orElseThrow().id());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Creative Commons Attribution 4.0 International License|https://creativecommons.org/licenses/by/4.0/",
      "Creative Commons Attribution-NonCommercial 3.0 License|https://creativecommons.org/licenses/by-nc/3.0/",
  })
  void versionedNamesGetTheCanonicalUrl(String text, String url) {
    assertEquals(url, LicenceNames.fromWords(text).orElseThrow().url());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\u00A9 The Author(s) 2009",
      "All rights reserved.",
      "https://creativecommons.org/licenses/unknown-kind/1.0/",
  })
  void noLicence(String text) {
    assertEquals(Optional.empty(), LicenceNames.find(text));
    assertNull(LicenceNames.find(null).orElse(null));
  }
}
