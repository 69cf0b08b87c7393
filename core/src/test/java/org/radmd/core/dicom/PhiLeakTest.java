package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

/**
 * Exports every decodable corpus series and single file with {@link DicomSeriesExporter}, then scans every output
 * (file names, NIfTI headers, JSON sidecars) for every identifying value of every input, as a whole word: the
 * values of attributes that PS3.15 Table E.1-1 does not keep (names, IDs, dates, times, UIDs other than DICOM's
 * own class UIDs, institution, physicians, station, serial numbers, ...) and of private attributes, nested
 * sequences included. None may appear.
 */
class PhiLeakTest {
  @TempDir
  Path out;
  @TempDir
  Path canary;

  @Test
  void noIdentifyingInputValueAppearsInAnyOutput() throws Exception {
    Deidentifier deid = new Deidentifier(DeidentifierTest.SECRET, Deidentifier.Options.defaults());
    DicomSeriesExporter exporter = new DicomSeriesExporter(deid);
    List<DicomFile> inputs = new ArrayList<>();
    int exported = 0;
    for (String s : Series.ALL) {
      List<DicomFile> files = Series.read(s);
      inputs.addAll(files);
      for (DicomSeries series : SeriesAssembler.assemble(files)) {
        exporter.export(series, out, true);
        exported++;
      }
    }
    try (Stream<Path> singles = Files.list(SharedCorpus.corpus("dicom/single"))) {
      for (Path p : singles.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) {
        if (!p.getFileName().toString().contains("jpeg_ls")) {
          // One folder per file: the MR_small re-encodings share one Series Instance UID and position.
          DicomFile f = DicomReader.pixelMed().read(p);
          inputs.add(f);
          exporter.export(SeriesAssembler.assemble(List.of(f)).get(0), out.resolve(p.getFileName() + ".d"), true);
          exported++;
        }
      }
    }
    assertEquals(3 + 10, exported, "3 series + 10 decodable single files");

    Set<String> identifying = new TreeSet<>();
    Set<String> kept = new TreeSet<>();
    for (DicomFile f : inputs) {
      collect(f.dataset(), deid, identifying, kept);
    }
    identifying.removeAll(kept); // e.g. InstitutionName "TOSHIBA" = Manufacturer "TOSHIBA", a kept value
    assertTrue(identifying.size() > 50, "scan set too small: " + identifying);
    assertTrue(identifying.contains("CompressedSamples^MR1"));
    assertTrue(identifying.contains("QIN-PROSTATE-01-0001"));

    assertEquals(List.of(), leaks(out, identifying));

    // The scan itself finds a planted leak (a canary), so an empty result above means something.
    Files.writeString(canary.resolve("x.json"), "{\"note\":\"CompressedSamples^MR1\",\"d\":\"19970430\"}");
    List<String> found = leaks(canary, identifying);
    assertTrue(found.contains("x.json contains \"CompressedSamples^MR1\"") && found.contains(
        "x.json contains \"19970430\""), found.toString());
  }

  private static List<String> leaks(Path dir, Set<String> identifying) throws Exception {
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String text = p.getFileName() + "\n" + new String(content(p), StandardCharsets.ISO_8859_1);
        for (String v : identifying) {
          if (Pattern.compile("(?<![A-Za-z0-9.])" + Pattern.quote(v) + "(?![A-Za-z0-9.])").matcher(text).find()) {
            leaks.add(p.getFileName() + " contains \"" + v + "\"");
          }
        }
      }
    }
    return leaks;
  }

  /** Values of attributes radmd must not keep, and of those it keeps, at least 4 characters long. */
  private static void collect(DicomDataset ds, Deidentifier deid, Set<String> identifying, Set<String> kept) {
    for (DicomElement e : ds.elements()) {
      for (DicomDataset item : e.items()) {
        collect(item, deid, identifying, kept);
      }
      DeidAction a = e.keyword().isEmpty() ? DeidAction.X : deid.action(e.keyword());
      boolean personal = e.isPrivate() || e.vr().equals("PN") || e.vr().equals("DA") || e.vr().equals("DT")
          || e.vr().equals("TM") || (e.vr().equals("UI") && a == DeidAction.U)
          || (AnnexETable.BASIC.containsKey(e.keyword()) && AnnexETable.BASIC.get(e.keyword()) != DeidAction.K);
      for (String v : e.values()) {
        String t = v.trim();
        if (t.length() < 4) {
          continue;
        }
        if (personal && a != DeidAction.C) {
          identifying.add(t);
          for (String part : t.split("\\^")) {
            if (part.trim().length() >= 4) {
              identifying.add(part.trim());
            }
          }
        } else if (a == DeidAction.K) {
          kept.add(t);
        }
      }
    }
  }

  /**
   * What a file can carry as text: all of a JSON sidecar; of a NIfTI file the 352 bytes of header and extension
   * flag (descrip, aux_file, intent_name). Its voxel block is binary numbers written from arrays; scanning it
   * for text only finds coincidences (e.g. two CR pixels 0x3630 0x5930 read as "060Y").
   */
  private static byte[] content(Path p) throws Exception {
    if (!p.toString().contains(".nii")) {
      return Files.readAllBytes(p);
    }
    try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
        : Files.newInputStream(p)) {
      byte[] header = in.readNBytes(352);
      assertEquals(352, header.length);
      return header;
    }
  }
}
