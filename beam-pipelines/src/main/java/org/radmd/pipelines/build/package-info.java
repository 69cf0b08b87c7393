/**
 * The {@code radmd build} job: discover inputs, parse per source, normalize images, exact dedup, RadMD
 * filter, write {@code medmd/}, {@code radmd/}, {@code rejects/}, {@code stats.json} and {@code index/}.
 */
package org.radmd.pipelines.build;
