package org.radmd.pipelines.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SampleText;
import org.radmd.core.SourceDataset;

/**
 * Makes the instruction lines of one sample with fixed, documented templates (prompts from {@link Prompts}, so
 * every choice is seeded and a rerun is byte-identical). Markers: one {@code <image>} per image; per-image lines
 * put it first; case lines put all images first, in sample order (RadFM places them at the start or the end at
 * random, radfm-spec §1.4-1.6; radmd fixes the start), except PMC-CaseReport, whose images follow the context
 * (one of RadFM's two placements, radfm-spec §1.2).
 *
 * <table>
 * <caption>Templates by source</caption>
 * <tr><th>source</th><th>task</th><th>question (after the markers)</th><th>answer</th></tr>
 * <tr><td>MPx</td><td>modality, per image</td><td>prompt {@code modality}</td><td>the MedPix modality label
 *     (e.g. "MR - T1W w/Gadolinium")</td></tr>
 * <tr><td>MPx</td><td>vqa, per image</td><td>prompt {@code plane}</td><td>the plane (not when "NOS")</td></tr>
 * <tr><td>MPx</td><td>report, per image</td><td>prompt {@code report}</td><td>the image caption</td></tr>
 * <tr><td>MPx</td><td>diagnosis, case</td><td>history + " " + prompt {@code diagnosis}</td><td>impression, else
 *     the first diagnosis</td></tr>
 * <tr><td>MPx</td><td>report, case</td><td>history + " " + prompt {@code findings}</td><td>findings</td></tr>
 * <tr><td>RP3D</td><td>modality, per series</td><td>prompt {@code modality}</td><td>Radiopaedia's modality
 *     name (CT, MRI, X-ray, ...)</td></tr>
 * <tr><td>RP3D</td><td>report, study</td><td>history + " " + prompt {@code caption}</td><td>"Finding: " +
 *     findings + " Impression: " + impression (else the title)</td></tr>
 * <tr><td>RP3D</td><td>diagnosis, study</td><td>history + " " + prompt {@code diagnosis}</td><td>title</td></tr>
 * <tr><td>RP3D</td><td>rationale, study</td><td>history + " " + prompt {@code rationale}</td><td>title + " The
 *     radiographic features can be summarized as follows. " + discussion (else findings)</td></tr>
 * <tr><td>PMC-CaseReport</td><td>vqa</td><td>context (RadFM's truncation: first sentence + last four) + markers
 *     + "\n" + question</td><td>answer</td></tr>
 * <tr><td>PMC-Inline, MedICaT, ROCO, COVID-19-CT-CXR</td><td>report</td><td>prompt {@code report}</td><td>the
 *     caption, else the citing sentences</td></tr>
 * <tr><td>DICOM</td><td>modality per image; report</td><td>as RP3D</td><td>modality name; findings</td></tr>
 * </table>
 *
 * <p>A line whose answer would be blank is not made. Stateless apart from the prompts; thread-safe.
 */
public final class InstructionBuilder {
  private final Prompts prompts;

  public InstructionBuilder(Prompts prompts) {
    this.prompts = prompts;
  }

  /** The lines of {@code s} in {@code split}, in the order made (not sorted). */
  public List<Instruction> build(Sample s, String split) {
    Lines out = new Lines(s, split);
    SampleText t = s.text();
    switch (s.source()) {
      case MPX -> {
        for (ImageRef i : s.images()) {
          out.one("modality", i, "modality", i.modalityLabel());
          if (i.plane() != null && !i.plane().startsWith("NOS")) {
            out.one("vqa", i, "plane", i.plane());
          }
          out.one("report", i, "report", i.caption());
        }
        String dx = firstNonBlank(t.impression(), s.diagnoses().isEmpty() ? null : s.diagnoses().get(0));
        out.all("diagnosis", prefix(t.history()), "diagnosis", dx);
        out.all("report", prefix(t.history()), "findings", t.findings());
      }
      case RP3D, DICOM -> {
        for (ImageRef i : s.images()) {
          Modality m = i.modality() != null ? i.modality() : s.modalities().size() == 1 ? s.modalities().get(0) : null;
          out.one("modality", i, "modality", m == null ? null : modalityName(m));
        }
        if (s.source() == SourceDataset.RP3D) {
          String impression = firstNonBlank(t.impression(), t.title());
          out.all("report", prefix(t.history()), "caption",
              blank(t.findings()) ? null : "Finding: " + t.findings().strip() + " Impression: " + nz(impression));
          out.all("diagnosis", prefix(t.history()), "diagnosis", t.title());
          String features = firstNonBlank(t.discussion(), t.findings());
          out.all("rationale", prefix(t.history()), "rationale", blank(t.title()) || blank(features) ? null
              : t.title().strip() + " The radiographic features can be summarized as follows. " + features.strip());
        } else {
          out.all("report", prefix(t.history()), "report", t.findings());
        }
      }
      case PMC_CASE_REPORT -> {
        String context = caseReportContext(nz(t.history()));
        out.add("vqa", s.images(), context + Instruction.MARKER.repeat(s.images().size()) + "\n"
            + nz(t.question()).strip(), t.answer(), s.modalities());
      }
      default -> {
        ImageRef first = s.images().isEmpty() ? null : s.images().get(0);
        String answer = firstNonBlank(t.caption(), t.get(org.radmd.core.TextField.INLINE));
        if (first != null) {
          out.all("report", "", "report", answer);
        }
      }
    }
    return out.lines;
  }

  /**
   * RadFM's PMC-CaseReport context truncation (radfm-spec §1.2): split on '.'; with more than five pieces keep
   * the first piece + ". " + the last four pieces joined by ". ".
   */
  static String caseReportContext(String context) {
    String[] pieces = context.split("\\.", -1);
    if (pieces.length <= 5) {
      return context;
    }
    List<String> last = List.of(pieces).subList(pieces.length - 4, pieces.length);
    return pieces[0] + ". " + String.join(". ", last);
  }

  /** Radiopaedia's modality names (RP3D's {@code modality_set}), from the DICOM-style code. */
  public static String modalityName(Modality m) {
    return switch (m) {
      case CT -> "CT";
      case MR -> "MRI";
      case CR, DX, XR -> "X-ray";
      case US -> "Ultrasound";
      case MG -> "Mammography";
      case PT -> "PET";
      case NM -> "Nuclear medicine";
      case XA -> "DSA (angiography)";
      case RF -> "Fluoroscopy";
    };
  }

  private final class Lines {
    final Sample s;
    final String split;
    final List<Instruction> lines = new ArrayList<>();
    final Map<String, Integer> counters = new HashMap<>();

    Lines(Sample s, String split) {
      this.s = s;
      this.split = split;
    }

    void one(String task, ImageRef image, String prompt, String answer) {
      if (blank(answer)) {
        return;
      }
      String id = nextId(task);
      List<Modality> mods = image.modality() != null ? List.of(image.modality()) : s.modalities();
      emit(id, task, List.of(image), Instruction.MARKER + prompts.pick(prompt, id), answer, mods);
    }

    void all(String task, String lead, String prompt, String answer) {
      if (blank(answer) || s.images().isEmpty()) {
        return;
      }
      String id = nextId(task);
      emit(id, task, s.images(), Instruction.MARKER.repeat(s.images().size()) + lead + prompts.pick(prompt, id),
          answer, s.modalities());
    }

    void add(String task, List<ImageRef> images, String question, String answer, List<Modality> mods) {
      if (blank(answer) || images.isEmpty()) {
        return;
      }
      emit(nextId(task), task, images, question, answer, mods);
    }

    private String nextId(String task) {
      int k = counters.merge(task, 1, Integer::sum) - 1;
      return s.id() + "/" + task + "/" + k;
    }

    private void emit(String id, String task, List<ImageRef> images, String question, String answer,
        List<Modality> mods) {
      int[] pos = Instruction.markerPositions(question);
      if (pos.length != images.size()) {
        throw new IllegalStateException(id + ": " + pos.length + " markers for " + images.size() + " images");
      }
      List<Instruction.Image> imgs = new ArrayList<>();
      for (int k = 0; k < images.size(); k++) {
        ImageRef i = images.get(k);
        imgs.add(new Instruction.Image(i.path(), i.kind().name(), i.shape().isEmpty() ? defaultShape(i) : i.shape(),
            pos[k]));
      }
      lines.add(new Instruction(id, s.id(), s.caseId(), s.source().displayName(), split, task, question,
          answer.strip(), imgs, mods.stream().map(Enum::name).toList(), s.licence().id()));
    }
  }

  private static List<Integer> defaultShape(ImageRef i) {
    return i.kind() == ImageKind.IMAGE_2D ? List.of(3, 0, 0, 1) : List.of(3, 0, 0, 0);
  }

  private static String prefix(String history) {
    return blank(history) ? "" : history.strip() + " ";
  }

  private static String firstNonBlank(String a, String b) {
    return !blank(a) ? a : !blank(b) ? b : null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
