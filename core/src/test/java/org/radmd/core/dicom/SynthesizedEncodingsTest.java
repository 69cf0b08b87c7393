package org.radmd.core.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radmd.testing.SharedCorpus;

/**
 * Encodings the corpus lacks, made from its real pixels with PixelMed: a multi-frame object whose frame
 * positions are only in the Per-frame Functional Groups (as Enhanced CT/MR store them, PS3.3 C.7.6.16), frames
 * stored out of spatial order; and Deflated Explicit VR Little Endian (PS3.5 A.5).
 */
class SynthesizedEncodingsTest {
  @TempDir
  Path tmp;

  @Test
  void perFrameFunctionalGroupsGiveEachFramesPosition() throws Exception {
    List<Path> files = Series.files(Series.CT3); // 01, 02, 03 at z = -126.69, -127.69, -128.69
    int[] order = {1, 2, 0}; // frames stored as 02, 03, 01
    AttributeList first = read(files.get(0));
    int plane = 512 * 512;
    short[] pixels = new short[3 * plane];
    SequenceAttribute perFrame = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
    for (int i = 0; i < 3; i++) {
      AttributeList src = read(files.get(order[i]));
      System.arraycopy(src.get(TagFromName.PixelData).getShortValues(), 0, pixels, i * plane, plane);
      AttributeList item = new AttributeList();
      item.put(sequence(TagFromName.PlanePositionSequence,
          copy(src, TagFromName.ImagePositionPatient)));
      perFrame.addItem(item);
    }
    AttributeList shared = new AttributeList();
    shared.put(sequence(TagFromName.PlaneOrientationSequence, copy(first, TagFromName.ImageOrientationPatient)));
    shared.put(sequence(TagFromName.PixelMeasuresSequence, copy(first, TagFromName.PixelSpacing),
        copy(first, TagFromName.SliceThickness)));
    shared.put(sequence(TagFromName.PixelValueTransformationSequence, copy(first, TagFromName.RescaleSlope),
        copy(first, TagFromName.RescaleIntercept)));
    SequenceAttribute sharedSq = new SequenceAttribute(TagFromName.SharedFunctionalGroupsSequence);
    sharedSq.addItem(shared);
    AttributeList multi = first;
    for (AttributeTag t : new AttributeTag[] {TagFromName.ImagePositionPatient, TagFromName.ImageOrientationPatient,
        TagFromName.PixelSpacing, TagFromName.RescaleSlope, TagFromName.RescaleIntercept}) {
      multi.remove(t);
    }
    multi.put(perFrame);
    multi.put(sharedSq);
    Attribute frames = new IntegerStringAttribute(TagFromName.NumberOfFrames);
    frames.addValue(3);
    multi.put(frames);
    OtherWordAttribute pd = new OtherWordAttribute(TagFromName.PixelData);
    pd.setValues(pixels);
    multi.put(pd);
    Path out = write(multi, TransferSyntax.ExplicitVRLittleEndian, "multiframe.dcm");

    DicomFile f = DicomReader.pixelMed().read(out);
    assertEquals(3, f.frames());
    assertEquals(-127.69, f.geometry(0).imagePositionPatient()[2], 1e-4);
    assertEquals(-1024, f.geometry(0).rescaleIntercept());
    DicomSeries fromFrames = SeriesAssembler.assemble(List.of(f)).get(0);
    assertEquals(List.of(1, 0, 2), fromFrames.slices().stream().map(DicomSeries.Slice::frame).toList());
    DicomVolume a = DicomVolume.of(fromFrames);
    DicomVolume b = DicomVolume.of(Series.assemble(Series.CT3));
    assertArrayEquals(b.shape(), a.shape());
    for (int r = 0; r < 4; r++) {
      assertArrayEquals(b.affine()[r], a.affine()[r], 1e-9);
    }
    for (int z = 0; z < 3; z++) {
      for (int y = 0; y < 512; y += 7) {
        for (int x = 0; x < 512; x += 5) {
          assertEquals(b.voxel(x, y, z), a.voxel(x, y, z));
        }
      }
    }
  }

  @Test
  void deflatedExplicitLittleEndianDecodes() throws Exception {
    Path src = SharedCorpus.corpus("dicom/single/MR_small.dcm");
    Path out = write(read(src), TransferSyntax.DeflatedExplicitVRLittleEndian, "deflated.dcm");
    DicomFile f = DicomReader.pixelMed().read(out);
    assertEquals("1.2.840.10008.1.2.1.99", f.transferSyntaxUid());
    assertArrayEquals(DicomReader.pixelMed().read(src).expectPixels().frame(0), f.expectPixels().frame(0));
    assertTrue(f.dataset().string("PatientName").isPresent());
  }

  private static AttributeList read(Path p) throws Exception {
    AttributeList l = new AttributeList();
    l.read(p.toFile());
    return l;
  }

  private static Attribute copy(AttributeList from, AttributeTag tag) throws Exception {
    Attribute src = from.get(tag);
    Attribute a = new DecimalStringAttribute(tag);
    for (String v : src.getStringValues()) {
      a.addValue(v);
    }
    return a;
  }

  private static SequenceAttribute sequence(AttributeTag tag, Attribute... attributes) {
    SequenceAttribute sq = new SequenceAttribute(tag);
    AttributeList item = new AttributeList();
    for (Attribute a : attributes) {
      item.put(a);
    }
    sq.addItem(item);
    return sq;
  }

  private Path write(AttributeList list, String ts, String name) throws Exception {
    list.removeGroupLengthAttributes();
    list.removeMetaInformationHeaderAttributes();
    FileMetaInformation.addFileMetaInformation(list, ts, "RADMDTEST");
    Path out = tmp.resolve(name);
    list.write(out.toFile(), ts, true, true);
    return out;
  }
}
