/**
 * The model-score boundary of the RadMD filters: {@link org.radmd.filters.score.SampleScorer} (batch scoring of
 * samples into named scores; RadFM implements it in beam-pipelines,
 * {@code org.radmd.pipelines.score.RadfmSampleScorer}, so that filters does not depend on DJL),
 * {@link org.radmd.filters.score.ScorerFactory} (creates one by class name on a worker) and
 * {@link org.radmd.filters.ScoreThresholds} (the configured
 * thresholds, applied by the filter chain).
 */
package org.radmd.filters.score;
