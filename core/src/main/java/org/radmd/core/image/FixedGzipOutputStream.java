package org.radmd.core.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A gzip (RFC 1952) stream whose header is always the same 10 bytes: no file name, modification time 0,
 * extra flags 0, operating system 255 ("unknown"). {@link java.util.zip.GZIPOutputStream} also writes
 * mtime 0, but its OS byte changed between JDK releases (0 before JDK 16, 255 after); fixing the header here
 * keeps output bytes identical across JDKs for the same deflate stream. Not thread-safe.
 */
final class FixedGzipOutputStream extends DeflaterOutputStream {
  private static final byte[] HEADER = {
      0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final CRC32 crc = new CRC32();
  private long size;
  private boolean finished;
  private boolean closed;

  FixedGzipOutputStream(OutputStream out) throws IOException {
    super(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 64 * 1024);
    out.write(HEADER);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    super.write(b, off, len);
    crc.update(b, off, len);
    size += len;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  /** Completes the deflate stream and writes the CRC-32 and length trailer; the stream stays open. */
  @Override
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    super.finish();
    long c = crc.getValue();
    int n = (int) size;
    out.write(new byte[] {
        (byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
        (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
    finished = true;
  }

  /** Finishes, releases the deflater and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      finish();
    } finally {
      def.end();
      out.close();
    }
  }
}
