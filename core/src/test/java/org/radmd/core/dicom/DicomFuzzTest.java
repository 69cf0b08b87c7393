package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

/**
 * 400 deterministic mutations (seed 20261129) of real corpus files: byte flips, 0xFF runs in length fields,
 * cuts, inserted and deleted bytes, zeroed ranges. Reading, assembling and building a volume may succeed or
 * fail, but only with the documented exceptions: {@link DicomDecodeException} from the reader and
 * {@link IllegalArgumentException} from {@link DicomVolume#of} for series that cannot form a volume.
 */
class DicomFuzzTest {
  static final long SEED = 20261129L;
  static final int CASES = 400;
  static final List<String> SOURCES = List.of("dicom/single/CT_small.dcm", "dicom/single/MR_small.dcm",
      "dicom/single/MR_small_bigendian.dcm", "dicom/single/MR_small_RLE.dcm", "dicom/single/emri_small.dcm",
      "dicom/single/MR_small_jp2klossless.dcm", "dicom/single/MR_small_jpeg_ls_lossless.dcm",
      "dicom/series/ct_dcmqi_3slices/01.dcm");

  @TempDir
  Path tmp;

  @Test
  void mutatedFilesNeverEscapeTheDocumentedExceptions() throws Exception {
    Random random = new Random(SEED);
    byte[][] originals = new byte[SOURCES.size()][];
    for (int i = 0; i < originals.length; i++) {
      originals[i] = Files.readAllBytes(SharedCorpus.corpus(SOURCES.get(i)));
    }
    Map<DicomDecodeException.Failure, Integer> failures = new EnumMap<>(DicomDecodeException.Failure.class);
    int decoded = 0;
    for (int c = 0; c < CASES; c++) {
      int source = random.nextInt(originals.length);
      byte[] mutated = mutate(originals[source], random);
      Path p = tmp.resolve("case-" + c + ".dcm");
      Files.write(p, mutated);
      try {
        DicomFile f = DicomReader.pixelMed().read(p);
        decoded++;
        try {
          DicomVolume.of(SeriesAssembler.assemble(List.of(f)).get(0));
        } catch (IllegalArgumentException e) {
          // documented: no faithful volume for this series
        }
      } catch (DicomDecodeException e) {
        failures.merge(e.failure(), 1, Integer::sum);
      } catch (Throwable t) {
        fail("case " + c + " (seed " + SEED + ", source " + SOURCES.get(source) + ") threw " + t, t);
      }
      Files.delete(p);
    }
    int total = decoded + failures.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(CASES, total, "every case accounted for: decoded " + decoded + ", failures " + failures);
  }

  static byte[] mutate(byte[] original, Random r) {
    byte[] b = original.clone();
    switch (r.nextInt(6)) {
      case 0 -> {
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> {
        int at = 128 + r.nextInt(Math.min(1200, b.length - 132));
        for (int i = 0; i < 4 && at + i < b.length; i++) {
          b[at + i] = (byte) 0xff;
        }
      }
      case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
      case 3 -> {
        int at = r.nextInt(b.length);
        int n = 1 + r.nextInt(16);
        byte[] c = new byte[b.length + n];
        System.arraycopy(b, 0, c, 0, at);
        for (int i = 0; i < n; i++) {
          c[at + i] = (byte) r.nextInt(256);
        }
        System.arraycopy(b, at, c, at + n, b.length - at);
        b = c;
      }
      case 4 -> {
        int at = r.nextInt(b.length);
        int n = Math.min(1 + r.nextInt(64), b.length - at);
        byte[] c = new byte[b.length - n];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + n, c, at, b.length - at - n);
        b = c;
      }
      default -> {
        int at = r.nextInt(b.length);
        Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(256)), (byte) 0);
      }
    }
    return b;
  }
}
