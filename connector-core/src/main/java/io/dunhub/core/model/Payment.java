package io.dunhub.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Money received (or a failed attempt) from a party, and the invoices it pays.
 *
 * @param origin the connection the payment came from (or {@code hub} when Dunhub collected it)
 */
public record Payment(
    String id,
    String partyId,
    Money amount,
    LocalDate date,
    String method,
    List<PaymentApplication> applications,
    PaymentResult result,
    String failureReason,
    String origin) {

  public Payment {
    Checks.require(amount, "payment amount");
    Checks.requireNotNegative(amount, "payment amount");
    Checks.require(date, "payment date");
    applications = Checks.copy(applications);
    if (result == null) {
      result = PaymentResult.SUCCEEDED;
    }
    if (result == PaymentResult.FAILED && (failureReason == null || failureReason.isBlank())) {
      throw new IllegalArgumentException("a failed payment needs a failure reason");
    }
    Money applied = Money.zero(amount.currency());
    for (PaymentApplication a : applications) {
      if (!a.amount().currency().equals(amount.currency())) {
        throw new IllegalArgumentException(
            "payment applies "
                + a.amount()
                + " to invoice "
                + a.invoiceId()
                + " in another currency than "
                + amount);
      }
      applied = applied.plus(a.amount());
    }
    if (applied.compareTo(amount) > 0) {
      throw new IllegalArgumentException(
          "payment of " + amount + " applies " + applied + " to invoices, more than it holds");
    }
  }

  public Payment withId(String newId) {
    return new Payment(
        newId, partyId, amount, date, method, applications, result, failureReason, origin);
  }
}
