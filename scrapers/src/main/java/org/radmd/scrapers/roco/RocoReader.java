package org.radmd.scrapers.roco;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radmd.core.Ids;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.support.CcCodes;
import org.radmd.scrapers.support.Origins;
import org.radmd.scrapers.support.Whitespace;

/**
 * Reads a ROCO folder (Pelka et al. 2018, razorx89/roco-dataset) into ROCO samples ({@link SourceDataset#ROCO}):
 * one sample per line of {@code captions.txt} ({@code ROCO_id<TAB>caption}), completed from the sibling {@code
 * dlinks.txt}, {@code licences.txt} and {@code keywords.txt} ({@link RocoTables}).
 *
 * <p>Accepts a file named {@code captions.txt} whose folder also holds {@code dlinks.txt}.
 *
 * <p>Images: ROCO ships links, not pixels. The image is looked up where ROCO's own {@code scripts/fetch.py}
 * puts it, {@code images/<PMCID>_<file>} beside {@code dlinks.txt} ({@link RocoItem#localImageName()}). When it
 * is there the item becomes a sample; when not, it becomes a {@code image-not-local} reject whose message names
 * the PMC OA package URL and the file inside it, so that the figure can be harvested (e.g. {@code radmd harvest
 * --source pmc} unpacks that package) and the folder read again. Remote paths never enter an {@link ImageRef}:
 * the pipeline contract is that image paths are local files.
 *
 * <p>Sample: id {@code Ids.sampleId(ROCO, rocoId)}, caseId the PMCID (else the ROCO id), text.caption = the
 * caption (whitespace collapsed); one {@link ImageKind#IMAGE_2D} image with id = ROCO id, text field CAPTION,
 * position 0, no modality (ROCO's radiology / non-radiology split is by folder, it has no per-image modality).
 * Licence: the {@code CC} column of {@code licences.txt} via {@link CcCodes} ({@code "CC BY-NC"} -> {@code
 * "CC-BY-NC"}, {@code "NO-CC CODE"} -> unknown). Attributes: {@code keywords} ("; "-joined), {@code
 * image-file}, {@code package-url}, {@code licence-code}. Provenance: origin = {@code captions.txt} relative to
 * the input root, originId = ROCO id, url = the article's PMC page.
 *
 * <p>Rejects (stage PARSE, source "ROCO"): {@code line-malformed} (no tab), {@code caption-missing}, {@code
 * item-duplicate} (ROCO id seen before), {@code link-missing} (no {@code dlinks.txt} entry), {@code
 * image-not-local}, {@code io-error}.
 *
 * <p>Stateless, thread-safe and serializable.
 */
public final class RocoReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  /** The parser name recorded in {@link Provenance#parser()}. */
  public static final String PARSER = "RocoReader";
  /** The captions file name. */
  public static final String CAPTIONS = "captions.txt";
  static final String DLINKS = "dlinks.txt";
  /** The image folder name beside {@code dlinks.txt}, as ROCO's {@code fetch.py} names it. */
  public static final String IMAGES = "images";
  private static final SourceDataset SOURCE = SourceDataset.ROCO;

  @Override
  public String name() {
    return "roco";
  }

  @Override
  public boolean accepts(Path file) {
    Path fn = file.getFileName();
    return fn != null && fn.toString().equals(CAPTIONS) && Files.isRegularFile(file)
        && Files.isRegularFile(file.resolveSibling(DLINKS));
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    String origin = Origins.relative(file, inputRoot);
    Path folder = file.toAbsolutePath().normalize().getParent();
    RocoTables tables;
    List<String> lines;
    try {
      tables = RocoTables.load(folder);
      lines = RocoTables.lines(file);
    } catch (IOException | RuntimeException e) {
      return ReadResult.rejected(reject("io-error", "cannot read " + origin + " or its side files: " + e, origin,
          null));
    }
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (Whitespace.isBlank(line)) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        rejects.add(reject("line-malformed", String.format(Locale.ROOT,
            "%s line %d: expected ROCO_id<TAB>caption", origin, i + 1), origin, null));
        continue;
      }
      String rocoId = line.substring(0, tab).strip();
      String id = Ids.sampleId(SOURCE, rocoId);
      if (!seen.add(rocoId)) {
        rejects.add(reject("item-duplicate", origin + " line " + (i + 1) + ": " + rocoId + " occurs again", origin,
            id));
        continue;
      }
      RocoItem item = tables.item(rocoId, Whitespace.collapseToNull(line.substring(tab + 1)));
      Reject problem = check(item, folder, origin, id);
      if (problem != null) {
        rejects.add(problem);
      } else {
        samples.add(sample(item, folder.resolve(IMAGES).resolve(item.localImageName()), id, origin, inputRoot));
      }
    }
    return new ReadResult(samples, rejects);
  }

  private static Reject check(RocoItem item, Path folder, String origin, String id) {
    if (item.caption() == null) {
      return reject("caption-missing", item.rocoId() + " in " + origin + " has a blank caption", origin, id);
    }
    if (item.packageUrl() == null || item.localImageName() == null || !safeName(item.localImageName())) {
      return reject("link-missing", item.rocoId() + " in " + origin + " has no usable " + DLINKS + " entry", origin,
          id);
    }
    Path image = folder.resolve(IMAGES).resolve(item.localImageName());
    if (!Files.isRegularFile(image)) {
      return reject("image-not-local", item.rocoId() + " (" + origin + "): " + IMAGES + "/" + item.localImageName()
          + " is not present; ROCO ships links only: file " + item.imageName() + " of the PMC OA package "
          + item.packageUrl(), origin, id);
    }
    return null;
  }

  /** A plain file name: no separators, not "." or "..". */
  private static boolean safeName(String name) {
    return !name.contains("/") && !name.contains("\\") && !name.equals(".") && !name.equals("..");
  }

  private static Sample sample(RocoItem item, Path image, String id, String origin, Path inputRoot) {
    ImageRef ref = ImageRef.unresolved(item.rocoId(), ImageKind.IMAGE_2D, image.toString(),
        List.of(Origins.relative(image, inputRoot)), TextField.CAPTION, 0, null, null, null, item.caption());
    Map<String, String> attrs = new LinkedHashMap<>();
    if (!item.keywords().isEmpty()) {
      attrs.put("keywords", String.join("; ", item.keywords()));
    }
    attrs.put("image-file", item.localImageName());
    attrs.put("package-url", item.packageUrl());
    if (item.licenceCode() != null) {
      attrs.put("licence-code", item.licenceCode());
    }
    String caseId = item.pmcid() != null ? item.pmcid() : item.rocoId();
    Provenance prov = new Provenance(origin, item.rocoId(), null, null,
        item.pmcid() == null ? null : "https://www.ncbi.nlm.nih.gov/pmc/articles/" + item.pmcid() + "/", PARSER);
    return new Sample(id, SOURCE, caseId, SampleText.builder().caption(item.caption()).build(), List.of(ref),
        List.of(), null, List.of(), CcCodes.licence(item.licenceCode(), null), prov, attrs, Map.of());
  }

  private static Reject reject(String reason, String message, String origin, String itemId) {
    return new Reject(SOURCE.displayName(), Stage.PARSE, reason, message, origin, itemId);
  }
}
