package org.radmd.pipelines.build;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the build job. Paths are local file-system paths (absolute after {@link BuildJob} resolves them). */
public interface BuildOptions extends PipelineOptions {
  @Description("Input root: a folder holding source files (PMC JATS, MedPix JSONL, Radiopaedia cases, ...)")
  @Validation.Required
  String getInputDir();

  void setInputDir(String value);

  @Description("Output root: medmd/, radmd/, rejects/, index/ and stats.json are written here")
  @Validation.Required
  String getOutputDir();

  void setOutputDir(String value);

  @Description("2D images: longest side capped at this many pixels (never upscaled)")
  @Default.Integer(512)
  int getMaxImageSide();

  void setMaxImageSide(int value);

  @Description("3D volumes: slices resized to this many pixels square (RadFM uses 512, radfm-spec §1.3)")
  @Default.Integer(512)
  int getVolumeSize();

  void setVolumeSize(int value);

  @Description("RadMD filter: samples whose joined text is shorter than this many characters are dropped; "
      + "-1 keeps the filter configuration's min-text-length (20 by default)")
  @Default.Integer(-1)
  int getMinTextChars();

  void setMinTextChars(int value);

  @Description("RadMD filter configuration (JSON, see org/radmd/filters/radmd-filters.json); empty = the default")
  @Default.String("")
  String getFiltersConfig();

  void setFiltersConfig(String value);

  @Description("Hex key for DICOM de-identification (UID and date pseudonyms, PS3.15 Annex E); one per build. "
      + "Set by BuildJob from RADMD_DEID_SECRET or at random when empty; never written to any output.")
  @Default.String("")
  String getDeidSecret();

  void setDeidSecret(String value);

  @Description("Also write each RadMD volume in RadFM's model-input layout as radmd/npy/<sha256>.npy "
      + "(float32 [3, 512, 512, D], D snapped to 4..64; 3 MiB per slice)")
  @Default.Boolean(false)
  boolean getRadfmNpy();

  void setRadfmNpy(boolean value);

  @Description("RadMD export: share of case groups in the test split (radmd/instructions, radmd/radfm)")
  @Default.Double(0.1)
  double getTestFraction();

  void setTestFraction(double value);

  @Description("RadMD export: seed of the case-level split and of the prompt choice")
  @Default.String("radmd")
  String getSplitSeed();

  void setSplitSeed(String value);

  @Description("RadMD export: folder of RadFM's prompt JSONs; empty for the default (see ExportSettings)")
  @Default.String("")
  String getRadfmPrompts();

  void setRadfmPrompts(String value);

  @Description("Seconds between progress lines (per-stage counts, ETA) on stderr while a Flink job runs; 0: none")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("Number of JSONL shards per output (each shard sorted by id; 1 gives one file)")
  @Default.Integer(1)
  int getShards();

  void setShards(int value);
}
