/**
 * Beam pipelines that compose scrapers, filters and index into radmd's jobs. {@link
 * org.radmd.pipelines.build.BuildJob} is the {@code radmd build} main job.
 */
package org.radmd.pipelines;
