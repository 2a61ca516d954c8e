package io.dunhub.core.mapping;

/** Which way a mapping (or one of its rules) carries values. */
public enum Direction {
  /** Host to canonical: the hub reads. */
  INBOUND,
  /** Canonical to host: the hub writes. */
  OUTBOUND,
  /** Both ways. */
  BOTH;

  public boolean inbound() {
    return this != OUTBOUND;
  }

  public boolean outbound() {
    return this != INBOUND;
  }
}
