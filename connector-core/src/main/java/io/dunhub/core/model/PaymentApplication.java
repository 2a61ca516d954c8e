package io.dunhub.core.model;

/** The part of a payment applied to one invoice. */
public record PaymentApplication(String invoiceId, Money amount) {
  public PaymentApplication {
    Checks.requireText(invoiceId, "payment application invoice");
    Checks.require(amount, "payment application amount");
    Checks.requireNotNegative(amount, "payment application amount");
  }
}
