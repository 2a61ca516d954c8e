package io.dunhub.core.model;

/** Whether money actually arrived. */
public enum PaymentResult {
  SUCCEEDED,
  FAILED
}
