/**
 * Small stateless helpers shared by the readers: origin paths ({@link org.radmd.scrapers.support.Origins}),
 * whitespace handling ({@link org.radmd.scrapers.support.Whitespace}), sentence splitting
 * ({@link org.radmd.scrapers.support.SentenceSplitter}) and image-file naming
 * ({@link org.radmd.scrapers.support.ImageFiles}). All are thread-safe. They are public only so that the
 * reader packages can share them; they are not part of the pipeline-facing API.
 */
package org.radmd.scrapers.support;
