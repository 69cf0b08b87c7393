package org.radmd.pipelines.build;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Ids;
import org.radmd.core.dicom.DeidentificationException;
import org.radmd.core.dicom.Deidentifier;
import org.radmd.core.dicom.DicomDecodeException;
import org.radmd.core.dicom.DicomFile;
import org.radmd.core.dicom.DicomReader;
import org.radmd.core.dicom.DicomSeries;
import org.radmd.core.dicom.DicomSeriesExporter;
import org.radmd.core.dicom.DicomVolume;
import org.radmd.core.dicom.SeriesAssembler;
import org.radmd.core.image.Volume;
import org.radmd.scrapers.dicom.DicomStudyFolder;

/**
 * Stores the series of a DICOM study sample (from {@link org.radmd.scrapers.dicom.DicomFolderReader}): each
 * image's {@code path} is the study folder and its {@code id} the series' keyed name, so the folder is read
 * once, its series assembled (ordered along the slice normal), and each wanted series written under the
 * content-addressed layout: volumes as NIfTI-1 in Hounsfield units (CT) or stored values with the RAS affine,
 * named by the SHA-256 of the file, plus a min-max key-slice PNG; single-slice series as PNG.
 *
 * <p>No original identifier reaches an output: file names are hashes, the NIfTI header carries no DICOM
 * attribute, and failures are reported by code, never by path. Serializable; not thread-safe per instance
 * (Beam gives each DoFn instance one thread).
 */
final class DicomImageStore implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] secret;

  DicomImageStore(byte[] secret) {
    this.secret = secret.clone();
  }

  /** Thrown for a series that cannot be stored; the message holds no path or identifier. */
  static final class StoreException extends IOException {
    private static final long serialVersionUID = 1L;
    final String reason;

    StoreException(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  /**
   * Stores every image of one study; the result maps image id to the stored image, or to the exception that
   * stopped it.
   */
  Map<String, Object> storeAll(List<ImageRef> images, OutputLayout layout, int maxImageSide) {
    Map<String, Object> out = new HashMap<>();
    if (images.isEmpty()) {
      return out;
    }
    Map<String, DicomSeries> byName;
    try {
      byName = seriesByName(Path.of(images.get(0).path()));
    } catch (IOException e) {
      images.forEach(i -> out.put(i.id(), new StoreException("io-error", "cannot list the study folder")));
      return out;
    }
    for (ImageRef image : images) {
      DicomSeries series = byName.get(image.id());
      if (series == null) {
        out.put(image.id(), new StoreException("dicom-series-missing", "series " + image.id()
            + " no longer decodes (files changed or pixel data unreadable)"));
        continue;
      }
      try {
        out.put(image.id(), store(image, series, layout, maxImageSide));
      } catch (DeidentificationException e) {
        out.put(image.id(), new StoreException(e.reason(), "series " + image.id() + ": " + e.getMessage()));
      } catch (IOException | RuntimeException e) {
        out.put(image.id(), new StoreException("dicom-unstorable",
            "series " + image.id() + ": " + e.getClass().getSimpleName()));
      }
    }
    return out;
  }

  private Map<String, DicomSeries> seriesByName(Path folder) throws IOException {
    List<DicomFile> decoded = new ArrayList<>();
    for (Path p : DicomStudyFolder.dicomFiles(folder)) {
      try {
        DicomFile f = DicomReader.pixelMed().read(p);
        if (f.dataset().integer("Rows").isPresent() && f.dataset().integer("Columns").isPresent()) {
          decoded.add(f);
        }
      } catch (DicomDecodeException e) {
        // Already a PARSE reject with its reason (DicomFolderReader); its series simply has fewer files.
      }
    }
    DicomSeriesExporter names = new DicomSeriesExporter(deidentifier());
    Map<String, DicomSeries> byName = new HashMap<>();
    for (DicomSeries s : SeriesAssembler.assemble(decoded)) {
      byName.put(names.nameOf(s), s);
    }
    return byName;
  }

  private ImageRef store(ImageRef image, DicomSeries series, OutputLayout layout, int maxImageSide)
      throws IOException, DeidentificationException {
    Deidentifier deid = deidentifier();
    for (DicomSeries.Slice s : series.slices()) {
      deid.checkPixels(s.file().dataset());
    }
    DicomVolume volume = DicomVolume.of(series);
    Volume grey = volume.toGrey8();
    if (image.kind() == ImageKind.IMAGE_2D) {
      return ContentStore.png(layout, image, grey.slice(0), maxImageSide).ref();
    }
    Path dir = layout.resolve(OutputLayout.MEDMD + "/volumes");
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".dicom", ".nii.gz");
    try {
      volume.writeNifti(tmp);
      String hash = Ids.sha256Hex(Files.readAllBytes(tmp));
      Path target = layout.resolve(OutputLayout.volumePath(hash));
      Files.createDirectories(target.getParent());
      if (!Files.exists(target) || !Files.exists(layout.resolve(OutputLayout.volumeThumbnailPath(hash)))) {
        ContentStore.keySlice(layout, hash, grey); // first: the volume file marks both complete (resume)
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      int[] shape = volume.shape();
      return image.stored(OutputLayout.volumePath(hash), List.of(3, shape[1], shape[0], shape[2]), hash);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Deidentifier deidentifier() {
    return new Deidentifier(secret, Deidentifier.Options.defaults());
  }
}
