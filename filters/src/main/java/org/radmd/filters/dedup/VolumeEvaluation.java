package org.radmd.filters.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radmd.core.image.ImageDecodeException;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.Volume;

/**
 * The volume part of the evaluation: the eight Radiopaedia radiology series of the corpus as volumes
 * ({@link Volume#fromSlices}, 128 x 128 in-plane), each with the edits a re-published series goes through,
 * against volumes of other cases.
 *
 * <ul>
 *   <li><b>Edits</b> (labelled duplicates of their series): {@code RESLICED_EVEN} and {@code RESLICED_ODD}
 *       (every second slice, starting at the first or the second), {@code REWINDOWED} (window 30..220 applied
 *       to every voxel), {@code RESIZED} (256 x 256 in-plane), {@code NIFTI} (written as NIfTI-1 and hashed from
 *       the file as stored, the path the pipeline takes).
 *   <li><b>Negatives</b>: the nibabel test volumes of {@code shared/corpus/nifti} (other patients and
 *       scanners). Other series of the same study are the same patient in one session, co-registered, and
 *       are never compared by the build; their distances are reported, not labelled.
 * </ul>
 */
public final class VolumeEvaluation {
  private VolumeEvaluation() {}

  /**
   * The outcome.
   *
   * @param series series evaluated
   * @param recall share of (series, edit) pairs within {@link VolumeHash#DEFAULT_MAX_MEAN_HAMMING}
   * @param falsePositives (series or edit, other-case volume) pairs within the threshold
   * @param negatives such pairs in all
   * @param editDistances mean slice-wise Hamming distance of each edit to its series, by edit, worst case
   * @param closestNegative smallest mean distance to an other-case volume
   * @param sameStudy mean distance between different series of the one study (unlabelled), min / median
   */
  public record Report(int series, double recall, long falsePositives, long negatives,
      Map<String, Double> editDistances, double closestNegative, double[] sameStudy) {

    /** Human-readable summary. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "volumes: %d series; recall at mean slice-wise Hamming <= %.0f: %.4f;"
          + " false positives %d of %d other-case pairs (closest %.2f bits)%n", series,
          VolumeHash.DEFAULT_MAX_MEAN_HAMMING, recall, falsePositives, negatives, closestNegative));
      sb.append("worst mean distance by edit:");
      editDistances.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s=%.2f", k, v)));
      sb.append(String.format(Locale.ROOT, "%nother series of the same study (not labelled): min %.2f, median %.2f"
          + " bits%n", sameStudy[0], sameStudy[1]));
      return sb.toString();
    }
  }

  /**
   * Builds the volumes and scores {@link VolumeHash}.
   *
   * @param corpus {@code shared/corpus}
   * @throws UncheckedIOException if a file cannot be read or a temporary NIfTI written
   */
  public static Report run(Path corpus) {
    List<List<Path>> series = new ArrayList<>();
    for (Path dir : EvalCorpus.radiopaediaSeries(corpus)) {
      if (!dir.getFileName().toString().contains("h&e")) {
        series.add(EvalCorpus.slices(dir));
      }
    }
    List<VolumeHash> negatives = new ArrayList<>();
    for (Path p : EvalCorpus.files(corpus.resolve("nifti"), ".nii")) {
      negatives.add(readNifti(p));
    }
    for (Path p : EvalCorpus.files(corpus.resolve("nifti"), ".nii.gz")) {
      negatives.add(readNifti(p));
    }
    List<VolumeHash> originals = new ArrayList<>();
    Map<String, Double> worst = new LinkedHashMap<>();
    long found = 0;
    long total = 0;
    long fp = 0;
    long neg = 0;
    double closest = 64;
    for (List<Path> slices : series) {
      Volume v = volume(slices, 128);
      VolumeHash original = VolumeHash.of(v);
      originals.add(original);
      Map<String, VolumeHash> edits = new LinkedHashMap<>();
      edits.put("RESLICED_EVEN", VolumeHash.of(volume(every2nd(slices, 0), 128)));
      edits.put("RESLICED_ODD", VolumeHash.of(volume(every2nd(slices, 1), 128)));
      edits.put("REWINDOWED", VolumeHash.of(window(v, 30, 220)));
      edits.put("RESIZED", VolumeHash.of(volume(slices, 256)));
      edits.put("NIFTI", viaNifti(v));
      List<VolumeHash> members = new ArrayList<>(edits.values());
      members.add(original);
      for (Map.Entry<String, VolumeHash> e : edits.entrySet()) {
        double d = VolumeHash.distance(original, e.getValue());
        worst.merge(e.getKey(), d, Math::max);
        total++;
        found += d <= VolumeHash.DEFAULT_MAX_MEAN_HAMMING ? 1 : 0;
      }
      for (VolumeHash m : members) {
        for (VolumeHash n : negatives) {
          double d = VolumeHash.distance(m, n);
          closest = Math.min(closest, d);
          neg++;
          fp += d <= VolumeHash.DEFAULT_MAX_MEAN_HAMMING ? 1 : 0;
        }
      }
    }
    List<Double> same = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      for (int j = i + 1; j < originals.size(); j++) {
        same.add(VolumeHash.distance(originals.get(i), originals.get(j)));
      }
    }
    same.sort(null);
    double[] sameStudy = same.isEmpty() ? new double[] {0, 0} : new double[] {same.get(0), same.get(same.size() / 2)};
    return new Report(series.size(), total == 0 ? 1 : (double) found / total, fp, neg, worst, closest, sameStudy);
  }

  private static Volume volume(List<Path> slices, int size) {
    try {
      return Volume.fromSlices(slices, size);
    } catch (ImageDecodeException e) {
      throw new IllegalStateException("corpus slice unreadable: " + e.getMessage(), e);
    }
  }

  private static List<Path> every2nd(List<Path> slices, int start) {
    List<Path> out = new ArrayList<>();
    for (int i = start; i < slices.size(); i += 2) {
      out.add(slices.get(i));
    }
    return out;
  }

  private static Volume window(Volume v, double lo, double hi) {
    byte[] vox = v.voxels();
    for (int i = 0; i < vox.length; i++) {
      double x = 255 * ((vox[i] & 0xff) - lo) / (hi - lo);
      vox[i] = (byte) Math.max(0, Math.min(255, Math.round(x)));
    }
    return Volume.of(v.width(), v.height(), v.depth(), vox, v.spacingMm());
  }

  private static VolumeHash viaNifti(Volume v) {
    try {
      Path tmp = Files.createTempFile("radmd-dedup-eval", ".nii.gz");
      try {
        Nifti.writeNiftiGz(v, tmp);
        return VolumeHash.of(Nifti.read(tmp));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static VolumeHash readNifti(Path p) {
    try {
      return VolumeHash.of(Nifti.read(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
