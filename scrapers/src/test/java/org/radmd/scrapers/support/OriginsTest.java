package org.radmd.scrapers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OriginsTest {
  @Test
  void relativeWithForwardSlashes() {
    assertEquals("a/b/c.xml", Origins.relative(Path.of("/in/a/b/c.xml"), Path.of("/in")));
    assertEquals("a/b/c.xml", Origins.relative(Path.of("/in/x/../a/b/c.xml"), Path.of("/in/")));
  }

  @Test
  void outsideTheRootFallsBackToTheFileName() {
    assertEquals("c.xml", Origins.relative(Path.of("/elsewhere/c.xml"), Path.of("/in")));
    assertEquals("c.xml", Origins.relative(Path.of("/in/c.xml"), null));
  }
}
