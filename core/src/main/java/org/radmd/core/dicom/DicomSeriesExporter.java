package org.radmd.core.dicom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.radmd.core.Json;

/**
 * Writes an assembled series as de-identified NIfTI plus a JSON sidecar:
 * {@code <name>.nii.gz} ({@link DicomVolume#writeNifti}) and {@code <name>.json} holding the de-identified
 * attributes of the first slice ({@link Deidentifier#deidentify}) and radmd's facts about the volume (shape,
 * spacing, affine, storage, issues). {@code <name>} is {@code series-} plus 16 hex characters of the keyed
 * pseudonym of the Series Instance UID and the group's geometry: no original identifier reaches a file name,
 * header or sidecar. Every slice is checked for burned-in text first ({@link Deidentifier#checkPixels}).
 * Thread-safe; writes are atomic per file.
 */
public final class DicomSeriesExporter {
  private final Deidentifier deidentifier;

  public DicomSeriesExporter(Deidentifier deidentifier) {
    this.deidentifier = Objects.requireNonNull(deidentifier, "deidentifier");
  }

  /**
   * What was written.
   *
   * @param name the file stem, {@code series-<16 hex>}
   * @param nifti the NIfTI file
   * @param sidecar the JSON sidecar
   * @param volume the volume written
   * @param issues what the assembler reported
   */
  public record Exported(String name, Path nifti, Path sidecar, DicomVolume volume, List<SeriesIssue> issues) {}

  /**
   * Exports one series into {@code outDir} (created if missing).
   *
   * @param gzip true for {@code .nii.gz}, false for {@code .nii}
   * @throws DeidentificationException if a slice may carry burned-in text
   * @throws IllegalArgumentException if no volume can be built (see {@link DicomVolume#of})
   * @throws IOException if writing fails
   */
  public Exported export(DicomSeries series, Path outDir, boolean gzip) throws DeidentificationException,
      IOException {
    for (DicomSeries.Slice s : series.slices()) {
      deidentifier.checkPixels(s.file().dataset());
    }
    DicomVolume volume = DicomVolume.of(series);
    DicomDataset first = series.slices().get(0).file().dataset();
    String name = nameOf(series);
    Files.createDirectories(outDir);
    Path nifti = outDir.resolve(name + (gzip ? ".nii.gz" : ".nii"));
    volume.writeNifti(nifti);
    Path sidecar = outDir.resolve(name + ".json");
    String json = Json.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(sidecar(deidentifier.deidentify(first), volume, series));
    Path tmp = Files.createTempFile(outDir, "." + name, ".tmp");
    try {
      Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new Exported(name, nifti, sidecar, volume, series.issues());
  }

  /**
   * The file stem {@code series-<16 hex>} of a series: a keyed pseudonym of its Series Instance UID, size and
   * first SOP Instance UID (so a series split by size or orientation gets distinct names). Stable within a
   * build (same secret), unlinkable across builds.
   */
  public String nameOf(DicomSeries series) {
    return "series-" + deidentifier.pseudonym(series.seriesInstanceUid() + "|" + series.rows() + "x"
        + series.columns() + "|" + series.slices().get(0).file().sopInstanceUid(), 16);
  }

  private static ObjectNode sidecar(DicomDataset deidentified, DicomVolume v, DicomSeries s) {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode attrs = root.putObject("dicom");
    for (DicomElement e : deidentified.elements()) {
      if (e.values().size() <= 1) {
        attrs.put(e.keyword(), e.first());
      } else {
        ArrayNode a = attrs.putArray(e.keyword());
        e.values().forEach(a::add);
      }
    }
    ObjectNode r = root.putObject("radmd");
    ArrayNode shape = r.putArray("shape");
    for (int d : v.shape()) {
      shape.add(d);
    }
    ArrayNode spacing = r.putArray("spacingMm");
    for (double d : v.spacingMm()) {
      spacing.add(d);
    }
    ArrayNode affine = r.putArray("affineRas");
    for (double[] row : v.affine()) {
      ArrayNode a = affine.addArray();
      for (double d : row) {
        a.add(d);
      }
    }
    r.put("storage", v.storage().name());
    r.put("values", s.modality().equals("CT") ? "HU" : "modality");
    r.put("photometric", v.inverted() ? "MONOCHROME1" : "MONOCHROME2");
    r.put("spatial", v.isSpatial());
    r.put("slices", s.size());
    ArrayNode issues = r.putArray("issues");
    for (SeriesIssue i : s.issues()) {
      issues.addObject().put("kind", i.kind().name()).put("detail", i.detail());
    }
    return root;
  }
}
