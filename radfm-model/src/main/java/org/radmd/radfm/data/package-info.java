/**
 * RadFM's data side on the JVM: the unified instruction JSONL reader ({@link org.radmd.radfm.data.InstructionReader}),
 * image loading to {@code [3, H, W, D]} in [0, 1] ({@link org.radmd.radfm.data.RadfmImageLoader}), per-sample
 * stacking to {@code [S, 3, H, W, D]} ({@link org.radmd.radfm.data.ImageStacker}), the 2D/3D batch sampler
 * ({@link org.radmd.radfm.data.ModalityBatchSampler}) and the training collator to {@code [B, S, 3, H, W, D]}
 * ({@link org.radmd.radfm.data.VisionCollator}), after radfm-spec §1.7 and §3.
 */
package org.radmd.radfm.data;
