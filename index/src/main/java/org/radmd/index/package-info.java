/**
 * The radmd case index: Lucene indexing and search of MedMD samples, so that radiologists can find cases by
 * disease, with synonym expansion from the Human Disease Ontology.
 *
 * <ul>
 *   <li>{@link org.radmd.index.IndexSchema} declares every field, the analyzer and the facets, once.
 *   <li>{@link org.radmd.index.SampleIndexer} writes: one document per sample, upserted by sample id.
 *   <li>{@link org.radmd.index.CaseSearcher} reads: grouped case search, facets, snippets, and the stored samples.
 *   <li>{@link org.radmd.index.DiseaseVocabulary} holds disease names and synonyms (Disease Ontology OBO), merges
 *       releases and suggests names for a query box.
 *   <li>{@link org.radmd.index.ImageEmbedder} and {@link org.radmd.index.ThumbnailEmbedding} give samples the image
 *       embedding that {@link org.radmd.index.CaseSearcher#similar} searches; {@link org.radmd.index.StoredPaths}
 *       resolves stored image paths inside a build output, and nowhere else.
 *   <li>{@link org.radmd.index.http} serves all of it over HTTP with a web page.
 * </ul>
 *
 * <p>Null policy: nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.radmd.index;

import org.jspecify.annotations.NullMarked;
