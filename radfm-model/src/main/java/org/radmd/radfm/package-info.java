/**
 * RadFM on the JVM. This package holds what every part shares: RadFM's special-token layout and the placement of
 * image blocks in prompt text ({@link org.radmd.radfm.ImageTokenLayout}, radfm-spec §1.7), and the model seam
 * ({@link org.radmd.radfm.RadfmBackend} with {@link org.radmd.radfm.Prompt} and
 * {@link org.radmd.radfm.GenerationOptions}) that evaluation ({@code eval}) and the HTTP server ({@code serve})
 * call and the DJL model ({@code model}) implements. Text side: {@code text}; data and images: {@code data}.
 */
package org.radmd.radfm;
