package io.dunhub.core.model;

/** The canonical entities a connector reads or writes. */
public enum EntityType {
  PARTY,
  CONTACT,
  INVOICE,
  PAYMENT,
  ACTIVITY
}
