package org.radmd.radfm.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;
import org.radmd.radfm.Prompt;

/**
 * One line of the unified instruction JSONL that {@code radmd build} / {@code radmd export} write under
 * {@code OUT/radmd/instructions/} (notes/contract.md). Image paths are relative to OUT. Unknown fields are ignored.
 *
 * @param id unique line id, e.g. {@code mpx-MPX2497/modality/0}
 * @param sampleId the sample the line comes from
 * @param caseId the source's case id
 * @param source the source dataset name (MPx, Radiopaedia, PMC, ...)
 * @param split {@code train} or {@code test}
 * @param task one of {@link #TASKS}
 * @param question the question with one literal {@code <image>} marker per image, in image order
 * @param answer the reference answer
 * @param images the images in marker order
 * @param modalities DICOM modality codes of the images
 * @param licence the licence of the source
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstructionRecord(String id, String sampleId, String caseId, String source, String split, String task,
    String question, String answer, List<ImageEntry> images, List<String> modalities, String licence) {

  /** The RadBench task names the contract allows. */
  public static final List<String> TASKS = List.of("modality", "diagnosis", "vqa", "report", "rationale");

  public InstructionRecord {
    images = images == null ? List.of() : List.copyOf(images);
    modalities = modalities == null ? List.of() : List.copyOf(modalities);
  }

  /**
   * One image of a line.
   *
   * @param path output-relative path, '/' separated (medmd/images/... .png or medmd/volumes/... .nii.gz)
   * @param kind {@code IMAGE_2D} or {@code VOLUME_3D}
   * @param shape [C, H, W, D] as exported (C = 3, D = 1 for 2D)
   * @param position the image's character position in the question without markers (radfm-spec §1.7)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ImageEntry(String path, String kind, List<Integer> shape, int position) {
    /** Kind of a 2D image. */
    public static final String IMAGE_2D = "IMAGE_2D";
    /** Kind of a 3D volume. */
    public static final String VOLUME_3D = "VOLUME_3D";

    public ImageEntry {
      shape = shape == null ? List.of() : List.copyOf(shape);
    }

    /** True for a volume (by kind, else by a .nii / .nii.gz suffix). */
    public boolean is3d() {
      return kind != null ? VOLUME_3D.equals(kind) : RadfmImageLoader.isNifti(path);
    }
  }

  /** True when any image is a volume: RadFM batches such samples apart from 2D ones. */
  public boolean has3d() {
    return images.stream().anyMatch(ImageEntry::is3d);
  }

  /**
   * This line as a {@link Prompt}, image paths resolved against the build output folder.
   *
   * @param outputRoot OUT, the folder that holds {@code radmd/} and {@code medmd/}
   * @throws IllegalArgumentException if the question's markers do not match the images
   */
  public Prompt toPrompt(Path outputRoot) {
    List<Path> files = images.stream().map(e -> outputRoot.resolve(e.path())).toList();
    return new Prompt(question, files, answer);
  }
}
