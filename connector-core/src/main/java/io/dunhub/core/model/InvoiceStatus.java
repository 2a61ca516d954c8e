package io.dunhub.core.model;

/** Where an invoice stands, as far as dunning cares. */
public enum InvoiceStatus {
  OPEN,
  PARTIALLY_PAID,
  PAID,
  VOID
}
