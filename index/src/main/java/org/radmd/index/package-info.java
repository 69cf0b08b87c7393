/**
 * The radmd case index: Lucene indexing and search of MedMD samples, so that radiologists can find cases by
 * disease, with synonym expansion from the Human Disease Ontology.
 *
 * <ul>
 *   <li>{@link org.radmd.index.IndexSchema} declares every field, the analyzer and the facets, once.
 *   <li>{@link org.radmd.index.SampleIndexer} writes: one document per sample, upserted by sample id.
 *   <li>{@link org.radmd.index.CaseSearcher} reads: grouped case search, facets, snippets, and the stored samples.
 *   <li>{@link org.radmd.index.DiseaseVocabulary} holds disease names and synonyms (Disease Ontology OBO).
 * </ul>
 *
 * <p>Null policy: nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.radmd.index;

import org.jspecify.annotations.NullMarked;
