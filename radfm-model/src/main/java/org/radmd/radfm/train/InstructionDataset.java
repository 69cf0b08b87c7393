package org.radmd.radfm.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radmd.radfm.data.ImageTensor;
import org.radmd.radfm.data.InstructionRecord;
import org.radmd.radfm.data.RadfmImageLoader;
import org.radmd.radfm.model.ImageVolume;
import org.radmd.radfm.text.EncodedSample;
import org.radmd.radfm.text.PromptEncoder;

/**
 * A {@link RadfmTrainer.Dataset} over the unified instruction JSONL of a RadMD export (notes/contract.md): each
 * line is encoded lazily in RadFM's layout ({@link PromptEncoder}, unpadded, EOS slot included) and its images
 * loaded by {@link RadfmImageLoader}. 2D vs 3D comes from the line's image kinds, so batching needs no image I/O.
 * Thread-safe for reads (the encoder and loader are).
 */
public final class InstructionDataset implements RadfmTrainer.Dataset {
  private final List<InstructionRecord> records;
  private final Path outputRoot;
  private final PromptEncoder encoder;
  private final RadfmImageLoader loader;

  /**
   * @param records lines of train.jsonl
   * @param outputRoot OUT, the folder image paths are relative to
   * @param encoder an encoder with padToMaxLength = false
   */
  public InstructionDataset(List<InstructionRecord> records, Path outputRoot, PromptEncoder encoder,
      RadfmImageLoader loader) {
    this.records = new ArrayList<>(records);
    this.outputRoot = outputRoot;
    this.encoder = encoder;
    this.loader = loader;
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public boolean isVolume(int index) {
    return records.get(index).has3d();
  }

  @Override
  public RadfmTrainer.Example get(int index) {
    InstructionRecord r = records.get(index);
    var prompt = r.toPrompt(outputRoot);
    EncodedSample s = encoder.encode(prompt);
    List<ImageVolume> images = new ArrayList<>();
    for (Path f : prompt.images().subList(0, Math.min(prompt.images().size(), s.imageCount()))) {
      try {
        ImageTensor t = loader.load(f);
        images.add(new ImageVolume(t.data(), t.channels(), t.height(), t.width(), t.depth()));
      } catch (IOException e) {
        throw new UncheckedIOException(r.id() + ": " + e.getMessage(), e);
      }
    }
    long[] ids = new long[s.length()];
    long[] labels = new long[s.length()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = s.inputIds()[i];
      labels[i] = s.labels()[i];
    }
    return new RadfmTrainer.Example(ids, labels, images);
  }
}
