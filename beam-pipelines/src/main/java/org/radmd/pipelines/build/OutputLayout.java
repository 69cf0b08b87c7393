package org.radmd.pipelines.build;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The output layout of {@code radmd build --out OUT}. Every path a sample's JSON holds is relative to
 * {@code OUT}, so an output folder can be moved as a whole. Immutable and serializable.
 *
 * <pre>
 * OUT/medmd/samples-SSSSS-of-NNNNN.jsonl   every kept sample (MedMD)
 * OUT/medmd/images/ab/&lt;sha256&gt;.png        2D images, content-addressed by decoded-pixel hash
 * OUT/medmd/volumes/ab/&lt;sha256&gt;.nii.gz    3D volumes (uint8 NIfTI-1), plus &lt;sha256&gt;.png key slice
 * OUT/radmd/samples-SSSSS-of-NNNNN.jsonl   the filtered radiology set (RadMD); images shared with medmd/
 * OUT/rejects/rejects-SSSSS-of-NNNNN.jsonl every dropped or failed item: source, stage, reason, origin
 * OUT/index/                               Lucene index of MedMD
 * OUT/stats.json                           counts by source, modality, stage and reason
 * </pre>
 */
public record OutputLayout(String root) implements Serializable {
  public static final String MEDMD = "medmd";
  public static final String RADMD = "radmd";
  public static final String REJECTS = "rejects";
  public static final String INDEX = "index";
  public static final String STATS = "stats.json";

  public Path rootPath() {
    return Path.of(root);
  }

  public Path resolve(String relative) {
    return rootPath().resolve(relative);
  }

  /** Output-relative path of a 2D image with decoded-pixel hash {@code sha256}. */
  public static String imagePath(String sha256) {
    return MEDMD + "/images/" + sha256.substring(0, 2) + "/" + sha256 + ".png";
  }

  /** Output-relative path of a volume with voxel hash {@code sha256}. */
  public static String volumePath(String sha256) {
    return MEDMD + "/volumes/" + sha256.substring(0, 2) + "/" + sha256 + ".nii.gz";
  }

  /** Output-relative path of a volume's key-slice thumbnail. */
  public static String volumeThumbnailPath(String sha256) {
    return MEDMD + "/volumes/" + sha256.substring(0, 2) + "/" + sha256 + ".png";
  }
}
