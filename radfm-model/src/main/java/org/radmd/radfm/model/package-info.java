/**
 * The RadFM architecture in DJL (PyTorch engine), radfm-spec §4: {@link org.radmd.radfm.model.RadfmConfig} (named
 * shapes tiny / small / radfm-14b, parameter shapes and counts without allocation),
 * {@link org.radmd.radfm.model.RadfmModel} (functional forward over NDArrays keyed by RadFM's state-dict names:
 * 3D ViT, Perceiver resampler, fc, the per-sample embedding table, LLaMA with RoPE / SwiGLU / RMSNorm and a KV
 * cache), {@link org.radmd.radfm.model.RadfmWeights} and {@link org.radmd.radfm.model.SafeTensors} (streaming
 * safetensors IO), {@link org.radmd.radfm.model.RadfmGenerator} (greedy / top-k sampling, left-padded batches,
 * teacher-forced scoring), {@link org.radmd.radfm.model.LanguageModelLoss} and
 * {@link org.radmd.radfm.model.DjlRadfmBackend} (the {@link org.radmd.radfm.RadfmBackend} over all of it).
 *
 * <p>Precision: FLOAT32 on CPU, FLOAT16 on GPU; BFLOAT16 arrays abort DJL 0.36's PyTorch engine, so bf16
 * checkpoints are widened while loading.
 */
package org.radmd.radfm.model;
