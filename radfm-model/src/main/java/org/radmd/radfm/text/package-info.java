/**
 * RadFM's text side: the LLaMA SentencePiece tokenizer with RadFM's added image tokens
 * ({@link org.radmd.radfm.text.RadfmTokenizer}) and the sample-to-token layout of radfm-spec §1.7 (input ids,
 * attention mask, labels; {@link org.radmd.radfm.text.PromptEncoder}).
 */
package org.radmd.radfm.text;
