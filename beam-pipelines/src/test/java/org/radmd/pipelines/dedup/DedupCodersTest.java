package org.radmd.pipelines.dedup;

import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.VolumeHash;

/** Every dedup coder round-trips and is deterministic (Beam's CoderProperties). */
class DedupCodersTest {
  @Test
  void roundTrips() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.imageEntries(),
        new ImageEntry("s#0", "s", "ROCO", "PMC1", true, -42L));
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.textEntries(), new TextEntry("s#all", "s", "MPx", "MPX1"));
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.textPayloads(),
        new TextPayload("s", "caption", "axial ct \u00e9 " + "x".repeat(70_000)));
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.edges(),
        new Edge("a", "b", Edge.Kind.TEXT, 0.875, "Jaccard 0.875"));
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.imageMatches(),
        new ImageMatch("a", 0, 2, "b", 1, 1, 4, Double.NaN));
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 4, 0xffffff);
    ImageSignature sig = ImageSignature.of(img);
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.imagePayloads(), new ImagePayload("s", 0, 1, sig, null));
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.imagePayloads(),
        new ImagePayload("s", 1, 2, null, new VolumeHash(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9})));
    CoderProperties.coderDeterministic(DedupCoders.edges(), new Edge("a", "b", Edge.Kind.IMAGE, 3, "x"),
        new Edge("a", "b", Edge.Kind.IMAGE, 3, "x"));
    CoderProperties.coderDecodeEncodeEqual(DedupCoders.members(), new Member(DedupFixtures.sample("s",
        org.radmd.core.SourceDataset.ROCO, "c", DedupFixtures.caption("x")), new Edge("a", "s", Edge.Kind.TEXT,
        0.9, "d")));
    CoderProperties.coderSerializable(DedupCoders.members());
    List.of(DedupCoders.imageEntries(), DedupCoders.textEntries()).forEach(c -> {
      try {
        c.verifyDeterministic();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
