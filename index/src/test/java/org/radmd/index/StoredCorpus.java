package org.radmd.index;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Ids;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.core.image.Images;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.Volume;

/**
 * A build output folder made from the corpus fixtures ({@link CorpusSamples}) in the pipeline's layout: each
 * MedPix PNG decoded and written again with {@code javax.imageio} to {@code medmd/images/ab/<sha256>.png}, each
 * Radiopaedia series stacked from its real JPEG slices into a {@value #VOLUME_SIZE}-px uint8 NIfTI volume at
 * {@code medmd/volumes/ab/<sha256>.nii.gz} with its middle slice beside it as {@code .png}. The samples come back
 * with stored, output-relative image paths, shapes and pixel hashes, as the normalize stage leaves them.
 *
 * <p>{@link #shared()} builds it once per test JVM (decoding about 200 images takes a few seconds) in a
 * temporary folder removed at exit; tests must not change the files it wrote.
 */
public final class StoredCorpus {
  /** Width and height of the stored volumes, in px (the pipeline uses more; this keeps the fixture small). */
  public static final int VOLUME_SIZE = 128;
  /** Case id of the {@link #twin} sample. */
  public static final String TWIN_CASE = "TWIN-MPX1322";

  private static StoredCorpus shared;

  private final Path root;
  private final List<Sample> samples;
  private final Sample twin;

  private StoredCorpus(Path root, List<Sample> samples, Sample twin) {
    this.root = root;
    this.samples = samples;
    this.twin = twin;
  }

  /** The fixture of this JVM, built on first use. */
  public static synchronized StoredCorpus shared() {
    if (shared == null) {
      try {
        Path root = Files.createTempDirectory("radmd-stored-corpus");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        shared = build(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Writes the stored images under {@code root} and returns the fixture. */
  public static StoredCorpus build(Path root) throws IOException {
    List<Sample> stored = new ArrayList<>();
    for (Sample s : CorpusSamples.all()) {
      List<ImageRef> images = new ArrayList<>();
      for (ImageRef i : s.images()) {
        images.add(i.kind() == ImageKind.VOLUME_3D ? storeVolume(root, i) : storeImage(root, i, read(i.path())));
      }
      stored.add(s.withImages(images));
    }
    return new StoredCorpus(root, List.copyOf(stored), twin(root, stored));
  }

  /** The output folder (holding {@code medmd/}; tests put their index beside it). */
  public Path root() {
    return root;
  }

  /** The seven MedPix cases and the two Radiopaedia studies, with stored images. */
  public List<Sample> samples() {
    return samples;
  }

  /** The stored sample with this id. */
  public Sample sample(String id) {
    return samples.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * A sample of its own case ({@value #TWIN_CASE}) whose only image is MPX1322's first CT image at 3/4 size with
   * contrast lowered and brightness raised: its image embedding is the nearest to MPX1322's.
   */
  public Sample twin() {
    return twin;
  }

  /** Every sample id, MedPix first. */
  public List<String> ids() {
    return samples.stream().map(Sample::id).toList();
  }

  private static Sample twin(Path root, List<Sample> stored) throws IOException {
    Sample pe = stored.stream().filter(s -> s.caseId().equals("MPX1322")).findFirst().orElseThrow();
    BufferedImage original = ImageIO.read(root.resolve(pe.images().get(0).path()).toFile());
    BufferedImage grey = Images.toGray(original);
    BufferedImage small = Images.resize(grey, grey.getWidth() * 3 / 4, grey.getHeight() * 3 / 4);
    BufferedImage changed = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < small.getHeight(); y++) {
      for (int x = 0; x < small.getWidth(); x++) {
        int v = small.getRaster().getSample(x, y, 0);
        changed.getRaster().setSample(x, y, 0, Math.min(255, 30 + v * 3 / 4));
      }
    }
    ImageRef source = pe.images().get(0);
    ImageRef image = storeImage(root, ImageRef.unresolved("twin-0", ImageKind.IMAGE_2D, "", List.of(),
        TextField.CAPTION, 0, source.modality(), null, source.plane(), "Altered copy of a MedPix image"), changed);
    SampleText text = SampleText.builder().title("Altered copy of a MedPix CT image")
        .caption("Test fixture: a MedPix CT image at three quarters of its size, contrast lowered.").build();
    return new Sample(Ids.sampleId(SourceDataset.MPX, TWIN_CASE), SourceDataset.MPX, TWIN_CASE, text,
        List.of(image), pe.modalities(), pe.anatomy(), List.of(), pe.licence(),
        new Provenance("test fixture", TWIN_CASE, null, null, null, "StoredCorpus"), Map.of(), Map.of());
  }

  private static BufferedImage read(String file) throws IOException {
    BufferedImage img = ImageIO.read(Path.of(file).toFile());
    if (img == null) {
      throw new IOException("not an image: " + file);
    }
    return img;
  }

  private static ImageRef storeImage(Path root, ImageRef image, BufferedImage img) throws IOException {
    String hash = Images.pixelHash(img);
    String rel = "medmd/images/" + hash.substring(0, 2) + "/" + hash + ".png";
    Path target = root.resolve(rel);
    Files.createDirectories(target.getParent());
    if (!ImageIO.write(img, "png", target.toFile())) {
      throw new IOException("no PNG writer");
    }
    return image.stored(rel, List.of(3, img.getHeight(), img.getWidth(), 1), hash);
  }

  private static ImageRef storeVolume(Path root, ImageRef image) throws IOException {
    List<Path> slices;
    try (Stream<Path> files = Files.list(Path.of(image.path()))) {
      slices = files.filter(p -> p.getFileName().toString().endsWith(".jpg"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
    Volume v = Volume.fromSlices(slices, VOLUME_SIZE);
    String hash = v.pixelHash();
    String base = "medmd/volumes/" + hash.substring(0, 2) + "/" + hash;
    Nifti.writeNiftiGz(v, root.resolve(base + ".nii.gz"));
    if (!ImageIO.write(v.slice(v.depth() / 2), "png", root.resolve(base + ".png").toFile())) {
      throw new IOException("no PNG writer");
    }
    return image.stored(base + ".nii.gz", v.radfmShape(), hash);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
