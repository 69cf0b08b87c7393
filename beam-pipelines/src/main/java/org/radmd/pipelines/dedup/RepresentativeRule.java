package org.radmd.pipelines.dedup;

import java.util.Comparator;
import java.util.List;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.pipelines.build.ExactDedup;
import org.radmd.core.TextField;

/**
 * Which sample of a near-duplicate cluster is kept. In order:
 *
 * <ol>
 *   <li><b>most complete text</b>: more non-blank text fields ({@link TextField}: title, caption, inline,
 *       question, answer, history, findings, impression, discussion);
 *   <li><b>highest resolution</b>: more stored pixels over all its images ({@code H x W x D} of each
 *       {@code [C, H, W, D]} shape);
 *   <li><b>source priority</b>, as exact dedup orders sources (RP3D, MPx, DICOM, PMC-CaseReport, PMC-Inline,
 *       ROCO, MedICaT, COVID-19-CT-CXR): the more curated source first;
 *   <li>longer joined text;
 *   <li>smaller id, so the choice never depends on arrival order.
 * </ol>
 *
 * Completeness comes first because a duplicate's text is lost with it, while its pixels survive in the
 * representative at nearly the same resolution. Stateless and thread-safe.
 */
public final class RepresentativeRule {
  /** Best first. */
  public static final Comparator<Sample> BEST_FIRST = Comparator
      .comparingInt(RepresentativeRule::textFields).reversed()
      .thenComparing(Comparator.comparingLong(RepresentativeRule::pixels).reversed())
      .thenComparingInt(s -> sourcePriority(s.source()))
      .thenComparing(Comparator.comparingInt((Sample s) -> s.text().joined().length()).reversed())
      .thenComparing(Sample::id);

  private RepresentativeRule() {}

  /** Number of non-blank text fields. */
  static int textFields(Sample s) {
    int n = 0;
    for (TextField f : TextField.values()) {
      String v = s.text().get(f);
      if (v != null && !v.isBlank()) {
        n++;
      }
    }
    return n;
  }

  /** Stored pixels over all images: sum of {@code H * W * D}; 0 for images without a shape. */
  static long pixels(Sample s) {
    long total = 0;
    for (ImageRef i : s.images()) {
      List<Integer> shape = i.shape();
      if (shape.size() == 4) {
        total += (long) shape.get(1) * shape.get(2) * shape.get(3);
      }
    }
    return total;
  }

  /** The exact-dedup source order ({@link ExactDedup#sourcePriority}). */
  static int sourcePriority(SourceDataset d) {
    return ExactDedup.sourcePriority(d);
  }
}
