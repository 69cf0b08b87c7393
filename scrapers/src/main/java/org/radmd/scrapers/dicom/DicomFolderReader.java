package org.radmd.scrapers.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.core.dicom.DeidentificationException;
import org.radmd.core.dicom.Deidentifier;
import org.radmd.core.dicom.DicomDataset;
import org.radmd.core.dicom.DicomDecodeException;
import org.radmd.core.dicom.DicomFile;
import org.radmd.core.dicom.DicomSeries;
import org.radmd.core.dicom.DicomSeriesExporter;
import org.radmd.core.dicom.SeriesAssembler;
import org.radmd.core.dicom.SeriesIssue;
import org.radmd.core.dicom.TransferSyntax;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;

/**
 * Reads a folder of a local DICOM collection as one study and forms one {@link SourceDataset#DICOM} sample for
 * report generation: its images are the study's series (3D volumes, or 2D for single images), its text the
 * study's report, from {@code *.txt} files in the folder or from DICOM Structured Reports (Text Values of the
 * content tree).
 *
 * <p>The reader accepts the first DICOM file of a folder (by name) and reads the whole folder from it, so each
 * folder yields one sample however many files it holds. Headers only are read here; pixels are decoded by
 * normalization ({@link DicomSeriesExporter} on the series of {@link DicomStudyFolder}), which finds each series
 * by its image id ({@link DicomSeriesExporter#nameOf}).
 *
 * <p>Nothing identifying leaves the reader (PS3.15 Annex E): sample and case ids, origins and image ids are keyed
 * pseudonyms ({@link Deidentifier}) of the Study/Series Instance UIDs and the patient, never folder or file
 * names; titles and captions are de-identified descriptions (Clean Descriptors); report text has every
 * identifying header value of the study removed ({@link Deidentifier#cleanText}); reject messages name the file
 * by pseudonym. {@link ImageRef#sourceFiles()} is left empty for the same reason; {@link ImageRef#path()} is the
 * absolute study folder, for normalization, and is replaced by the stored path there.
 *
 * <p>Rejects (stage PARSE, source "DICOM"): each {@link DicomDecodeException.Failure#code()} for unreadable files
 * (e.g. {@code dicom-truncated}), {@code dicom-unsupported-transfer-syntax} for images radmd cannot decode,
 * {@code dicom-burned-in-annotation}, {@code dicom-series-duplicate-positions}, {@code no-images}, {@code io-error}.
 *
 * <p>The keyed pseudonyms need one secret per build, the same in every JVM of the build: pass it to the
 * constructor, or set {@code RADMD_DEID_SECRET} (at least 16 characters); without either, a random secret is made
 * once per JVM (consistent within a single-JVM build only). Stateless apart from that secret, thread-safe and
 * serializable.
 */
public final class DicomFolderReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  static final String PARSER = "DicomFolderReader";
  private static final SourceDataset SOURCE = SourceDataset.DICOM;
  private static final byte[] JVM_SECRET = defaultSecret();

  private final byte[] secret;

  /** A reader with the build secret from {@code RADMD_DEID_SECRET}, else a random per-JVM secret. */
  public DicomFolderReader() {
    this(JVM_SECRET);
  }

  /** A reader with this build's de-identification secret (at least 16 bytes; copied). */
  public DicomFolderReader(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the de-identification secret needs at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  private static byte[] defaultSecret() {
    String env = System.getenv("RADMD_DEID_SECRET");
    if (env != null && env.length() >= 16) {
      return env.getBytes(StandardCharsets.UTF_8);
    }
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  private Deidentifier deidentifier() {
    return new Deidentifier(secret, Deidentifier.Options.defaults());
  }

  @Override
  public String name() {
    return "dicom";
  }

  /** Accepts the first DICOM file (by name) of its folder; see {@link DicomStudyFolder#isDicom}. */
  @Override
  public boolean accepts(Path file) {
    try {
      if (!DicomStudyFolder.isDicom(file) || file.toAbsolutePath().getParent() == null) {
        return false;
      }
      List<Path> all = DicomStudyFolder.dicomFiles(file.toAbsolutePath().getParent());
      return !all.isEmpty() && all.get(0).getFileName().equals(file.getFileName());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    Path folder = file.toAbsolutePath().normalize().getParent();
    Deidentifier deid = deidentifier();
    String folderKey = "dicom/" + deid.pseudonym("folder|" + folder, 16);
    List<Reject> rejects = new ArrayList<>();
    List<Path> files;
    String reportFiles;
    try {
      files = DicomStudyFolder.dicomFiles(folder);
      reportFiles = DicomStudyFolder.readText(DicomStudyFolder.textReports(folder));
    } catch (IOException e) {
      return ReadResult.rejected(new Reject(SOURCE.displayName(), Stage.PARSE, "io-error",
          "cannot list the study folder: " + e.getClass().getSimpleName(), folderKey, null));
    }
    DicomStudyFolder.Headers headers = DicomStudyFolder.headers(files);
    for (DicomDecodeException e : headers.failures()) {
      rejects.add(fileReject(deid, e.file(), e.failure().code(), sanitize(e.getMessage(), e.file(), deid)));
    }
    List<DicomFile> images = new ArrayList<>();
    List<DicomDataset> all = new ArrayList<>();
    StringBuilder srText = new StringBuilder();
    for (DicomFile f : headers.files()) {
      all.add(f.dataset());
      if (DicomStudyFolder.isStructuredReport(f.dataset())) {
        String t = DicomStudyFolder.structuredReportText(f.dataset());
        if (!t.isBlank()) {
          srText.append(srText.length() == 0 ? "" : "\n").append(t);
        }
      } else if (!DicomStudyFolder.isImage(f.dataset())) {
        continue;
      } else if (!TransferSyntax.of(f.transferSyntaxUid()).map(TransferSyntax::decodable).orElse(false)) {
        rejects.add(fileReject(deid, f.source(), DicomDecodeException.Failure.UNSUPPORTED_TRANSFER_SYNTAX.code(),
            "unsupported Transfer Syntax " + TransferSyntax.describe(f.transferSyntaxUid())));
      } else {
        try {
          deid.checkPixels(f.dataset());
          images.add(f);
        } catch (DeidentificationException e) {
          rejects.add(fileReject(deid, f.source(), e.reason(), e.getMessage()));
        }
      }
    }
    if (images.isEmpty()) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "no-images",
          "no decodable DICOM image in the study folder", folderKey, null));
      return new ReadResult(List.of(), rejects);
    }
    // A folder may hold several studies (or patients): one sample per Study Instance UID, in pseudonym order.
    Map<String, List<DicomFile>> byStudy = new java.util.TreeMap<>();
    for (DicomFile f : images) {
      String key = f.dataset().string("StudyInstanceUID").orElse("folder|" + folder);
      byStudy.computeIfAbsent(deid.pseudonym("study|" + key, 16), k -> new ArrayList<>()).add(f);
    }
    List<Sample> samples = new ArrayList<>();
    for (List<DicomFile> study : byStudy.values()) {
      boolean single = byStudy.size() == 1;
      Sample sample = studySample(study, single ? reportFiles : "", single ? srText.toString() : "", all, deid,
          folder, folderKey, rejects);
      if (sample != null) {
        samples.add(sample);
      }
    }
    return new ReadResult(samples, rejects);
  }

  /**
   * One study's sample, or null (with a reject) when none of its series is usable. Report files and DICOM SR
   * text beside the images belong to the study only when the folder holds one study (never guess across
   * patients).
   */
  private Sample studySample(List<DicomFile> images, String reportFiles, String srTextAll, List<DicomDataset> all,
      Deidentifier deid, Path folder, String folderKey, List<Reject> rejects) {
    StringBuilder srText = new StringBuilder(srTextAll);
    DicomDataset first = deid.deidentify(images.get(0).dataset());
    String studyKey = images.get(0).dataset().string("StudyInstanceUID").orElse("folder|" + folder);
    String studyId = deid.pseudonym("study|" + studyKey, 16);
    String sampleId = Ids.sampleId(SOURCE, studyId);
    DicomSeriesExporter names = new DicomSeriesExporter(deid);
    List<ImageRef> refs = new ArrayList<>();
    List<Modality> modalities = new ArrayList<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    List<String> issues = new ArrayList<>();
    String report = String.join("\n", List.of(reportFiles, srText.toString()).stream().filter(s -> !s.isBlank())
        .toList());
    TextField field = report.isBlank() ? TextField.TITLE : TextField.FINDINGS;
    for (DicomSeries s : SeriesAssembler.assemble(images)) {
      String imageId = names.nameOf(s);
      if (s.issues().stream().anyMatch(i -> i.kind().blocksVolume())) {
        rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "dicom-series-duplicate-positions",
            "series " + imageId + ": slices repeat positions (echoes, phases or copies); not one volume",
            folderKey, sampleId));
        continue;
      }
      DicomDataset d = deid.deidentify(s.slices().get(0).file().dataset());
      Modality m = Modality.fromCode(d.stringOrEmpty("Modality")).orElse(null);
      if (m != null) {
        modalities.add(m);
      }
      String description = d.string("SeriesDescription").orElse(null);
      refs.add(ImageRef.unresolved(imageId, s.size() > 1 ? ImageKind.VOLUME_3D : ImageKind.IMAGE_2D,
          folder.toString(), List.of(), field, 0, m, d.stringOrEmpty("Modality"), plane(s), description));
      s.issues().forEach(i -> issues.add(imageId + ":" + i.kind().name()));
    }
    if (refs.isEmpty()) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "no-images", "no usable series in the study folder",
          folderKey, sampleId));
      return null;
    }
    String findings = report.isBlank() ? null : deid.cleanText(report, all);
    attributes.put("deidentification", first.stringOrEmpty("DeidentificationMethod"));
    attributes.put("series", String.valueOf(refs.size()));
    if (!issues.isEmpty()) {
      attributes.put("series_issues", String.join(" ", issues));
    }
    first.string("BodyPartExamined").ifPresent(b -> attributes.put("body_part_examined", b));
    SampleText text = new SampleText(first.string("StudyDescription").orElse(null), null, List.of(), null, null,
        null, findings, null, null);
    Sample sample = new Sample(sampleId, SOURCE, "patient-" + first.stringOrEmpty("PatientID"), text, refs,
        modalities, anatomy(first), List.of(), Licence.unknown("Local DICOM collection: terms set by its owner"),
        new Provenance("dicom/" + studyId, studyId, null, null, null, PARSER), attributes, Map.of());
    return sample;

  }

  private static Reject fileReject(Deidentifier deid, Path file, String reason, String message) {
    return new Reject(SOURCE.displayName(), Stage.PARSE, reason, message,
        "dicom/file-" + deid.pseudonym("file|" + file.toAbsolutePath().normalize(), 16), null);
  }

  /** The message with the file path replaced by its pseudonym (paths may hold names or record numbers). */
  static String sanitize(String message, Path file, Deidentifier deid) {
    String p = file.toString();
    String abs = file.toAbsolutePath().normalize().toString();
    String id = "file-" + deid.pseudonym("file|" + file.toAbsolutePath().normalize(), 16);
    return message.replace(abs, id).replace(p, id);
  }

  /** Body Part Examined (0018,0015) in title case, e.g. "Prostate". */
  private static String anatomy(DicomDataset d) {
    return d.string("BodyPartExamined").map(b -> b.substring(0, 1).toUpperCase(Locale.ROOT)
        + b.substring(1).toLowerCase(Locale.ROOT)).orElse(null);
  }

  /** Axial, Sagittal or Coronal from the slice normal's dominant patient axis; null without orientation. */
  static String plane(DicomSeries s) {
    double[] n = s.slices().get(0).geometry().normal();
    if (n == null) {
      return null;
    }
    double x = Math.abs(n[0]);
    double y = Math.abs(n[1]);
    double z = Math.abs(n[2]);
    return z >= x && z >= y ? "Axial" : x >= y ? "Sagittal" : "Coronal";
  }
}
