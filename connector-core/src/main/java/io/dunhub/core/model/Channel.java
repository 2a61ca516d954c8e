package io.dunhub.core.model;

/** How a notice reaches a person. */
public enum Channel {
  EMAIL,
  SMS,
  LETTER,
  TASK
}
