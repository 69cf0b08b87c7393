/**
 * RadMD rule filters and the text and image primitives they share.
 *
 * <ul>
 *   <li>Configuration: {@link org.radmd.filters.FilterConfig} (one JSON file, default resource
 *       {@code org/radmd/filters/radmd-filters.json}: every rule with a name, {@code enabled}, parameters and
 *       reason codes), run by {@link org.radmd.filters.RadmdFilters}.
 *   <li>Radiology decision: {@link org.radmd.filters.RadiologyFilter} (declared modality, then
 *       {@link org.radmd.filters.TextRadiologyDecision} — caption first, strong terms from
 *       {@link org.radmd.filters.ModalityLexicon} via {@link org.radmd.filters.ModalityClassifier}, weak context
 *       words from {@link org.radmd.filters.ContextLexicon} — then {@link org.radmd.filters.ImageStatistics}).
 *   <li>Compound figures: {@link org.radmd.filters.CaptionPanels} and the gutter layout of
 *       {@link org.radmd.filters.ImageStatistics}.
 *   <li>Text transforms: {@link org.radmd.filters.PhiScrubber} (HIPAA Safe Harbor identifiers to typed
 *       placeholders), {@link org.radmd.filters.CaptionCleaner}; checks {@link org.radmd.filters.LanguageCheck},
 *       {@link org.radmd.filters.VqaAnswerability}; exact-dedup canonicalisation
 *       {@link org.radmd.filters.TextNormalizer}.
 *   <li>Model scores: {@link org.radmd.filters.score.SampleScorer} and {@link org.radmd.filters.ScoreThresholds}.
 * </ul>
 *
 * <p>Verdicts are {@link org.radmd.filters.FilterDecision}s with kebab-case reason codes that become
 * {@link org.radmd.core.Reject} reasons. Every type here is immutable, thread-safe and {@link java.io.Serializable}
 * unless documented otherwise, so one instance can be shared by the workers of a Beam DoFn. Parameters are
 * non-null unless documented otherwise.
 */
package org.radmd.filters;
