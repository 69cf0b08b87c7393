package org.radmd.scrapers.medpix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.Ids;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.support.JsonLines;
import org.radmd.scrapers.support.Origins;

/**
 * Reads MedPix 2.0 case files into MPx samples ({@link SourceDataset#MPX}, radfm-spec §1.4).
 *
 * <p>Accepts {@code data<suffix>.jsonl} (e.g. {@code data_dev.subset.jsonl}) when the sibling {@code
 * descriptions<suffix>.jsonl} exists. One sample per case line: id {@code Ids.sampleId(MPX, U_id)}, caseId
 * U_id; text.title = Case.Title, history = Case.History, findings = Case.Findings, impression and diagnoses
 * = Case["Case Diagnosis"], discussion = Case.Discussion (kept even when it is a filler such as "Please see
 * factoid."). Images: the {@code TAC} list then the {@code MRI} list (repeats dropped), each {@code
 * images/<name>.png} with modality from the description's {@code Type} (else CT for TAC, MR for MRI),
 * modalityLabel = Description.Modality, plane = Description.Plane, caption = Description.Caption, text field
 * FINDINGS at 0. Sample modalities = distinct image modalities in order; anatomy = "Location Category" of
 * the first image. Attributes: diagnosis-by, differential-diagnosis, treatment-follow-up, exam (Case) and
 * acr-code, category, topic-title (Topic). The patient's Age and Sex (description level) are not copied
 * anywhere; History keeps whatever the source wrote.
 *
 * <p>Rejects (stage PARSE, source "MPx"): {@code json-malformed} (per line, of either file; other lines are
 * still read), {@code json-missing-field} (no U_id), {@code case-duplicate} (U_id seen before in the file),
 * {@code image-missing} (per image without PNG; the case is kept while one image remains), {@code no-images}
 * (no image left), {@code json-unexpected} (a record whose values have unexpected JSON types),
 * {@code io-error}.
 *
 * <p>Stateless, thread-safe and serializable.
 */
public final class MedPixReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  private static final Pattern DATA = Pattern.compile("data(.*)\\.jsonl");
  private static final SourceDataset SOURCE = SourceDataset.MPX;

  @Override
  public String name() {
    return "medpix";
  }

  @Override
  public boolean accepts(Path file) {
    return descriptionsOf(file).filter(Files::isRegularFile).isPresent() && Files.isRegularFile(file);
  }

  /** The {@code descriptions<suffix>.jsonl} sibling name of a {@code data<suffix>.jsonl} file. */
  static Optional<Path> descriptionsOf(Path dataFile) {
    Path fn = dataFile.getFileName();
    if (fn == null) {
      return Optional.empty();
    }
    Matcher m = DATA.matcher(fn.toString());
    return m.matches() ? Optional.of(dataFile.resolveSibling("descriptions" + m.group(1) + ".jsonl"))
        : Optional.empty();
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    String origin = Origins.relative(file, inputRoot);
    List<Reject> rejects = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    Optional<Path> descFile = descriptionsOf(file);
    if (descFile.isEmpty() || !Files.isRegularFile(descFile.get())) {
      return ReadResult.rejected(new Reject(SOURCE.displayName(), Stage.PARSE, "io-error",
          "no descriptions file beside " + origin, origin, null));
    }
    MedPixDescriptions descriptions;
    try {
      descriptions = MedPixDescriptions.load(descFile.get(), Origins.relative(descFile.get(), inputRoot),
          rejects);
    } catch (IOException | RuntimeException e) {
      return ReadResult.rejected(new Reject(SOURCE.displayName(), Stage.PARSE, "io-error",
          "cannot read " + descFile.get().getFileName() + " beside " + origin + ": " + e, origin, null));
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    Set<String> seen = new HashSet<>();
    try {
      JsonLines.forEach(file, line -> {
        if (!line.ok() || !line.value().isObject()) {
          rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "json-malformed",
              origin + " line " + line.number() + ": " + (line.ok() ? "not a JSON object" : line.error()),
              origin, null));
          return;
        }
        String uid = JsonLines.text(line.value(), "U_id");
        if (uid == null) {
          rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "json-missing-field",
              origin + " line " + line.number() + ": no U_id", origin, null));
          return;
        }
        uid = uid.strip();
        if (!seen.add(uid)) {
          rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "case-duplicate",
              origin + " line " + line.number() + ": case " + uid + " occurs again", origin,
              Ids.sampleId(SOURCE, uid)));
          return;
        }
        try {
          Sample s = MedPixCases.toSample(line.value(), uid, descriptions, folder, inputRoot, origin, rejects);
          if (s != null) {
            samples.add(s);
          }
        } catch (RuntimeException e) {
          rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "json-unexpected",
              origin + " line " + line.number() + ": case " + uid + " could not be read: " + e, origin,
              Ids.sampleId(SOURCE, uid)));
        }
      });
    } catch (IOException | RuntimeException e) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "io-error",
          "cannot read " + origin + ": " + e, origin, null));
    }
    return new ReadResult(samples, rejects);
  }
}
