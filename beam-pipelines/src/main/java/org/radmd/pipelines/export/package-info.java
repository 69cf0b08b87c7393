/**
 * RadMD exports: case-level train/test splits with a leakage guard ({@link org.radmd.pipelines.export.SplitAssigner}),
 * the unified instruction JSONL ({@link org.radmd.pipelines.export.InstructionBuilder}), RadFM's own training
 * files ({@link org.radmd.pipelines.export.RadfmFiles}), selectors ({@link org.radmd.pipelines.export.Selector}),
 * and the dataset card and HTML report. {@link org.radmd.pipelines.export.RadmdExport} runs them all.
 */
package org.radmd.pipelines.export;
