package org.radmd.pipelines.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.radmd.core.Sample;
import org.radmd.filters.dedup.CropFamily;
import org.radmd.filters.dedup.ImageSignature;
import org.radmd.filters.dedup.VolumeHash;
import org.radmd.pipelines.coders.JsonRecordCoder;

/**
 * Compact binary coders for the records the dedup transforms shuffle. Strings are written as modified UTF-8
 * ({@link DataOutputStream#writeUTF}, ids and keys only), numbers big-endian. Deterministic: equal records
 * encode to equal bytes. Stateless and thread-safe.
 */
final class DedupCoders {
  private DedupCoders() {}

  static ImageEntryCoder imageEntries() {
    return new ImageEntryCoder();
  }

  static TextEntryCoder textEntries() {
    return new TextEntryCoder();
  }

  static ImagePayloadCoder imagePayloads() {
    return new ImagePayloadCoder();
  }

  static TextPayloadCoder textPayloads() {
    return new TextPayloadCoder();
  }

  static ImageMatchCoder imageMatches() {
    return new ImageMatchCoder();
  }

  static EdgeCoder edges() {
    return new EdgeCoder();
  }

  static MemberCoder members() {
    return new MemberCoder();
  }

  /** Base: deterministic, equal when of the same class. */
  abstract static class Base<T> extends CustomCoder<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void verifyDeterministic() {
      // fixed binary layout
    }

    @Override
    public boolean equals(Object o) {
      return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }
  }

  static final class ImageEntryCoder extends Base<ImageEntry> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(ImageEntry e, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(e.imageKey());
      out.writeUTF(e.sampleId());
      out.writeUTF(e.source());
      out.writeUTF(e.caseId());
      out.writeBoolean(e.probe());
      out.writeLong(e.hash());
      out.flush();
    }

    @Override
    public ImageEntry decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new ImageEntry(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readBoolean(),
          in.readLong());
    }
  }

  static final class TextEntryCoder extends Base<TextEntry> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(TextEntry e, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(e.unitKey());
      out.writeUTF(e.sampleId());
      out.writeUTF(e.source());
      out.writeUTF(e.caseId());
      out.flush();
    }

    @Override
    public TextEntry decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new TextEntry(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
    }
  }

  static final class ImagePayloadCoder extends Base<ImagePayload> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(ImagePayload p, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(p.sampleId());
      out.writeInt(p.index());
      out.writeInt(p.count());
      if (p.picture() != null) {
        out.writeByte(2);
        for (long h : p.picture().family()) {
          out.writeLong(h);
        }
        out.write(p.picture().thumbnail());
      } else {
        out.writeByte(3);
        for (long h : p.volume().slices()) {
          out.writeLong(h);
        }
      }
      out.flush();
    }

    @Override
    public ImagePayload decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      String sample = in.readUTF();
      int index = in.readInt();
      int count = in.readInt();
      if (in.readByte() == 2) {
        long[] family = new long[CropFamily.SIZE];
        for (int i = 0; i < family.length; i++) {
          family[i] = in.readLong();
        }
        byte[] thumb = new byte[ImageSignature.THUMBNAIL * ImageSignature.THUMBNAIL];
        in.readFully(thumb);
        return new ImagePayload(sample, index, count, new ImageSignature(family[0], family, thumb), null);
      }
      long[] slices = new long[VolumeHash.FRACTIONS.length];
      for (int i = 0; i < slices.length; i++) {
        slices[i] = in.readLong();
      }
      return new ImagePayload(sample, index, count, null, new VolumeHash(slices));
    }
  }

  static final class TextPayloadCoder extends Base<TextPayload> {
    private static final long serialVersionUID = 1L;
    private static final org.apache.beam.sdk.coders.StringUtf8Coder TEXT =
        org.apache.beam.sdk.coders.StringUtf8Coder.of();

    @Override
    public void encode(TextPayload p, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(p.sampleId());
      out.writeUTF(p.unit());
      out.flush();
      TEXT.encode(p.normalized(), os);
    }

    @Override
    public TextPayload decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new TextPayload(in.readUTF(), in.readUTF(), TEXT.decode(is));
    }
  }

  static final class ImageMatchCoder extends Base<ImageMatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(ImageMatch m, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(m.sampleA());
      out.writeInt(m.indexA());
      out.writeInt(m.countA());
      out.writeUTF(m.sampleB());
      out.writeInt(m.indexB());
      out.writeInt(m.countB());
      out.writeDouble(m.hamming());
      out.writeDouble(m.correlation());
      out.flush();
    }

    @Override
    public ImageMatch decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new ImageMatch(in.readUTF(), in.readInt(), in.readInt(), in.readUTF(), in.readInt(), in.readInt(),
          in.readDouble(), in.readDouble());
    }
  }

  static final class EdgeCoder extends Base<Edge> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Edge e, OutputStream os) throws IOException {
      DataOutputStream out = new DataOutputStream(os);
      out.writeUTF(e.a());
      out.writeUTF(e.b());
      out.writeByte(e.kind().ordinal());
      out.writeDouble(e.score());
      out.writeUTF(e.detail());
      out.flush();
    }

    @Override
    public Edge decode(InputStream is) throws IOException {
      DataInputStream in = new DataInputStream(is);
      return new Edge(in.readUTF(), in.readUTF(), Edge.Kind.values()[in.readByte()], in.readDouble(),
          in.readUTF());
    }
  }

  static final class MemberCoder extends Base<Member> {
    private static final long serialVersionUID = 1L;
    private final JsonRecordCoder<Sample> samples = JsonRecordCoder.samples();
    private final EdgeCoder edges = new EdgeCoder();

    @Override
    public void encode(Member m, OutputStream out) throws IOException {
      samples.encode(m.sample(), out);
      edges.encode(m.edge(), out);
    }

    @Override
    public Member decode(InputStream in) throws IOException {
      return new Member(samples.decode(in), edges.decode(in));
    }
  }
}
