package io.dunhub.core.model;

/** What a contact does at the party. */
public enum ContactRole {
  BILLING,
  ACCOUNTS_PAYABLE,
  PRIMARY,
  OTHER
}
