/**
 * Rule filters for RadMD and the text primitives they share: exact-dedup text canonicalisation
 * ({@link org.radmd.filters.TextNormalizer}), modality recognition from text
 * ({@link org.radmd.filters.ModalityClassifier} over the {@link org.radmd.filters.ModalityLexicon} table,
 * giving {@link org.radmd.filters.ModalityEvidence}), and the first named filter,
 * {@link org.radmd.filters.RadiologyFilter}, whose verdicts are {@link org.radmd.filters.FilterDecision}s with
 * kebab-case reason codes that become {@link org.radmd.core.Reject} reasons.
 *
 * <p>Every type here is immutable, thread-safe and {@link java.io.Serializable}, so one instance can be
 * shared by the workers of a Beam DoFn. Parameters are non-null unless documented otherwise.
 */
package org.radmd.filters;
