package org.radmd.scrapers.medicat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.radmd.core.Ids;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.support.JsonLines;
import org.radmd.scrapers.support.Origins;
import org.radmd.scrapers.support.Whitespace;

/**
 * Reads MedICaT figure records (Subramanian et al. 2020, allenai/medicat; JSON Lines, one figure per line) into
 * MedICaT samples ({@link SourceDataset#MEDICAT}).
 *
 * <p>Accepts a {@code *.jsonl} file whose first non-blank line (within its first 64 KB) is a JSON object with
 * the keys {@code pdf_hash} and {@code fig_uri}. Each line: {@code pdf_hash} (S2ORC paper), {@code fig_uri}
 * (figure file), {@code fig_key}, {@code s2_caption} / {@code s2orc_caption}, {@code s2orc_references} (the
 * paper's sentences that cite the figure), {@code radiology} (MedICaT's radiology label), {@code scope},
 * {@code predicted_type}, {@code oa_info} (Unpaywall: {@code doi}, {@code doi_url}, {@code oa.license},
 * {@code oa.oa_status}). The image is {@code figures/<pdf_hash>_<fig_uri>} beside the file, as in MedICaT's
 * release; see {@link MedicatRecords} for the sample built from a line.
 *
 * <p>Rejects (stage PARSE, source "MedICaT"): {@code json-malformed} (per line; other lines are still read),
 * {@code json-missing-field} (no {@code pdf_hash} or {@code fig_uri}), {@code item-duplicate}, {@code
 * image-missing} (no image file), {@code io-error}.
 *
 * <p>Stateless, thread-safe and serializable.
 */
public final class MedicatReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  private static final int SNIFF_CHARS = 65536;
  private static final SourceDataset SOURCE = SourceDataset.MEDICAT;

  @Override
  public String name() {
    return "medicat";
  }

  @Override
  public boolean accepts(Path file) {
    Path fn = file.getFileName();
    if (fn == null || !fn.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") || !Files.isRegularFile(file)) {
      return false;
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      char[] buf = new char[SNIFF_CHARS];
      int n = in.read(buf);
      if (n <= 0) {
        return false;
      }
      for (String line : new String(buf, 0, n).split("\n")) {
        if (!Whitespace.isBlank(line)) {
          JsonLines.Line parsed = JsonLines.parse(1, line);
          JsonNode v = parsed.value();
          return parsed.ok() && v.isObject() && v.has("pdf_hash") && v.has("fig_uri");
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
    Path folder = file.toAbsolutePath().normalize().getParent();
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      JsonLines.forEach(file, line -> {
        String where = origin + " line " + line.number();
        if (!line.ok() || !line.value().isObject()) {
          rejects.add(reject("json-malformed", where + ": " + (line.ok() ? "not a JSON object" : line.error()),
              origin, null));
          return;
        }
        String hash = JsonLines.text(line.value(), "pdf_hash");
        String uri = JsonLines.text(line.value(), "fig_uri");
        if (hash == null || uri == null) {
          rejects.add(reject("json-missing-field", where + ": no pdf_hash or fig_uri", origin, null));
          return;
        }
        String id = Ids.sampleId(SOURCE, hash.strip(), uri.strip());
        if (!seen.add(id)) {
          rejects.add(reject("item-duplicate", where + ": figure " + hash + " " + uri + " occurs again", origin, id));
          return;
        }
        Path image = MedicatRecords.imageFile(folder, hash.strip(), uri.strip());
        if (image == null || !Files.isRegularFile(image)) {
          rejects.add(reject("image-missing", where + ": no image file " + MedicatRecords.FIGURES + "/"
              + hash.strip() + "_" + uri.strip() + " beside " + origin, origin, id));
          return;
        }
        samples.add(MedicatRecords.toSample(line.value(), id, image, origin, inputRoot));
      });
    } catch (IOException | RuntimeException e) {
      rejects.add(reject("io-error", "cannot read " + origin + ": " + e, origin, null));
    }
    return new ReadResult(samples, rejects);
  }

  private static Reject reject(String reason, String message, String origin, String itemId) {
    return new Reject(SOURCE.displayName(), Stage.PARSE, reason, message, origin, itemId);
  }
}
