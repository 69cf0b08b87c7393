package org.radmd.pipelines.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.radmd.core.Json;
import org.radmd.core.Reject;
import org.radmd.core.Sample;

/**
 * Encodes a core record as its canonical JSON ({@link Json}), length-prefixed UTF-8. Canonical JSON makes the
 * encoding deterministic, so the coder may be used for keys. Thread-safe.
 *
 * <p>Why not a Beam schema: Java records are not picked up by Beam's schema providers (apache/beam#27802),
 * and the JSON form is the same one the outputs use, so one round-trip test covers both.
 *
 * @param <T> a record type that {@link Json} can write and read back equal
 */
public final class JsonRecordCoder<T> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private final Class<T> type;

  private JsonRecordCoder(Class<T> type) {
    this.type = Objects.requireNonNull(type);
  }

  public static <T> JsonRecordCoder<T> of(Class<T> type) {
    return new JsonRecordCoder<>(type);
  }

  public static JsonRecordCoder<Sample> samples() {
    return of(Sample.class);
  }

  public static JsonRecordCoder<Reject> rejects() {
    return of(Reject.class);
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    STRING.encode(Json.write(value), out);
  }

  @Override
  public T decode(InputStream in) throws IOException {
    return Json.read(STRING.decode(in), type);
  }

  @Override
  public void verifyDeterministic() {
    // Canonical JSON: equal records encode to equal bytes.
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonRecordCoder<?> c && c.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "JsonRecordCoder<" + type.getSimpleName() + ">";
  }
}
