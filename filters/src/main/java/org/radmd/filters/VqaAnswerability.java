package org.radmd.filters;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Whether a VQA question can be answered from the image. A question about the clinical history (age,
 * symptoms, duration, medication, family or social history, how the patient presented or was treated) that
 * names nothing an image can show cannot; RadFM's VQA items should be answerable by looking (RadFM, Methods
 * "RadMD": questions relying on patient history were removed).
 *
 * <p>Rule: not answerable when the question matches a history cue and no image cue. History cues: history,
 * how old, age, presented/presenting, complain*, symptom*, duration, how long, medication*, prescribed,
 * allerg*, smok*, alcohol, occupation, family, gender/sex, admitted, referred, treated with, past medical, vital
 * signs, blood pressure, laboratory, lab values. Image cues: image, scan, film, radiograph, CT, MR(I), X-ray,
 * ultrasound, seen, shown, visible, depicted, demonstrat*, appear*, finding*, lesion, abnormal*, located,
 * where, which side, plane, modality, organ, structure, sign, enhanc*, mass, fracture, opacity.
 *
 * <p>Stateless and thread-safe.
 */
public final class VqaAnswerability implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RULE = "vqa-image-answerable";
  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern HISTORY = Pattern.compile("\\b(?:history|how old|age|aged|presented|presenting"
      + "|complain\\w*|symptoms?|duration|how long|medications?|prescribed|allerg\\w*|smok\\w*|alcohol"
      + "|occupation|family|gender|sex|admitted|referred|treated with|past medical|vital signs|blood pressure"
      + "|laboratory|lab values?)\\b", CI);
  private static final Pattern IMAGE = Pattern.compile("\\b(?:images?|imaging|scans?|films?|radiographs?|CT|MRI?"
      + "|x-?rays?|ultrasound|seen|shown|visible|depicted|demonstrat\\w*|appear\\w*|findings?|lesions?"
      + "|abnormal\\w*|located|where|which side|planes?|modality|organs?|structures?|signs?|enhanc\\w*|mass"
      + "|fractures?|opacit\\w*)\\b", CI);

  /** True when {@code question} can be answered from the image (null or blank: true, nothing to judge). */
  public boolean answerable(String question) {
    if (question == null || question.isBlank()) {
      return true;
    }
    return !HISTORY.matcher(question).find() || IMAGE.matcher(question).find();
  }
}
