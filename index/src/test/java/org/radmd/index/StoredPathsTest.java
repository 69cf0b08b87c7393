package org.radmd.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoredPaths} admits regular files inside the stored-image areas and nothing else. */
class StoredPathsTest {
  @TempDir Path dir;

  @Test
  void resolvesFilesInsideTheAreasOnly() throws IOException {
    Path root = dir.resolve("out");
    Path png = write(root.resolve("medmd/images/ab/x.png"));
    Path slice = write(root.resolve("medmd/volumes/cd/y.png"));
    write(root.resolve("medmd/samples-00000-of-00001.jsonl"));
    write(root.resolve("stats.json"));
    StoredPaths paths = new StoredPaths(root);
    assertEquals(Optional.of(png.toRealPath()), paths.resolve("medmd/images/ab/x.png"));
    assertEquals(Optional.of(slice.toRealPath()), paths.resolve("medmd/volumes/cd/y.png"));
    for (String refused : new String[] {"medmd/samples-00000-of-00001.jsonl", "stats.json", "medmd/images",
        "medmd/images/ab", "medmd/images/ab/missing.png", "medmd/images/../stats.json", "medmd/images/./ab/x.png",
        "medmd/images//ab/x.png", "/medmd/images/ab/x.png", png.toString(), "medmd\\images\\ab\\x.png",
        "medmd/images/ab/x.png\0", "C:/medmd/images/ab/x.png", "", "medmd/imagesX/ab/x.png"}) {
      assertEquals(Optional.empty(), paths.resolve(refused), refused);
    }
  }

  @Test
  void followsLinksOnlyWhenTheyStayInTheirArea() throws IOException {
    Path root = dir.resolve("out");
    Path png = write(root.resolve("medmd/images/ab/x.png"));
    Path outside = write(dir.resolve("elsewhere/secret.png"));
    Path images = root.resolve("medmd/images");
    Files.createSymbolicLink(images.resolve("inside.png"), png);
    Files.createSymbolicLink(images.resolve("outside.png"), outside);
    Files.createSymbolicLink(images.resolve("up"), root);
    write(root.resolve("medmd/volumes/v.png"));
    Files.createSymbolicLink(images.resolve("to-volumes.png"), root.resolve("medmd/volumes/v.png"));
    StoredPaths paths = new StoredPaths(root);
    assertEquals(Optional.of(png.toRealPath()), paths.resolve("medmd/images/inside.png"));
    assertEquals(Optional.empty(), paths.resolve("medmd/images/outside.png"));
    // Judged by where a link really leads: back into the images area is inside, anywhere else in the root is not.
    assertEquals(Optional.of(png.toRealPath()), paths.resolve("medmd/images/up/medmd/images/ab/x.png"));
    assertEquals(Optional.empty(), paths.resolve("medmd/images/up/stats.json"));
    assertEquals(Optional.empty(), paths.resolve("medmd/images/to-volumes.png"), "a link into the other area");
  }

  @Test
  void aRootWithoutAreasAdmitsNothing() throws IOException {
    write(dir.resolve("medmd/other/x.png"));
    assertFalse(new StoredPaths(dir).resolve("medmd/images/x.png").isPresent());
    assertTrue(new StoredPaths(dir).root().isAbsolute());
  }

  @Test
  void thumbnailOfAVolumeIsItsKeySlice() {
    assertEquals("medmd/volumes/ab/h.png", StoredPaths.thumbnailOf("medmd/volumes/ab/h.nii.gz"));
    assertEquals("medmd/images/ab/h.png", StoredPaths.thumbnailOf("medmd/images/ab/h.png"));
  }

  private static Path write(Path p) throws IOException {
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "x");
  }
}
