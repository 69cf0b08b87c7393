/**
 * Training of {@link org.radmd.radfm.model.RadfmModel}: {@link org.radmd.radfm.train.RadfmTrainer} (RadFM's
 * shifted cross entropy, 2D and 3D batched apart, gradient accumulation, checkpoint / resume with exact
 * continuation), {@link org.radmd.radfm.train.AdamW}, and {@link org.radmd.radfm.train.InstructionDataset} over
 * a RadMD export's instruction JSONL.
 */
package org.radmd.radfm.train;
