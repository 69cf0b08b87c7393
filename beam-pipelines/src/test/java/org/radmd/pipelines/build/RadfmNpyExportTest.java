package org.radmd.pipelines.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Provenance;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.TextField;
import org.radmd.core.image.Nifti;
import org.radmd.core.image.Volume;
import org.radmd.testing.SharedCorpus;

/** {@code --radfm-npy}: every RadMD volume also in RadFM's model-input layout, named by its hash. */
class RadfmNpyExportTest {

  @Test
  void writesOneNpyPerVolumeWithSnappedDepth(@TempDir Path out) throws IOException {
    Path stack = SharedCorpus.corpus("radiopaedia/rID-70432_medulloblastoma/1/sagittal-t2");
    List<Path> slices;
    try (var s = Files.list(stack)) {
      slices = s.sorted().toList();
    }
    Volume v = Volume.fromSlices(slices, 64);
    String rel = OutputLayout.volumePath(v.pixelHash());
    Nifti.writeNiftiGz(v, out.resolve(rel));
    ImageRef vol = ImageRef.unresolved("1/sagittal-t2", ImageKind.VOLUME_3D, stack.toString(), List.of(),
        TextField.FINDINGS, 0, null, null, "Sagittal", null).stored(rel, v.radfmShape(), v.pixelHash());
    Sample s = new Sample("rp3d-1-1", SourceDataset.RP3D, "rID-1", SampleText.EMPTY, List.of(vol), null, null,
        null, Licence.unknown("test"), new Provenance("x", "1", null, null, null, "test"), null, null);

    assertEquals(1, BuildJob.writeRadfmNpy(out, List.of(s, s.withImages(List.of()))));
    Path npy = out.resolve("radmd/npy/" + v.pixelHash() + ".npy");
    assertTrue(Files.isRegularFile(npy));
    byte[] head = Files.readAllBytes(npy);
    String header = new String(head, 10, 118, StandardCharsets.US_ASCII);
    assertEquals(19, slices.size());
    assertTrue(header.contains("'shape': (3, 512, 512, 20)"), "19 slices snap to D = 20: " + header);
  }
}
