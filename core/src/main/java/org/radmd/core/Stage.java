package org.radmd.core;

/** Pipeline stages, in order; every {@link Reject} names the stage that dropped the item. */
public enum Stage {
  DISCOVER, PARSE, NORMALIZE, DEDUP, FILTER, EXPORT, INDEX
}
