package org.radmd.radfm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLOAT16 on GPU gives the CPU FLOAT32 logits within half-precision error. Skipped (visibly) without a GPU. */
class GpuForwardTest {
  @Test
  void fp16GpuLogitsMatchFp32Cpu(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU visible to the PyTorch engine: skipped");
    try (RadfmModel cpu = RadfmModel.initialize(RadfmConfig.tiny(), Device.cpu(), DataType.FLOAT32, 2)) {
      ModelFiles.save(cpu, dir);
      try (RadfmModel gpu = ModelFiles.load(dir, Device.gpu(), DataType.FLOAT16);
          NDScope scope = new NDScope()) {
        long[][] ids = {RadfmModelTest.idsWithImages(1, 8)};
        NDArray im = RadfmModelTest.images(cpu.manager(), 1, 64, 4, 1);
        float[] a = cpu.logits(cpu.manager().create(ids), cpu.visualTokensPerSample(List.of(im), false))
            .toFloatArray();
        float[] b = gpu.logits(gpu.manager().create(ids), gpu.visualTokensPerSample(List.of(im), false))
            .toFloatArray();
        assertEquals(a.length, b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
          worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertTrue(worst < 0.05, "max |fp32 - fp16| = " + worst);
        scope.suppressNotUsedWarning();
      }
    }
  }
}
