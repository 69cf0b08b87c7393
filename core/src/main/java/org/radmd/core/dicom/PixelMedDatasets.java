package org.radmd.core.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Converts a PixelMed {@link AttributeList} into radmd's {@link DicomDataset}. Stateless and thread-safe. */
final class PixelMedDatasets {
  /** VRs whose values are bulk binary data: kept as elements without values. */
  private static final Set<String> BULK = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");
  private static final DicomDictionary DICTIONARY = AttributeList.getDictionary();

  private PixelMedDatasets() {}

  /** Every element of {@code list} except Pixel Data, with nested sequence items. */
  static DicomDataset of(AttributeList list) {
    return of(list, 0);
  }

  private static DicomDataset of(AttributeList list, int depth) {
    List<DicomElement> out = new ArrayList<>(list.size());
    for (Attribute a : list.values()) {
      AttributeTag t = a.getTag();
      int tag = (t.getGroup() << 16) | t.getElement();
      if (tag == DicomStructure.PIXEL_DATA) {
        continue;
      }
      String vr = new String(a.getVR(), StandardCharsets.US_ASCII);
      String keyword = keyword(t);
      if (a instanceof SequenceAttribute sq) {
        List<DicomDataset> items = new ArrayList<>();
        if (depth < DicomStructure.MAX_DEPTH) {
          for (int i = 0; i < sq.getNumberOfItems(); i++) {
            items.add(of(sq.getItem(i).getAttributeList(), depth + 1));
          }
        }
        out.add(new DicomElement(tag, keyword, "SQ", List.of(), items));
      } else {
        out.add(DicomElement.of(tag, keyword, vr, BULK.contains(vr) ? List.of() : values(a)));
      }
    }
    return DicomDataset.of(out);
  }

  private static String keyword(AttributeTag t) {
    if ((t.getGroup() & 1) == 1) {
      return "";
    }
    String name = DICTIONARY.getNameFromTag(t);
    return name == null ? "" : name;
  }

  private static List<String> values(Attribute a) {
    try {
      String[] v = a.getStringValues();
      return v == null ? List.of() : Arrays.asList(v);
    } catch (DicomException | RuntimeException e) {
      return List.of();
    }
  }
}
