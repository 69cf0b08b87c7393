package org.radmd.pipelines.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.image.Images;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.Volume;

/**
 * Decodes every image of a sample and stores it under the content-addressed output layout ({@link
 * OutputLayout}): 2D images as PNG with the longest side capped; slice stacks as uint8 NIfTI-1 volumes of
 * {@code volumeSize x volumeSize x D} with a key-slice PNG. A file already present under its hash is not
 * written again, so a rerun skips finished images.
 *
 * <p>An image that cannot be decoded becomes a {@code NORMALIZE} reject and is left out of the sample; a
 * sample left with no image becomes a {@code no-images} reject.
 */
final class NormalizeImagesFn extends DoFn<Sample, Sample> {
  private static final long serialVersionUID = 1L;
  private final String inputRoot;
  private final OutputLayout layout;
  private final int maxImageSide;
  private final int volumeSize;
  private final Counter images2d = Metrics.counter("normalize", "images_2d");
  private final Counter volumes = Metrics.counter("normalize", "volumes_3d");
  private final Counter reused = Metrics.counter("normalize", "files_reused");
  private final Counter failed = Metrics.counter("normalize", "images_failed");
  private final Counter cpuMicros = Metrics.counter("normalize", "cpu_us");

  private final DicomImageStore dicom;

  NormalizeImagesFn(String inputRoot, OutputLayout layout, int maxImageSide, int volumeSize, byte[] deidSecret) {
    this.inputRoot = inputRoot;
    this.layout = layout;
    this.maxImageSide = maxImageSide;
    this.volumeSize = volumeSize;
    this.dicom = new DicomImageStore(deidSecret);
  }

  /** ImageIO plug-ins (PixelMed's DICOM codecs use them) from this job's class loader, not a finished job's. */
  @Setup
  public void setup() {
    org.radmd.core.image.ImageIoPlugins.refresh();
  }

  @ProcessElement
  public void process(@Element Sample sample, MultiOutputReceiver out) {
    long cpu = StageCpu.nanos();
    try {
      normalize(sample, out);
    } finally {
      cpuMicros.inc(StageCpu.microsSince(cpu));
    }
  }

  private void normalize(Sample sample, MultiOutputReceiver out) {
    if (sample.source() == SourceDataset.DICOM) {
      processDicom(sample, out);
      return;
    }
    List<ImageRef> stored = new ArrayList<>(sample.images().size());
    for (ImageRef image : sample.images()) {
      try {
        stored.add(image.kind() == ImageKind.VOLUME_3D ? storeVolume(image) : storeImage(image));
      } catch (IOException | RuntimeException e) {
        failed.inc();
        out.get(Tags.REJECTS).output(new Reject(sample.source().displayName(), Stage.NORMALIZE,
            "image-unreadable", "image " + image.id() + " of " + sample.id() + ": " + e.getMessage(),
            originOf(sample, image), sample.id()));
      }
    }
    emit(sample, stored, out);
  }

  /** DICOM studies: series are read from the study folder together; rejects never name a path. */
  private void processDicom(Sample sample, MultiOutputReceiver out) {
    Map<String, Object> results = dicom.storeAll(sample.images(), layout, maxImageSide);
    List<ImageRef> stored = new ArrayList<>(sample.images().size());
    for (ImageRef image : sample.images()) {
      Object r = results.get(image.id());
      if (r instanceof ImageRef ok) {
        (ok.kind() == ImageKind.VOLUME_3D ? volumes : images2d).inc();
        stored.add(ok);
      } else {
        failed.inc();
        DicomImageStore.StoreException e = (DicomImageStore.StoreException) r;
        out.get(Tags.REJECTS).output(Reject.of(sample, Stage.NORMALIZE, e.reason, e.getMessage()));
      }
    }
    emit(sample, stored, out);
  }

  private void emit(Sample sample, List<ImageRef> stored, MultiOutputReceiver out) {
    if (stored.isEmpty()) {
      out.get(Tags.REJECTS).output(Reject.of(sample, Stage.NORMALIZE, "no-images",
          "none of the " + sample.images().size() + " images of " + sample.id() + " could be decoded"));
      return;
    }
    out.get(Tags.SAMPLES).output(sample.withImages(stored));
  }

  private ImageRef storeImage(ImageRef image) throws IOException {
    Path source = Path.of(image.path());
    if (Files.isDirectory(source) && !image.sourceFiles().isEmpty()) {
      source = Path.of(inputRoot).resolve(image.sourceFiles().get(0));
    }
    ContentStore.Stored stored = ContentStore.png(layout, image, Images.read(source), maxImageSide);
    if (stored.reused()) {
      reused.inc();
    }
    images2d.inc();
    return stored.ref();
  }

  private ImageRef storeVolume(ImageRef image) throws IOException {
    Path root = Path.of(inputRoot);
    List<Path> slices = image.sourceFiles().stream().map(root::resolve).toList();
    Volume volume = Volume.fromSlices(slices, volumeSize);
    String hash = volume.pixelHash();
    String rel = OutputLayout.volumePath(hash);
    Path target = layout.resolve(rel);
    if (Files.exists(target) && Files.exists(layout.resolve(OutputLayout.volumeThumbnailPath(hash)))) {
      reused.inc();
    } else {
      // Key slice first: the volume file marks both as complete, so an interrupted run leaves no volume
      // without its key slice for a rerun to reuse.
      ContentStore.keySlice(layout, hash, volume);
      Nifti.writeNiftiGz(volume, target);
    }
    volumes.inc();
    return image.stored(rel, volume.radfmShape(), hash);
  }

  private String originOf(Sample sample, ImageRef image) {
    return image.sourceFiles().isEmpty() ? sample.provenance().origin() : image.sourceFiles().get(0);
  }
}
