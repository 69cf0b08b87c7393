package org.radmd.radfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTokenLayoutTest {
  static final String B0 = ImageTokenLayout.block(0);
  static final String B1 = ImageTokenLayout.block(1);

  @Test
  void blockHasThirtyTwoLatentsBetweenMarkers() {
    assertTrue(B0.startsWith("<image><image0><image1>"));
    assertTrue(B0.endsWith("<image31></image>"));
    assertTrue(B1.startsWith("<image><image32>") && B1.endsWith("<image63></image>"));
    assertEquals(32002, ImageTokenLayout.latentId(0, 0));
    assertEquals(32002 + 32 * 3 + 5, ImageTokenLayout.latentId(3, 5));
    assertEquals(3202, ImageTokenLayout.radfmTraining().addedTokens(), "M = 100: 2 + 3,200 added tokens");
    assertEquals(322, new ImageTokenLayout(10, ImageTokenLayout.Placement.AT_POSITION).addedTokens());
  }

  @Test
  void trainingPlacementReproducesTheOffByOneQuirk() {
    ImageTokenLayout radfm = ImageTokenLayout.radfmTraining();
    // radfm-spec §1.7: position = len(text) lands before the last character ("...chest scan<image>...</image>?").
    String q = "What is shown in this chest scan?";
    assertEquals("What is shown in this chest scan" + B0 + "?", radfm.insert(q, List.of(q.length())));
    assertEquals(B0 + "What", radfm.insert("What", List.of(0)), "position 0 stays at 0");
    assertEquals(B0 + "What", radfm.insert("What", List.of(1)), "max(p - 1, 0)");
  }

  @Test
  void atPositionPlacementInsertsExactlyThere() {
    ImageTokenLayout demo = new ImageTokenLayout(100, ImageTokenLayout.Placement.AT_POSITION);
    assertEquals("Scan" + B0 + "?", demo.insert("Scan?", List.of(4)));
    assertEquals(B0 + B1 + "Two images.", demo.insert("Two images.", List.of(0, 0)), "equal positions keep order");
    assertEquals("A" + B0 + "B" + B1, demo.insert("AB", List.of(1, 2)));
  }

  @Test
  void imagesBeyondTheMaximumAreSkippedAndBadPositionsRejected() {
    ImageTokenLayout one = new ImageTokenLayout(1, ImageTokenLayout.Placement.AT_POSITION);
    assertEquals(B0 + "x", one.insert("x", List.of(0, 1)));
    assertThrows(IllegalArgumentException.class, () -> one.insert("x", List.of(2)));
    assertThrows(IllegalArgumentException.class, () -> new ImageTokenLayout(0, ImageTokenLayout.Placement.AT_POSITION));
  }
}
