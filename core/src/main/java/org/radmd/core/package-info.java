/**
 * Domain types that cross pipeline stages ({@link org.radmd.core.Sample}, {@link org.radmd.core.ImageRef},
 * {@link org.radmd.core.Reject}), their canonical JSON form ({@link org.radmd.core.Json}) and stable ids.
 *
 * <p>Every type here is an immutable Java record: safe to share between threads and to serialize with the
 * Beam coders in {@code beam-pipelines}. Nullable components are documented per component; list and map
 * components are never null (empty instead) and are unmodifiable copies.
 */
package org.radmd.core;
