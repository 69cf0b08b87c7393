package org.radmd.pipelines.dedup;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Sample;
import org.radmd.filters.dedup.HammingBands;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.NearDuplicateText;
import org.radmd.filters.dedup.VolumeHash;

/**
 * Computes every sample's dedup signatures and emits them keyed for grouping: LSH band entries and payloads
 * for its stored images (from an {@link ImageSignatureSource}; in the build, read from the output root), LSH
 * band entries and normalized text for its text units.
 *
 * <p>Images: a 2D picture registers the band keys of its 49 crop-family hashes (each distinct key and hash) and
 * probes with its whole-picture hash; a volume registers and probes with each of its 9 slice hashes, keyed
 * by relative depth in a separate key space (bit 62 set, depth index in bits 48-55), so two volumes meet when
 * the slices at one depth share a band. An image that cannot be read is skipped (counter
 * {@code dedup.images_unreadable}); dedup never rejects a sample for it. Texts: unit {@code caption} is the
 * caption; unit {@code all} the joined text of all fields when it is more than the caption. Units are banded
 * in separate key spaces, so captions meet captions (a figure reused by another dataset with other surrounding
 * text) and whole texts meet whole texts; units shorter than the text rule's minimum take no part.
 */
final class SignatureFn extends DoFn<Sample, KV<Long, ImageEntry>> {
  private static final long serialVersionUID = 1L;
  static final long VOLUME_KEYS = 1L << 62;
  private final ImageSignatureSource signatures;
  private final HammingBands bands;
  private final NearDuplicateText text;
  private final TupleTag<KV<String, ImagePayload>> imagePayloads;
  private final TupleTag<KV<Long, TextEntry>> textEntries;
  private final TupleTag<KV<String, TextPayload>> textPayloads;
  private final Counter unreadable = Metrics.counter("dedup", "images_unreadable");
  private final Counter pictures = Metrics.counter("dedup", "pictures_hashed");
  private final Counter volumes = Metrics.counter("dedup", "volumes_hashed");
  private final Counter texts = Metrics.counter("dedup", "text_units");

  SignatureFn(ImageSignatureSource signatures, HammingBands bands, NearDuplicateText text,
      TupleTag<KV<String, ImagePayload>> imagePayloads, TupleTag<KV<Long, TextEntry>> textEntries,
      TupleTag<KV<String, TextPayload>> textPayloads) {
    this.signatures = signatures;
    this.bands = bands;
    this.text = text;
    this.imagePayloads = imagePayloads;
    this.textEntries = textEntries;
    this.textPayloads = textPayloads;
  }

  @ProcessElement
  public void process(@Element Sample s, MultiOutputReceiver out) {
    List<ImageRef> images = s.images();
    for (int i = 0; i < images.size(); i++) {
      String key = s.id() + "#" + i;
      try {
        if (images.get(i).kind() == ImageKind.VOLUME_3D) {
          VolumeHash v = signatures.volume(images.get(i));
          long[] slices = v.slices();
          for (int z = 0; z < slices.length; z++) {
            emitImage(s, key, VOLUME_KEYS | (long) z << 48, slices[z], new long[] {slices[z]}, out);
          }
          out.get(imagePayloads).output(KV.of(key, new ImagePayload(s.id(), i, images.size(), null, v)));
          volumes.inc();
        } else {
          ImageSignature sig = signatures.picture(images.get(i));
          emitImage(s, key, 0, sig.hash(), sig.family(), out);
          out.get(imagePayloads).output(KV.of(key, new ImagePayload(s.id(), i, images.size(), sig, null)));
          pictures.inc();
        }
      } catch (IOException | RuntimeException e) {
        unreadable.inc();
      }
    }
    String joined = text.normalize(s.text().joined());
    String caption = s.text().caption() == null ? "" : text.normalize(s.text().caption());
    if (!caption.isEmpty()) {
      emitText(s, "caption", caption, out);
    }
    if (!joined.equals(caption)) {
      emitText(s, "all", joined, out);
    }
  }

  private void emitImage(Sample s, String key, long space, long whole, long[] registered,
      MultiOutputReceiver out) {
    String source = s.source().displayName();
    TreeSet<String> seen = new TreeSet<>();
    for (long h : registered) {
      for (long k : bands.keys(h)) {
        if (seen.add(k + ":" + h)) {
          out.get(NearDuplicateDedup.IMAGE_ENTRIES).output(KV.of(space | k,
              new ImageEntry(key, s.id(), source, s.caseId(), false, h)));
        }
      }
    }
    for (long k : bands.probes(whole)) {
      out.get(NearDuplicateDedup.IMAGE_ENTRIES).output(KV.of(space | k,
          new ImageEntry(key, s.id(), source, s.caseId(), true, whole)));
    }
  }

  private void emitText(Sample s, String unit, String normalized, MultiOutputReceiver out) {
    if (!text.eligible(normalized)) {
      return;
    }
    String key = s.id() + "#" + unit;
    long salt = unit.equals("all") ? 0 : 0x5bd1e995L;
    for (long k : text.bandKeys(normalized)) {
      out.get(textEntries).output(KV.of(k ^ salt, new TextEntry(key, s.id(), s.source().displayName(),
          s.caseId())));
    }
    out.get(textPayloads).output(KV.of(key, new TextPayload(s.id(), unit, normalized)));
    texts.inc();
  }
}
