/**
 * RadBench-style evaluation (radfm-spec §5): accuracy for closed and yes/no questions, BLEU-4, ROUGE-L and a
 * medical-term F1 (a Disease-Ontology stand-in for UMLS precision/recall), and the {@link
 * org.radmd.radfm.eval.Evaluator} that runs a {@link org.radmd.radfm.RadfmBackend} over an instruction split.
 */
package org.radmd.radfm.eval;
