package io.dunhub.hub.dunning;

import java.math.BigDecimal;

/**
 * How a party paid in the last 365 days.
 *
 * @param latePayments invoices paid after their due date
 * @param averageDaysLate average days late of those, zero when none
 */
public record PaymentBehaviour(int latePayments, BigDecimal averageDaysLate) {
  public static final PaymentBehaviour NONE = new PaymentBehaviour(0, BigDecimal.ZERO);
}
