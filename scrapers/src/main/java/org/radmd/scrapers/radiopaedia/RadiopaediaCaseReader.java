package org.radmd.scrapers.radiopaedia;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.support.JsonLines;
import org.radmd.scrapers.support.Origins;

/**
 * Reads a scraped Radiopaedia case ({@code case.json} plus study folders) into RP3D samples ({@link
 * SourceDataset#RP3D}, radfm-spec §1.3): one sample per study, i.e. per {@code containers} entry {@code
 * "<slug>-N"}, whose images are the series folders of {@code N/} next to {@code case.json}.
 *
 * <p>Sample: id {@code Ids.sampleId(RP3D, rid, N)}, caseId {@code "rID-<rid>"}; text.title and the single
 * diagnosis = the case title from the citation ({@link RadiopaediaCitation}; Radiopaedia case titles are
 * diagnoses); history = presentation + " " + patient data as {@code "Age: 10 years Gender: Male"} (an age
 * of 90 years or more is written "90+ years", HIPAA Safe Harbor); findings = the container's findings. Each
 * series folder is one image: id {@code "N/<series>"}, {@link ImageKind#VOLUME_3D} with path = the folder
 * when it has more than one slice, else {@link ImageKind#IMAGE_2D} with path = the slice file;
 * sourceFiles = the slices relative to the input root in slice order ({@link StudyFolders}); modality and
 * plane from the series name ({@link SeriesNames}), else from the series' and then the study's labels that a
 * harvested case page recorded ({@link RadiopaediaCasePage}: {@code containers.*.series[]} {@code modality}, {@code
 * plane}; {@code containers.*.modality}), modalityLabel = the series name; text field FINDINGS at 0. Discussion
 * = {@code case_data.discussion} when present (harvested pages). Attributes: systems, published, articles (linked
 * article titles joined by {@code "; "}, harvested pages). The citation's institution is deliberately not
 * copied (it helps to
 * identify the patient). Provenance: originId = rid, doi without resolver prefix, url = permalink.
 *
 * <p>Rejects (stage PARSE, source "RP3D"): {@code json-malformed} (line and column), {@code
 * json-missing-field} (no citation/containers object, or no rid), {@code image-missing} (study folder N/
 * absent, or a series folder without slices), {@code no-images} (a study with no usable series), {@code
 * io-error}.
 *
 * <p>Stateless, thread-safe and serializable.
 */
public final class RadiopaediaCaseReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  static final String PARSER = "RadiopaediaCaseReader";
  private static final SourceDataset SOURCE = SourceDataset.RP3D;
  private static final long MAX_SNIFF_BYTES = 1 << 20;

  @Override
  public String name() {
    return "radiopaedia";
  }

  /** Accepts a file named {@code case.json} whose top-level JSON object has "citation" and "containers". */
  @Override
  public boolean accepts(Path file) {
    Path fn = file.getFileName();
    if (fn == null || !fn.toString().equals("case.json") || !Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = Json.mapper().getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean citation = false;
      boolean containers = false;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        citation |= name.equals("citation");
        containers |= name.equals("containers");
        if (citation && containers) {
          return true;
        }
        p.nextToken();
        p.skipChildren();
        if (p.currentLocation().getByteOffset() > MAX_SNIFF_BYTES) {
          return false;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    String origin = Origins.relative(file, inputRoot);
    JsonNode root;
    try {
      root = Json.mapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      return reject("json-malformed", "malformed JSON in " + origin + " at " + JsonLines.describe(e, true),
          origin, null);
    } catch (IOException | RuntimeException e) {
      return reject("io-error", "cannot read " + origin + ": " + e, origin, null);
    }
    JsonNode citation = root == null ? null : root.get("citation");
    JsonNode containers = root == null ? null : root.get("containers");
    if (citation == null || !citation.isObject() || containers == null || !containers.isObject()) {
      return reject("json-missing-field", origin + " lacks a \"citation\" or \"containers\" object", origin,
          null);
    }
    try {
      CaseRecord record = CaseRecord.of(root, file);
      if (record == null) {
        return reject("json-missing-field", origin + ": no rID in the citation, doi, permalink or folder name",
            origin, null);
      }
      return samples(record, file, inputRoot, origin);
    } catch (RuntimeException e) {
      return reject("json-unexpected", origin + " could not be read: " + e, origin, null);
    }
  }

  private ReadResult samples(CaseRecord c, Path file, Path inputRoot, String origin) {
    Licence licence = RadiopaediaLicence.of(c.author(), c.rid());
    Provenance prov = new Provenance(origin, c.rid(), c.doi(), null, c.permalink(), PARSER);
    Map<String, String> attrs = new LinkedHashMap<>();
    putIfPresent(attrs, "systems", c.systems());
    putIfPresent(attrs, "published", c.published());
    putIfPresent(attrs, "articles", String.join("; ", c.articles()));
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Path caseDir = file.toAbsolutePath().normalize().getParent();
    for (CaseRecord.Study study : c.studies()) {
      String n = String.valueOf(study.number());
      String id = Ids.sampleId(SOURCE, c.rid(), n);
      List<ImageRef> images = images(caseDir.resolve(n), study, c.rid(), origin, id, inputRoot, rejects);
      if (images.isEmpty()) {
        continue;
      }
      List<Modality> modalities = images.stream().map(ImageRef::modality).filter(Objects::nonNull).toList();
      SampleText text = SampleText.builder().title(c.title()).history(c.history()).findings(study.findings())
          .discussion(c.discussion()).build();
      samples.add(new Sample(id, SOURCE, "rID-" + c.rid(), text, images, modalities, null,
          c.title() == null ? List.of() : List.of(c.title()), licence, prov, attrs, Map.of()));
    }
    return new ReadResult(samples, rejects);
  }

  private List<ImageRef> images(Path studyDir, CaseRecord.Study study, String rid, String origin, String sampleId,
      Path inputRoot, List<Reject> rejects) {
    String n = String.valueOf(study.number());
    List<ImageRef> out = new ArrayList<>();
    if (!Files.isDirectory(studyDir)) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "image-missing",
          "case rID " + rid + " (" + origin + "): study folder " + n + "/ does not exist", origin, sampleId));
      return out;
    }
    try {
      for (Path series : StudyFolders.series(studyDir)) {
        String seriesName = series.getFileName().toString();
        List<Path> slices = StudyFolders.slices(series);
        if (slices.isEmpty()) {
          rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "image-missing",
              "case rID " + rid + " (" + origin + "): series folder " + n + "/" + seriesName
                  + "/ has no image files", origin, sampleId));
          continue;
        }
        boolean volume = slices.size() > 1;
        CaseRecord.SeriesInfo info = study.series().get(seriesName);
        Modality modality = SeriesNames.modality(seriesName);
        if (modality == null) {
          modality = SeriesNames.fromLabel(info == null ? null : info.modality());
        }
        if (modality == null) {
          modality = SeriesNames.fromLabel(study.modality());
        }
        String plane = SeriesNames.plane(seriesName);
        if (plane == null && info != null) {
          plane = info.plane();
        }
        out.add(ImageRef.unresolved(n + "/" + seriesName, volume ? ImageKind.VOLUME_3D : ImageKind.IMAGE_2D,
            (volume ? series : slices.get(0)).toString(),
            slices.stream().map(s -> Origins.relative(s, inputRoot)).toList(), TextField.FINDINGS, 0,
            modality, seriesName, plane, null));
      }
    } catch (IOException e) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "io-error",
          "case rID " + rid + " (" + origin + "): cannot list study folder " + n + "/: " + e, origin, sampleId));
      return List.of();
    }
    if (out.isEmpty()) {
      rejects.add(new Reject(SOURCE.displayName(), Stage.PARSE, "no-images",
          "case rID " + rid + " (" + origin + "): study folder " + n + "/ has no series with images", origin,
          sampleId));
    }
    return out;
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank() && !v.equals("-")) {
      m.put(k, v);
    }
  }

  private static ReadResult reject(String reason, String message, String origin, String itemId) {
    return ReadResult.rejected(new Reject(SOURCE.displayName(), Stage.PARSE, reason, message, origin, itemId));
  }
}
