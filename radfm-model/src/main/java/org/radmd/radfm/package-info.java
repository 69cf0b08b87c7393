/**
 * RadFM on the JVM. Today: RadFM's special-token layout and the placement of image blocks in prompt text
 * (radfm-spec §1.7), which RadMD exports and the model share. The DJL model, training, generation and
 * serving are tracked in the radfm-model issue.
 */
package org.radmd.radfm;
