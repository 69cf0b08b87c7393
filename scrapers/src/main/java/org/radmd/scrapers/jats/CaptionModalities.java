package org.radmd.scrapers.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.radmd.core.Modality;

/**
 * Imaging modalities named in a figure caption, used to decide which case-report figures are radiology images.
 * A small, documented lexicon (case-insensitive unless noted; abbreviations case-sensitive):
 *
 * <ul>
 *   <li>CT: {@code CT}, {@code CTA}, {@code HRCT}, {@code MDCT}, "computed tomograph", "CT angiogra";
 *   <li>MR: {@code MRI}, {@code MR}, {@code MRCP}, {@code MRA}, "magnetic resonance", "T1-/T2-weighted",
 *       {@code FLAIR}, "diffusion-weighted";
 *   <li>US: "ultrasound", "ultrasonograph", "sonograph", "echocardiogra", "Doppler";
 *   <li>XR: "radiograph", "X-ray", "x ray", {@code CXR}, "plain film";
 *   <li>MG: "mammogra"; PT: {@code PET}, "positron emission"; NM: "scintigra", {@code SPECT}, "bone scan";
 *   <li>XA: "angiogra" (when not a CT or MR angiogram); RF: "fluoroscop", "barium (swallow|enema|meal)",
 *       "cholangiogra".
 * </ul>
 *
 * <p>Modalities come out in order of first mention, without repeats. Stateless and thread-safe.
 */
final class CaptionModalities {
  private static final Map<Modality, Pattern> LEXICON = Map.of(
      Modality.CT, Pattern.compile("\\b(?:CT|CTA|HRCT|MDCT)\\b|(?i:computed\\s+tomograph)"),
      Modality.MR, Pattern.compile("\\b(?:MRI|MR|MRCP|MRA|FLAIR)\\b|(?i:magnetic\\s+resonance|\\bT[12][-\\s]weighted"
          + "|diffusion[-\\s]weighted)"),
      Modality.US, Pattern.compile("(?i:ultrasound|ultrasonograph|sonograph|echocardiogra|\\bdoppler\\b)"),
      Modality.XR, Pattern.compile("\\bCXR\\b|(?i:radiograph|\\bx[-\\s]?ray|plain\\s+film)"),
      Modality.MG, Pattern.compile("(?i:mammogra)"),
      Modality.PT, Pattern.compile("\\bPET\\b|(?i:positron\\s+emission)"),
      Modality.NM, Pattern.compile("\\bSPECT\\b|(?i:scintigra|bone\\s+scan)"),
      Modality.XA, Pattern.compile("(?i:angiogra)"),
      Modality.RF, Pattern.compile("(?i:fluoroscop|barium\\s+(?:swallow|enema|meal)|cholangiogra)"));

  private CaptionModalities() {}

  /** The modalities {@code caption} names, in order of first mention; empty for null. */
  static List<Modality> of(String caption) {
    if (caption == null) {
      return List.of();
    }
    TreeMap<Integer, Modality> byOffset = new TreeMap<>();
    for (Map.Entry<Modality, Pattern> e : LEXICON.entrySet()) {
      Matcher m = e.getValue().matcher(caption);
      if (m.find()) {
        byOffset.putIfAbsent(m.start(), e.getKey());
      }
    }
    List<Modality> out = new ArrayList<>(byOffset.values());
    if (out.contains(Modality.XA) && (out.contains(Modality.CT) || out.contains(Modality.MR))) {
      out.remove(Modality.XA);
    }
    return out.stream().distinct().toList();
  }

  /** A noun phrase for images of {@code modalities}: "CT image", "MR image", "radiograph", ...; "image" when none. */
  static String noun(List<Modality> modalities) {
    if (modalities.size() != 1) {
      return "image";
    }
    return switch (modalities.get(0)) {
      case CT -> "CT image";
      case MR -> "MR image";
      case US -> "ultrasound image";
      case XR, CR, DX -> "radiograph";
      case MG -> "mammogram";
      case PT -> "PET image";
      case NM -> "scintigram";
      case XA -> "angiogram";
      case RF -> "fluoroscopic image";
    };
  }
}
