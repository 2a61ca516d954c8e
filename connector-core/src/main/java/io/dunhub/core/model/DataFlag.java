package io.dunhub.core.model;

/**
 * Something odd a host said that Dunhub keeps rather than rejects, flagged so a person can look at
 * it.
 */
public enum DataFlag {
  /** The host's due date is before its issue date; kept as the host says. */
  DUE_BEFORE_ISSUE,
  /** The open balance is larger than the total (a host-side adjustment); kept as the host says. */
  BALANCE_ABOVE_TOTAL
}
