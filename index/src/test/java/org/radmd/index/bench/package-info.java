/**
 * Benchmarks of the case index on generated corpora derived from the real sample corpus: indexing throughput and
 * query latency ({@link org.radmd.index.bench.SearchBench}). Main classes, not tests; they assert nothing.
 */
package org.radmd.index.bench;
