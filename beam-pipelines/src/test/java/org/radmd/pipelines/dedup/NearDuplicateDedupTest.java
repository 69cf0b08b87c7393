package org.radmd.pipelines.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.core.Reject;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;
import org.radmd.core.Stage;
import org.radmd.core.image.Volume;
import org.radmd.filters.dedup.ImagePerturbation;
import org.radmd.pipelines.coders.JsonRecordCoder;

/**
 * The transform on the DirectRunner over samples built from real corpus images and captions, stored under a
 * scratch output root: a MedPix picture reappearing cropped and re-encoded (ROCO) and in grey (COVID-19-CT-CXR),
 * a ROCO caption that reuses that COVID caption with its clauses reordered (joins the cluster through text), a
 * PMC-Inline caption reused with a figure label by ROCO, a Radiopaedia series republished with every second
 * slice, two studies of one case with the same picture (never compared), a sample whose image is missing, and
 * samples without duplicates.
 */
class NearDuplicateDedupTest {
  static final TupleTag<Sample> SAMPLES = new TupleTag<>("samples") {};
  static final TupleTag<Reject> REJECTS = new TupleTag<>("rejects") {};
  static final String CHART_CAPTION = "Kaplan-Meier estimates of distant-metastasis-free survival in 133 patients"
      + " treated with neoadjuvant chemotherapy, stratified by the predicted response signature; the p-value is"
      + " from a log-rank test.";
  static final String COVID_CAPTION = "Chest CT of a 47-year-old man on day 5 after symptom onset, showing"
      + " bilateral ground-glass opacities in the lower lobes, with interlobular septal thickening.";
  @TempDir static Path root;
  static List<Sample> input = new ArrayList<>();

  @BeforeAll
  static void fixtures() throws IOException {
    DedupFixtures f = new DedupFixtures(root);
    BufferedImage ct = DedupFixtures.corpusImage("medpix/images/MPX1322_synpic45731.png");
    BufferedImage chart = DedupFixtures.corpusImage("pmc/PMC2270912/pone.0001908.g001.jpg");
    BufferedImage otherChart = DedupFixtures.corpusImage("pmc/PMC2270912/pone.0001908.g003.jpg");
    BufferedImage medicat = DedupFixtures.corpusImage(
        "other/medicat_sample/figures/26491ab76c6e8d6acc582e71bb6b3b5f5601ccc2_3-Figure4-1.png");
    BufferedImage mr = DedupFixtures.corpusImage("medpix/images/MPX2497_synpic11130.png");
    BufferedImage xray = DedupFixtures.corpusImage("medpix/images/MPX2483_synpic27405.png");
    BufferedImage edited = ImagePerturbation.jpeg(ImagePerturbation.crop(ct, 0.08, 0.06, new Random(1)), 0.7f);
    input.add(DedupFixtures.sample("mpx-MPX1322", SourceDataset.MPX, "MPX1322", SampleText.builder()
        .findings("Contrast enhanced CT images reveal large intraluminal filling defects in the right and left"
            + " main pulmonary arteries.").build(), f.picture("synpic45731", ct)));
    input.add(DedupFixtures.sample("roco-ROCO_1", SourceDataset.ROCO, "PMC100",
        DedupFixtures.caption("CTPA demonstrating saddle embolus."), f.picture("ROCO_1", edited)));
    input.add(DedupFixtures.sample("covid-PMC9-f1", SourceDataset.COVID19_CT_CXR, "PMC9",
        DedupFixtures.caption(COVID_CAPTION), f.picture("f1", org.radmd.core.image.Images.toGray(ct))));
    input.add(DedupFixtures.sample("roco-ROCO_3", SourceDataset.ROCO, "PMC400", DedupFixtures.caption(
        "With interlobular septal thickening, chest CT of a 47-year-old man on day 5 after symptom onset, showing"
        + " bilateral ground-glass opacities in the lower lobes."), f.picture("ROCO_3", mr)));
    input.add(DedupFixtures.sample("pmci-PMC200-F1", SourceDataset.PMC_INLINE, "PMC200", SampleText.builder()
        .caption(CHART_CAPTION).inline(List.of("Survival differed between the predicted groups (Figure 1).",
            "The signature was validated in an independent cohort.")).build(), f.picture("F1", chart)));
    input.add(DedupFixtures.sample("roco-ROCO_2", SourceDataset.ROCO, "PMC300",
        DedupFixtures.caption("Figure 2: " + CHART_CAPTION.replace("133", "135")), f.picture("ROCO_2", otherChart)));
    Volume t2 = Volume.fromSlices(DedupFixtures.slices("1/axial-t2"), 64);
    List<Path> half = new ArrayList<>();
    List<Path> all = DedupFixtures.slices("1/axial-t2");
    for (int i = 0; i < all.size(); i += 2) {
      half.add(all.get(i));
    }
    input.add(DedupFixtures.sample("rp3d-70432-1", SourceDataset.RP3D, "70432",
        SampleText.builder().findings("Large midline posterior fossa mass.").build(), f.volume("1/axial-t2", t2)));
    input.add(DedupFixtures.sample("dcm-study9", SourceDataset.DICOM, "study9",
        SampleText.builder().history("Headache.").build(), f.volume("t2", Volume.fromSlices(half, 64))));
    input.add(DedupFixtures.sample("rp3d-70432-0", SourceDataset.RP3D, "70432",
        DedupFixtures.caption("key image"), f.picture("0", xray)));
    input.add(DedupFixtures.sample("rp3d-70432-2", SourceDataset.RP3D, "70432",
        DedupFixtures.caption("key image"), f.picture("2", xray)));
    input.add(DedupFixtures.sample("medicat-abc", SourceDataset.MEDICAT, "abc",
        DedupFixtures.caption("Figure 4. Nuclear magnetic resonance scan demonstrating the occipital lesion."),
        f.picture("Figure4", medicat)));
    input.add(DedupFixtures.sample("roco-ROCO_9", SourceDataset.ROCO, "PMC900",
        DedupFixtures.caption("Missing picture."), DedupFixtures.missing("ROCO_9")));
  }

  static Pipeline pipeline() {
    PipelineOptions o = PipelineOptionsFactory.create();
    o.setRunner(DirectRunner.class);
    return Pipeline.create(o);
  }

  @Test
  void clustersKeepOneRepresentativeAndRejectTheRest() {
    Pipeline p = pipeline();
    PCollectionTuple out = p.apply(Create.of(input).withCoder(JsonRecordCoder.samples()))
        .apply(new NearDuplicateDedup(root.toString(), SAMPLES, REJECTS));
    PAssert.that(out.get(SAMPLES)).satisfies(kept -> {
      Map<String, Sample> byId = new TreeMap<>();
      kept.forEach(s -> byId.put(s.id(), s));
      assertEquals(List.of("medicat-abc", "mpx-MPX1322", "pmci-PMC200-F1", "roco-ROCO_9", "rp3d-70432-0",
          "rp3d-70432-1", "rp3d-70432-2"), new ArrayList<>(byId.keySet()));
      assertEquals("covid-PMC9-f1,roco-ROCO_1,roco-ROCO_3", byId.get("mpx-MPX1322").attributes().get("duplicates"));
      assertEquals("roco-ROCO_2", byId.get("pmci-PMC200-F1").attributes().get("duplicates"));
      assertEquals("dcm-study9", byId.get("rp3d-70432-1").attributes().get("duplicates"));
      assertNull(byId.get("rp3d-70432-0").attributes().get("duplicates"), "same case: never compared");
      assertEquals(input.stream().filter(s -> s.id().equals("medicat-abc")).findFirst().orElseThrow(),
          byId.get("medicat-abc"), "samples without duplicates pass unchanged");
      return null;
    });
    PAssert.that(out.get(REJECTS)).satisfies(rejects -> {
      Map<String, Reject> byId = new TreeMap<>();
      rejects.forEach(r -> byId.put(r.itemId(), r));
      assertEquals(List.of("covid-PMC9-f1", "dcm-study9", "roco-ROCO_1", "roco-ROCO_2", "roco-ROCO_3"),
          new ArrayList<>(byId.keySet()));
      for (Reject r : byId.values()) {
        assertEquals(Stage.DEDUP, r.stage());
      }
      Reject crop = byId.get("roco-ROCO_1");
      assertEquals("duplicate-near-image", crop.reason());
      assertTrue(crop.message().startsWith("duplicate_of=mpx-MPX1322: near-duplicate image of "),
          crop.message());
      assertTrue(crop.message().contains("(pHash Hamming ") && crop.message().contains(", correlation 0.9"),
          crop.message());
      assertTrue(crop.message().endsWith("cluster of 4"), crop.message());
      Reject viaText = byId.get("roco-ROCO_3");
      assertEquals("duplicate-near-text", viaText.reason());
      assertTrue(viaText.message().startsWith("duplicate_of=mpx-MPX1322: near-duplicate text of covid-PMC9-f1"
          + " (Jaccard 0."), viaText.message());
      Reject caption = byId.get("roco-ROCO_2");
      assertEquals("duplicate-near-text", caption.reason());
      assertTrue(caption.message().contains("caption text"), caption.message());
      Reject volume = byId.get("dcm-study9");
      assertEquals("duplicate-near-image", volume.reason());
      assertTrue(volume.message().contains("mean slice pHash Hamming"), volume.message());
      assertEquals("DICOM", volume.source());
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void nothingToDedupPassesEverySampleThrough() {
    Pipeline p = pipeline();
    List<Sample> distinct = List.of(input.get(0), input.get(4), input.get(10));
    PCollectionTuple out = p.apply(Create.of(distinct).withCoder(JsonRecordCoder.samples()))
        .apply(new NearDuplicateDedup(root.toString(), SAMPLES, REJECTS));
    PAssert.that(out.get(SAMPLES)).containsInAnyOrder(distinct);
    PAssert.that(out.get(REJECTS)).empty();
    p.run().waitUntilFinish();
  }
}
