package org.radmd.pipelines.dedup;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Joins candidate pairs {@code KV(leftKey, rightKey)} to the payloads of both ends with two CoGroupByKeys:
 * first by the left key (each right key leaves with the left payload), then by the right key. A worker holds
 * one key's pairs and payload at a time. Pairs whose ends have no payload are dropped. Stateless.
 */
final class PairJoin {
  private PairJoin() {}

  /**
   * @param name step-name prefix
   * @param pairs candidate pairs, without repeats
   * @param payloads one payload per key
   * @param coder the payload coder
   * @return {@code KV(left payload, right payload)} per pair
   */
  static <P> PCollection<KV<P, P>> join(String name, PCollection<KV<String, String>> pairs,
      PCollection<KV<String, P>> payloads, Coder<P> coder) {
    TupleTag<String> other = new TupleTag<>("other");
    TupleTag<P> payload = new TupleTag<>("payload");
    PCollection<KV<String, P>> half = KeyedPCollectionTuple.of(other, pairs).and(payload, payloads)
        .apply(name + "ByLeft", CoGroupByKey.create())
        .apply(name + "CarryLeft", ParDo.of(new CarryFn<>(other, payload)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), coder));
    TupleTag<P> carried = new TupleTag<>("carried");
    return KeyedPCollectionTuple.of(carried, half).and(payload, payloads)
        .apply(name + "ByRight", CoGroupByKey.create())
        .apply(name + "Pair", ParDo.of(new PairFn<>(carried, payload)))
        .setCoder(KvCoder.of(coder, coder));
  }

  /** For a left key: its payload travels to each right key. */
  private static final class CarryFn<P> extends DoFn<KV<String, CoGbkResult>, KV<String, P>> {
    private static final long serialVersionUID = 1L;
    private final TupleTag<String> other;
    private final TupleTag<P> payload;

    CarryFn(TupleTag<String> other, TupleTag<P> payload) {
      this.other = other;
      this.payload = payload;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<String, P>> out) {
      P p = e.getValue().getOnly(payload, null);
      if (p == null) {
        return;
      }
      for (String right : e.getValue().getAll(other)) {
        out.output(KV.of(right, p));
      }
    }
  }

  /** For a right key: every carried left payload pairs with its payload. */
  private static final class PairFn<P> extends DoFn<KV<String, CoGbkResult>, KV<P, P>> {
    private static final long serialVersionUID = 1L;
    private final TupleTag<P> carried;
    private final TupleTag<P> payload;

    PairFn(TupleTag<P> carried, TupleTag<P> payload) {
      this.carried = carried;
      this.payload = payload;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<KV<P, P>> out) {
      P p = e.getValue().getOnly(payload, null);
      if (p == null) {
        return;
      }
      for (P left : e.getValue().getAll(carried)) {
        out.output(KV.of(left, p));
      }
    }
  }
}
