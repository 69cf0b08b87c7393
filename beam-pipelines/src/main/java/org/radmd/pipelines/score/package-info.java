/**
 * Model scoring of RadMD samples: {@link org.radmd.pipelines.score.RadfmSampleScorer}, the RadFM implementation
 * of {@link org.radmd.filters.score.SampleScorer} (radfm-model through DJL), and its resumable on-disk cache
 * {@link org.radmd.pipelines.score.ScoreCache}.
 */
package org.radmd.pipelines.score;
