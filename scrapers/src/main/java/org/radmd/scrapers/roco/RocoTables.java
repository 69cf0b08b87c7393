package org.radmd.scrapers.roco;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.scrapers.support.Whitespace;

/**
 * The side files of one ROCO folder ({@code dlinks.txt}, {@code licences.txt}, {@code keywords.txt}), keyed by
 * ROCO id. Formats (razorx89/roco-dataset, {@code data/<split>/<radiology|non-radiology>/}):
 *
 * <ul>
 *   <li>{@code dlinks.txt}: {@code ROCO_id<TAB>wget -r <package URL> -P /path/to/Dir<TAB><image file name>};
 *   <li>{@code licences.txt}: CSV with header {@code ROCO_ID,PMC_ID,CC}, {@code PMC_ID} =
 *       {@code <PMCID>_<image file name>};
 *   <li>{@code keywords.txt}: {@code ROCO_id<TAB><TAB>kw<TAB>kw...}.
 * </ul>
 *
 * <p>Missing {@code licences.txt} / {@code keywords.txt} give empty maps. Lines that do not fit are skipped
 * here; the reader reports items it cannot complete. Invalid UTF-8 is replaced. Immutable once loaded.
 */
final class RocoTables {
  /** A {@code dlinks.txt} entry. */
  record Link(String packageUrl, String imageName) {}

  /** A {@code licences.txt} entry. */
  record LicenceRow(String pmcidAndFile, String code) {}

  private static final Pattern PACKAGE_PMCID = Pattern.compile("(PMC\\d+)\\.tar\\.gz$");

  final Map<String, Link> links;
  final Map<String, LicenceRow> licences;
  final Map<String, List<String>> keywords;

  private RocoTables(Map<String, Link> links, Map<String, LicenceRow> licences,
      Map<String, List<String>> keywords) {
    this.links = links;
    this.licences = licences;
    this.keywords = keywords;
  }

  /** Loads the side files of {@code folder}; {@code dlinks.txt} must exist. */
  static RocoTables load(Path folder) throws IOException {
    Map<String, Link> links = new HashMap<>();
    for (String line : lines(folder.resolve(RocoReader.DLINKS))) {
      String[] cols = line.split("\t");
      if (cols.length < 3) {
        continue;
      }
      String url = null;
      for (String word : cols[1].trim().split("\\s+")) {
        if (word.contains("://")) {
          url = word;
          break;
        }
      }
      links.putIfAbsent(cols[0].strip(), new Link(url, Whitespace.collapseToNull(cols[cols.length - 1])));
    }
    Map<String, LicenceRow> licences = new HashMap<>();
    Path lic = folder.resolve("licences.txt");
    if (Files.isRegularFile(lic)) {
      for (String line : lines(lic)) {
        String[] cols = line.split(",", 3);
        if (cols.length == 3 && !cols[0].equals("ROCO_ID")) {
          licences.putIfAbsent(cols[0].strip(), new LicenceRow(cols[1].strip(), cols[2].strip()));
        }
      }
    }
    Map<String, List<String>> keywords = new HashMap<>();
    Path kw = folder.resolve("keywords.txt");
    if (Files.isRegularFile(kw)) {
      for (String line : lines(kw)) {
        String[] cols = line.split("\t");
        List<String> words = new ArrayList<>();
        Arrays.stream(cols).skip(1).map(Whitespace::collapseToNull).filter(w -> w != null).forEach(words::add);
        keywords.putIfAbsent(cols[0].strip(), List.copyOf(words));
      }
    }
    return new RocoTables(Map.copyOf(links), Map.copyOf(licences), Map.copyOf(keywords));
  }

  /** The item for {@code rocoId} with {@code caption}; link, licence and keywords null/empty when absent. */
  RocoItem item(String rocoId, String caption) {
    Link link = links.get(rocoId);
    LicenceRow lic = licences.get(rocoId);
    String pmcid = null;
    if (lic != null && lic.pmcidAndFile().matches("PMC\\d+_.*")) {
      pmcid = lic.pmcidAndFile().substring(0, lic.pmcidAndFile().indexOf('_'));
    } else if (link != null && link.packageUrl() != null) {
      Matcher m = PACKAGE_PMCID.matcher(link.packageUrl());
      pmcid = m.find() ? m.group(1) : null;
    }
    return new RocoItem(rocoId, caption, link == null ? null : link.packageUrl(),
        link == null ? null : link.imageName(), pmcid, lic == null ? null : lic.code(),
        keywords.getOrDefault(rocoId, List.of()));
  }

  /** The lines of a UTF-8 text file (invalid bytes replaced). */
  static List<String> lines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
      String s;
      while ((s = in.readLine()) != null) {
        out.add(s);
      }
    }
    return out;
  }
}
