package org.radmd.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;

class RepresentativeRuleTest {
  static ImageRef image(int h, int w) {
    return new ImageRef("i", ImageKind.IMAGE_2D, "x.png", List.of(), List.of(3, h, w, 1), TextField.CAPTION, 0,
        null, null, null, null, "h");
  }

  static Sample s(String id, SourceDataset src, SampleText text, ImageRef img) {
    return DedupFixtures.sample(id, src, id, text, img);
  }

  @Test
  void completeTextThenResolutionThenSourceThenLengthThenId() {
    SampleText one = DedupFixtures.caption("CT");
    SampleText two = SampleText.builder().caption("CT").findings("mass").build();
    List<Sample> l = new ArrayList<>(List.of(
        s("roco-b", SourceDataset.ROCO, one, image(512, 512)),
        s("roco-a", SourceDataset.ROCO, one, image(512, 512)),
        s("mpx-1", SourceDataset.MPX, one, image(512, 512)),
        s("covid-1", SourceDataset.COVID19_CT_CXR, one, image(1024, 1024)),
        s("pmci-1", SourceDataset.PMC_INLINE, two, image(100, 100)),
        s("roco-c", SourceDataset.ROCO, DedupFixtures.caption("CT scan"), image(512, 512))));
    l.sort(RepresentativeRule.BEST_FIRST);
    assertEquals(List.of("pmci-1", "covid-1", "mpx-1", "roco-c", "roco-a", "roco-b"),
        l.stream().map(Sample::id).toList());
  }

  @Test
  void partsOfTheRule() {
    assertEquals(2, RepresentativeRule.textFields(s("x", SourceDataset.MPX,
        SampleText.builder().title("t").history(" ").findings("f").build(), image(1, 1))));
    assertEquals(3L * 4 * 5, RepresentativeRule.pixels(DedupFixtures.sample("v", SourceDataset.RP3D, "c",
        SampleText.EMPTY, new ImageRef("v", ImageKind.VOLUME_3D, "v.nii.gz", List.of(), List.of(3, 3, 4, 5),
            TextField.FINDINGS, 0, null, null, null, null, "h"))));
    assertEquals(0, RepresentativeRule.sourcePriority(SourceDataset.RP3D));
    assertEquals(7, RepresentativeRule.sourcePriority(SourceDataset.COVID19_CT_CXR));
  }

  @Test
  void edgesOrderStrongestFirstAndKeepTheirEndsOrdered() {
    Edge image = Edge.of("b", "a", Edge.Kind.IMAGE, 6, "d");
    Edge closer = Edge.of("a", "c", Edge.Kind.IMAGE, 2, "d");
    Edge text = Edge.of("a", "d", Edge.Kind.TEXT, 0.99, "d");
    Edge weaker = Edge.of("a", "e", Edge.Kind.TEXT, 0.85, "d");
    List<Edge> l = new ArrayList<>(List.of(weaker, text, image, closer));
    l.sort(Edge.STRONGEST_FIRST);
    assertEquals(List.of(closer, image, text, weaker), l);
    assertEquals("a", image.a());
    assertEquals("b", image.other("a"));
    assertEquals("a\nb", image.pairKey());
    assertThrows(IllegalArgumentException.class, () -> new Edge("b", "a", Edge.Kind.TEXT, 1, ""));
  }
}
