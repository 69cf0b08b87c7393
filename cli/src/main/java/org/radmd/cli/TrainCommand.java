package org.radmd.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.radmd.radfm.ImageTokenLayout;
import org.radmd.radfm.data.InstructionReader;
import org.radmd.radfm.data.RadfmImageLoader;
import org.radmd.radfm.model.DjlRadfmBackend;
import org.radmd.radfm.model.ModelFiles;
import org.radmd.radfm.model.RadfmConfig;
import org.radmd.radfm.model.RadfmModel;
import org.radmd.radfm.text.PromptEncoder;
import org.radmd.radfm.text.RadfmTokenizer;
import org.radmd.radfm.train.InstructionDataset;
import org.radmd.radfm.train.RadfmTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radmd train}: trains a RadFM-architecture model on a RadMD export's instruction JSONL. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a RadFM-architecture model on OUT/radmd/instructions/train.jsonl (radfm-spec §1.7 layout, "
        + "2D and 3D batched apart). Resumes from the newest OUT/checkpoint-N automatically.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "The radmd/ folder of a build (OUT/radmd).")
  Path data;

  @Option(names = "--config", defaultValue = "tiny", description = "tiny (default), small or radfm-14b.")
  String config;

  @Option(names = "--out", required = true, description = "Output model folder (checkpoints inside).")
  Path out;

  @Option(names = "--init", description = "Start from this model folder's weights instead of random ones.")
  Path init;

  @Option(names = "--steps", defaultValue = "100", description = "Optimiser steps (default 100).")
  int steps;

  @Option(names = "--batch", defaultValue = "4", description = "Samples per 2D batch (RadFM: 4).")
  int batch;

  @Option(names = "--batch-3d", defaultValue = "1", description = "Samples per 3D batch (RadFM: 1).")
  int batch3d;

  @Option(names = "--accum", defaultValue = "1", description = "Gradient accumulation micro-batches per step.")
  int accum;

  @Option(names = "--lr", defaultValue = "1e-4", description = "AdamW learning rate (default 1e-4).")
  double lr;

  @Option(names = "--weight-decay", defaultValue = "0", description = "AdamW decoupled weight decay (default 0).")
  double weightDecay;

  @Option(names = "--checkpoint-every", defaultValue = "0", description = "Checkpoint every N steps (0: end only).")
  int checkpointEvery;

  @Option(names = "--log-every", defaultValue = "10", description = "Progress line every N steps.")
  int logEvery;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of initialisation, data order and dropout.")
  long seed;

  @Option(names = "--image-size", defaultValue = "512", description = "H = W of model images (RadFM: 512).")
  int imageSize;

  @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training lines (0: all).")
  int limit;

  @Option(names = "--tokenizer", description = "LLaMA tokenizer.model (default: shared/radfm/language_files).")
  Path tokenizer;

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getOut();
    Path jsonl = InstructionReader.splitFile(data, "train");
    if (!Files.isRegularFile(jsonl)) {
      throw new IllegalArgumentException("no training file: " + jsonl);
    }
    InstructionReader.Result read = InstructionReader.read(jsonl, limit);
    if (!read.problems().isEmpty()) {
      log.println("skipped " + read.problems().size() + " invalid lines of " + jsonl + ", first: "
          + read.problems().get(0));
    }
    Path tok = tokenizer != null ? tokenizer : DjlRadfmBackend.findTokenizerFor(out);
    RadfmConfig c = RadfmConfig.named(config);
    Device device = RadfmModel.defaultDevice();
    RadfmTrainer.Options options = new RadfmTrainer.Options(steps, batch, batch3d, accum, lr, weightDecay, 1.0,
        checkpointEvery, logEvery, seed, imageSize);
    try (RadfmTokenizer t = RadfmTokenizer.load(tok)) {
      PromptEncoder encoder = new PromptEncoder(t,
          new ImageTokenLayout(t.maxImages(), ImageTokenLayout.Placement.RADFM_TRAINING),
          Math.min(PromptEncoder.RADFM_MAX_LENGTH, c.maxSequence()), false);
      InstructionDataset dataset = new InstructionDataset(read.records(), data.toAbsolutePath().getParent(),
          encoder, new RadfmImageLoader(imageSize));
      Path ckpt = RadfmTrainer.latestCheckpoint(out);
      RadfmTrainer trainer;
      if (ckpt != null) {
        log.println("resuming from " + ckpt);
        trainer = RadfmTrainer.resume(ckpt, dataset, options, out, device, DataType.FLOAT32);
      } else {
        RadfmModel model = init != null ? ModelFiles.load(init, device, DataType.FLOAT32)
            : RadfmModel.initialize(c, device, DataType.FLOAT32, seed);
        trainer = new RadfmTrainer(model, dataset, options, out);
      }
      trainer.setLog(line -> {
        log.println(line);
        log.flush();
      });
      log.printf("training %s (%,d parameters) on %d samples, device %s%n", trainer.model().config().name(),
          trainer.model().config().parameterCount(), dataset.size(), device);
      log.flush();
      try (RadfmModel model = trainer.model()) {
        RadfmTrainer.Result r = trainer.train(Integer.MAX_VALUE);
        trainer.closeOptimizer();
        Files.createDirectories(out);
        Files.copy(tok, out.resolve(DjlRadfmBackend.TOKENIZER_FILE), StandardCopyOption.REPLACE_EXISTING);
        log.println("done: step " + r.step() + ", model in " + out);
      }
    }
    return 0;
  }
}
