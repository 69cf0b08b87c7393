package org.radmd.pipelines.dedup;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.core.image.Images;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.Volume;
import org.radmd.testing.SharedCorpus;

/** Samples whose images are stored under a scratch output root, as the build leaves them. */
final class DedupFixtures {
  private final Path root;

  DedupFixtures(Path root) {
    this.root = root;
  }

  static BufferedImage corpusImage(String relative) throws IOException {
    return Images.read(SharedCorpus.corpus(relative));
  }

  static List<Path> slices(String series) {
    return org.radmd.filters.dedup.EvalCorpus.slices(
        SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/" + series));
  }

  /** Stores a picture as the build would and returns its reference. */
  ImageRef picture(String id, BufferedImage img) throws IOException {
    String hash = Images.pixelHash(img);
    String rel = "medmd/images/" + hash.substring(0, 2) + "/" + hash + ".png";
    Images.writePng(img, root.resolve(rel));
    return new ImageRef(id, ImageKind.IMAGE_2D, rel, List.of(), List.of(3, img.getHeight(), img.getWidth(), 1),
        TextField.CAPTION, 0, null, null, null, null, hash);
  }

  /** Stores a volume as the build would and returns its reference. */
  ImageRef volume(String id, Volume v) throws IOException {
    String hash = v.pixelHash();
    String rel = "medmd/volumes/" + hash.substring(0, 2) + "/" + hash + ".nii.gz";
    Nifti.writeNiftiGz(v, root.resolve(rel));
    return new ImageRef(id, ImageKind.VOLUME_3D, rel, List.of(), v.radfmShape(), TextField.FINDINGS, 0, null,
        null, null, null, hash);
  }

  /** A reference to an image file that does not exist. */
  static ImageRef missing(String id) {
    return new ImageRef(id, ImageKind.IMAGE_2D, "medmd/images/00/missing.png", List.of(), List.of(3, 10, 10, 1),
        TextField.CAPTION, 0, null, null, null, null, "00");
  }

  static Sample sample(String id, SourceDataset source, String caseId, SampleText text, ImageRef... images) {
    return new Sample(id, source, caseId, text, new ArrayList<>(List.of(images)), List.of(), null, List.of(),
        Licence.unknown("test"), new Provenance("test/" + id, caseId, null, null, null, "DedupFixtures"),
        Map.of(), Map.of());
  }

  static SampleText caption(String caption) {
    return SampleText.builder().caption(caption).build();
  }
}
