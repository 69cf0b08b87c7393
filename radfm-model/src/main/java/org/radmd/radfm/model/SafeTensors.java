package org.radmd.radfm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streaming reader and writer of the safetensors format (huggingface/safetensors, "Format": an 8-byte
 * little-endian header length N, N bytes of JSON {@code {name: {dtype, shape, data_offsets:[begin, end]}},
 * optional {@code __metadata__} of string values}, then the raw little-endian tensor bytes).
 *
 * <p>Unlike {@code NDList.decode}, which needs the whole file in one Java array (at most 2 GB), the reader
 * memory-maps one tensor at a time, so RadFM's ~28 GB bf16 checkpoint loads tensor by tensor. Supported dtypes:
 * F32, F16, BF16, F64, I64, I32. BF16 tensors are widened in Java and returned as FLOAT32 or FLOAT16: DJL 0.36's
 * PyTorch engine aborts the JVM on BFLOAT16 arrays (checked: {@code toType(BFLOAT16)} ends in "terminate called
 * without an active exception"), so radmd never creates one. Not thread-safe; one instance per thread.
 */
public final class SafeTensors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafeTensors() {}

  /** One tensor entry of a header. */
  public record Entry(String name, String dtype, long[] shape, long begin, long end) {}

  /** An open safetensors file; {@link #close()} releases the channel. */
  public static final class Reader implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Reader(Path path) throws IOException {
      this.path = path;
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        long size = channel.size();
        if (size < 8) {
          throw new IOException(path + ": not a safetensors file (shorter than 8 bytes)");
        }
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(len, 0);
        long n = len.getLong(0);
        if (n <= 0 || n > 100_000_000L || 8 + n > size) {
          throw new IOException(path + ": bad safetensors header length " + n);
        }
        ByteBuffer header = ByteBuffer.allocate((int) n);
        readFully(header, 8);
        dataStart = 8 + n;
        JsonNode root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
        for (Map.Entry<String, JsonNode> f : root.properties()) {
          if (f.getKey().equals("__metadata__")) {
            f.getValue().properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
            continue;
          }
          JsonNode t = f.getValue();
          JsonNode shapeNode = t.get("shape");
          JsonNode offsets = t.get("data_offsets");
          if (shapeNode == null || offsets == null || t.get("dtype") == null || offsets.size() != 2) {
            throw new IOException(path + ": malformed header entry " + f.getKey());
          }
          long[] shape = new long[shapeNode.size()];
          for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
          }
          Entry e = new Entry(f.getKey(), t.get("dtype").asText(), shape, offsets.get(0).asLong(),
              offsets.get(1).asLong());
          long expected = RadfmConfig.numel(shape) * bytesPerElement(e.dtype());
          if (e.end() - e.begin() != expected || dataStart + e.end() > size) {
            throw new IOException(path + ": tensor " + e.name() + " has " + (e.end() - e.begin())
                + " bytes, expected " + expected + " inside the file");
          }
          entries.put(e.name(), e);
        }
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    private void readFully(ByteBuffer b, long pos) throws IOException {
      while (b.hasRemaining()) {
        int r = channel.read(b, pos + b.position());
        if (r < 0) {
          throw new IOException(path + ": unexpected end of file");
        }
      }
    }

    /** Header entries by name, in file order. */
    public Map<String, Entry> entries() {
      return entries;
    }

    /** The {@code __metadata__} map (empty if absent). */
    public Map<String, String> metadata() {
      return metadata;
    }

    /**
     * Reads one tensor into a new array of {@code manager}, converted to {@code target}.
     *
     * @throws IllegalArgumentException if the name is absent
     */
    public NDArray read(NDManager manager, String name, DataType target) throws IOException {
      Entry e = entries.get(name);
      if (e == null) {
        throw new IllegalArgumentException(path + ": no tensor " + name);
      }
      long bytes = e.end() - e.begin();
      if (bytes > Integer.MAX_VALUE) {
        throw new IOException(path + ": tensor " + name + " larger than 2 GB is not supported");
      }
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), bytes);
      mapped.order(ByteOrder.LITTLE_ENDIAN);
      DataType source = dataType(e.dtype());
      Shape shape = new Shape(e.shape());
      if (target == DataType.BFLOAT16) {
        throw new UnsupportedOperationException("BFLOAT16 arrays crash DJL 0.36's PyTorch engine; load as FLOAT16"
            + " or FLOAT32");
      }
      if (source == DataType.BFLOAT16) {
        // bf16 = the high 16 bits of an IEEE float32: widen in Java (DJL 0.36 cannot hold bf16 arrays).
        java.nio.ShortBuffer in = mapped.asShortBuffer();
        float[] f = new float[in.remaining()];
        for (int i = 0; i < f.length; i++) {
          f[i] = Float.intBitsToFloat((in.get(i) & 0xffff) << 16);
        }
        NDArray wide = manager.create(f, shape);
        if (target == DataType.FLOAT32) {
          return wide;
        }
        NDArray narrowed = wide.toType(target, false);
        wide.close();
        return narrowed;
      }
      // DJL copies a mapped (direct) buffer into a tensor of its own only if asked to: copy explicitly.
      ByteBuffer copy = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
      copy.put(mapped);
      copy.flip();
      NDArray raw = manager.create(copy, shape, source);
      // A tensor made from a direct buffer may share the buffer's memory; return one that owns its storage.
      NDArray owned = source == target ? raw.duplicate() : raw.toType(target, true);
      raw.close();
      java.lang.ref.Reference.reachabilityFence(copy);
      return owned;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Opens {@code path} and parses its header. */
  public static Reader open(Path path) throws IOException {
    return new Reader(path);
  }

  /**
   * Writes {@code tensors} (in map order) to {@code path}, atomically (temp file + move). Arrays are written in
   * their own dtype.
   *
   * @param metadata string metadata stored as {@code __metadata__}, may be empty
   */
  public static void write(Path path, Map<String, NDArray> tensors, Map<String, String> metadata)
      throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      NDArray a = e.getValue();
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", dtypeName(a.getDataType()));
      var shape = t.putArray("shape");
      for (long d : a.getShape().getShape()) {
        shape.add(d);
      }
      long bytes = a.getShape().size() * bytesPerElement(dtypeName(a.getDataType()));
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    head.flip();
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(out, head);
      for (NDArray a : tensors.values()) {
        ByteBuffer b = a.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        writeFully(out, b);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** Bytes per element of a safetensors dtype name. */
  static int bytesPerElement(String dtype) {
    return switch (dtype) {
      case "F64", "I64" -> 8;
      case "F32", "I32" -> 4;
      case "F16", "BF16", "I16" -> 2;
      case "U8", "I8", "BOOL" -> 1;
      default -> throw new IllegalArgumentException("unsupported safetensors dtype " + dtype);
    };
  }

  /** DJL type of a safetensors dtype name. */
  static DataType dataType(String dtype) {
    return switch (dtype) {
      case "F64" -> DataType.FLOAT64;
      case "F32" -> DataType.FLOAT32;
      case "F16" -> DataType.FLOAT16;
      case "BF16" -> DataType.BFLOAT16;
      case "I64" -> DataType.INT64;
      case "I32" -> DataType.INT32;
      case "U8" -> DataType.UINT8;
      case "I8" -> DataType.INT8;
      default -> throw new IllegalArgumentException("unsupported safetensors dtype " + dtype);
    };
  }

  /** Safetensors dtype name of a DJL type. */
  static String dtypeName(DataType t) {
    return switch (t) {
      case FLOAT64 -> "F64";
      case FLOAT32 -> "F32";
      case FLOAT16 -> "F16";
      case BFLOAT16 -> "BF16";
      case INT64 -> "I64";
      case INT32 -> "I32";
      case UINT8 -> "U8";
      case INT8 -> "I8";
      default -> throw new IllegalArgumentException("unsupported dtype for safetensors: " + t);
    };
  }
}
