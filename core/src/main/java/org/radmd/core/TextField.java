package org.radmd.core;

/** The text fields a {@link SampleText} can hold; an image's position refers to one of them. */
public enum TextField {
  TITLE, CAPTION, INLINE, QUESTION, ANSWER, HISTORY, FINDINGS, IMPRESSION, DISCUSSION
}
