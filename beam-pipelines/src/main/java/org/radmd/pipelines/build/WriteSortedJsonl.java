package org.radmd.pipelines.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.radmd.core.Json;

/**
 * Writes records as JSON Lines in {@code shards} files, each sorted by a key, so that the same input always
 * gives byte-identical files whatever the runner or parallelism: {@code DIR/NAME-SSSSS-of-NNNNN.jsonl}.
 * A record's shard is {@code floorMod(key.hashCode(), shards)} ({@link String#hashCode()} is specified, so
 * stable). Each shard is written to a temporary file and renamed into place. A shard with no records is not
 * written.
 *
 * @param <T> a record type {@link Json} can write
 */
final class WriteSortedJsonl<T> extends PTransform<PCollection<T>, PDone> {
  private static final long serialVersionUID = 1L;
  private final String dir;
  private final String name;
  private final int shards;
  private final SerializableFunction<T, String> sortKey;

  WriteSortedJsonl(String dir, String name, int shards, SerializableFunction<T, String> sortKey) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, got " + shards);
    }
    this.dir = dir;
    this.name = name;
    this.shards = shards;
    this.sortKey = sortKey;
  }

  /** File name of shard {@code shard} of {@code shards}. */
  static String shardName(String name, int shard, int shards) {
    return String.format(Locale.ROOT, "%s-%05d-of-%05d.jsonl", name, shard, shards);
  }

  @Override
  public PDone expand(PCollection<T> input) {
    final SerializableFunction<T, String> key = sortKey;
    final int n = shards;
    Coder<KV<String, String>> lineCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    input
        .apply("ToKeyedLines", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((T t) -> KV.of(key.apply(t), Json.write(t))))
        .setCoder(lineCoder)
        .apply("AssignShard", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via((KV<String, String> kv) -> KV.of(Math.floorMod(kv.getKey().hashCode(), n), kv)))
        .setCoder(KvCoder.of(VarIntCoder.of(), lineCoder))
        .apply("GroupByShard", GroupByKey.create())
        .apply("WriteShard", ParDo.of(new WriteShardFn(dir, name, shards)));
    return PDone.in(input.getPipeline());
  }

  static final class WriteShardFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, Void> {
    private static final long serialVersionUID = 1L;
    private final String dir;
    private final String name;
    private final int shards;

    WriteShardFn(String dir, String name, int shards) {
      this.dir = dir;
      this.name = name;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> shard) {
      List<KV<String, String>> lines = new ArrayList<>();
      shard.getValue().forEach(lines::add);
      // Sort by key, then by the line itself so that equal keys still give one order.
      lines.sort((a, b) -> {
        int c = a.getKey().compareTo(b.getKey());
        return c != 0 ? c : a.getValue().compareTo(b.getValue());
      });
      Path target = Path.of(dir, shardName(name, shard.getKey(), shards));
      try {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + name, ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          for (KV<String, String> line : lines) {
            w.write(line.getValue());
            w.write('\n');
          }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + target, e);
      }
    }
  }
}
