package org.radmd.scrapers.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.radmd.core.Ids;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.Stage;
import org.radmd.scrapers.ReadResult;
import org.radmd.scrapers.SourceReader;
import org.radmd.scrapers.jats.JatsArticleReader;
import org.radmd.scrapers.support.Origins;

/**
 * Replays harvested WARC files ({@code *.warc.gz}, {@code *.warc}; written by {@link WarcArchive}) offline: the
 * PMC OA packages archived in them become the same PMC-Inline / PMC-CaseReport samples the unpacked folders give.
 *
 * <p>For every {@code response} record with a 2xx status whose target ends in {@code PMCnnn.tar.gz} and whose
 * payload is a complete package ({@link OaPackages#check}; truncated downloads that were refetched are skipped),
 * the last such payload per PMC id is unpacked into a content-addressed replay folder, {@code
 * <java.io.tmpdir>/radmd-warc-replay/<first 16 hex of the package SHA-256>/<PMCID>/} (the base folder can be set
 * with the system property {@value #REPLAY_DIR_PROPERTY}; written once, atomically;
 * the input folder is never written to), and read with {@link JatsArticleReader}. Image paths point into that
 * folder. Origins of samples and rejects are {@code <warc file relative to the input root>#<PMCID>/<file>}.
 *
 * <p>A package whose PMC id already has an unpacked folder beside the WARC folder (the harvester's layout {@code
 * <out>/warc/*.warc.gz} next to {@code <out>/<PMCID>/}) is not replayed, so that {@code radmd build --input <out>}
 * reads each article once. Rejects (stage PARSE, source "PMC-Inline"): {@code warc-unreadable} (a damaged or
 * truncated WARC; the records before the damage are still replayed), {@code io-error} (the replay folder cannot
 * be written).
 *
 * <p>Stateless, thread-safe (concurrent replays of the same package meet at an atomic rename) and serializable.
 */
public final class WarcReplayReader implements SourceReader {
  private static final long serialVersionUID = 1L;
  private static final Pattern PACKAGE = Pattern.compile("(PMC\\d+)\\.tar\\.gz$");
  private static final String SOURCE = "PMC-Inline";
  /** System property naming the replay folder (default {@code <java.io.tmpdir>/radmd-warc-replay}). */
  public static final String REPLAY_DIR_PROPERTY = "radmd.warc.replay.dir";

  @Override
  public String name() {
    return "warc-replay";
  }

  @Override
  public boolean accepts(Path file) {
    Path fn = file.getFileName();
    if (fn == null) {
      return false;
    }
    String n = fn.toString().toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".warc.gz") || n.endsWith(".warc")) || !Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(5);
      boolean gzip = head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
      return gzip || new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("WARC/");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ReadResult read(Path file, Path inputRoot) {
    String origin = Origins.relative(file, inputRoot);
    List<Reject> rejects = new ArrayList<>();
    Map<String, byte[]> packages = new TreeMap<>();
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcResponse resp) {
          Matcher m = PACKAGE.matcher(resp.target());
          if (!m.find()) {
            continue;
          }
          HttpResponse http = resp.http();
          if (http.status() / 100 != 2) {
            continue;
          }
          byte[] body = http.body().stream().readAllBytes();
          if (OaPackages.check(body) == null) {
            packages.put(m.group(1), body);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      rejects.add(new Reject(SOURCE, Stage.PARSE, "warc-unreadable", "cannot read all of " + origin + ": " + e
          + " (records before the damage are replayed)", origin, null));
    }
    List<Sample> samples = new ArrayList<>();
    Path harvestRoot = harvestRoot(file);
    for (Map.Entry<String, byte[]> p : packages.entrySet()) {
      if (harvestRoot != null && Files.isDirectory(harvestRoot.resolve(p.getKey()))) {
        continue;
      }
      Path folder;
      try {
        folder = unpacked(p.getKey(), p.getValue());
      } catch (IOException | RuntimeException e) {
        rejects.add(new Reject(SOURCE, Stage.PARSE, "io-error", "cannot unpack " + p.getKey() + " from " + origin
            + ": " + e, origin, null));
        continue;
      }
      ReadResult r = readArticles(folder, origin);
      samples.addAll(r.samples());
      rejects.addAll(r.rejects());
    }
    return new ReadResult(samples, rejects);
  }

  /** The harvest output folder when {@code warc} sits in its {@code warc/} folder, else null. */
  private static Path harvestRoot(Path warc) {
    Path dir = warc.toAbsolutePath().normalize().getParent();
    return dir != null && dir.getFileName() != null && dir.getFileName().toString().equals(PmcOaHarvester.WARC_DIR)
        ? dir.getParent() : null;
  }

  /** The replay folder of a package, unpacked on first use. */
  static Path unpacked(String pmcid, byte[] tarGz) throws IOException {
    String key = Ids.sha256Hex(tarGz).substring(0, 16);
    String dir = System.getProperty(REPLAY_DIR_PROPERTY);
    Path base = (dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "radmd-warc-replay"))
        .resolve(key);
    Path target = base.resolve(pmcid);
    if (Files.isDirectory(target)) {
      return target;
    }
    Path tmp = base.resolve(".tmp-" + UUID.randomUUID());
    OaPackages.write(OaPackages.read(tarGz), tmp);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
      if (!Files.isDirectory(target)) {
        throw e;
      }
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path f : s.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(tmp);
    }
    return target;
  }

  private static ReadResult readArticles(Path folder, String warcOrigin) {
    JatsArticleReader jats = new JatsArticleReader();
    List<Sample> samples = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    List<Path> articles;
    try (Stream<Path> s = Files.list(folder)) {
      articles = s.filter(jats::accepts).sorted().toList();
    } catch (IOException e) {
      return ReadResult.rejected(new Reject(SOURCE, Stage.PARSE, "io-error", "cannot list " + folder + ": " + e,
          warcOrigin, null));
    }
    Path root = folder.getParent();
    for (Path a : articles) {
      ReadResult r = jats.read(a, root);
      r.samples().forEach(x -> samples.add(withOrigin(x, warcOrigin + "#" + x.provenance().origin())));
      r.rejects().forEach(x -> rejects.add(new Reject(x.source(), x.stage(), x.reason(), x.message(),
          warcOrigin + "#" + x.origin(), x.itemId())));
    }
    return new ReadResult(samples, rejects);
  }

  private static Sample withOrigin(Sample s, String origin) {
    Provenance p = s.provenance();
    return new Sample(s.id(), s.source(), s.caseId(), s.text(), s.images(), s.modalities(), s.anatomy(),
        s.diagnoses(), s.licence(), new Provenance(origin, p.originId(), p.doi(), p.pmid(), p.url(), p.parser()),
        s.attributes(), s.scores());
  }
}
