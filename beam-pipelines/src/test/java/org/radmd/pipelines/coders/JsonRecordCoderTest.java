package org.radmd.pipelines.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Licence;
import org.radmd.core.Modality;
import org.radmd.core.Provenance;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.TextField;

class JsonRecordCoderTest {
  static final Sample SAMPLE = new Sample("mpx-MPX1", SourceDataset.MPX, "MPX1",
      SampleText.builder().title("Medulloblastoma").findings("Midline posterior fossa mass.").build(),
      List.of(ImageRef.unresolved("synpic1", ImageKind.IMAGE_2D, "/in/a.png", List.of("medpix/images/a.png"),
          TextField.FINDINGS, 0, Modality.MR, "MR - T2 weighted", "Axial", "caption")
          .stored("medmd/images/ab/ab.png", List.of(3, 512, 480, 1), "ab")),
      List.of(Modality.MR), "Head", List.of("Medulloblastoma"), Licence.unknown("NLM MedPix"),
      new Provenance("medpix/data.jsonl", "MPX1", null, null, null, "MedPixReader"),
      Map.of("acr-code", "1.3"), Map.of("text_chars", 42.0));

  @Test
  void sampleCoderRoundTripsAndIsDeterministic() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(JsonRecordCoder.samples(), SAMPLE);
    CoderProperties.coderDeterministic(JsonRecordCoder.samples(), SAMPLE, SAMPLE);
    CoderProperties.coderSerializable(JsonRecordCoder.samples());
  }

  @Test
  void rejectCoderRoundTrips() throws Exception {
    Reject r = new Reject("MPx", Stage.PARSE, "json-malformed", "line 3: unexpected end", "medpix/x.jsonl", null);
    CoderProperties.coderDecodeEncodeEqual(JsonRecordCoder.rejects(), r);
    assertEquals(JsonRecordCoder.rejects(), JsonRecordCoder.of(Reject.class));
  }
}
