package io.dunhub.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static final LocalDate PAID = LocalDate.of(2026, 2, 20);

  private static Payment payment(String amount, List<PaymentApplication> applications) {
    return new Payment(
        null, "party-1", Money.of(amount, "USD"), PAID, "check", applications, null, null, "qbo");
  }

  @Test
  void aPaymentMayApplyUpToItsAmountAcrossInvoices() {
    Payment p =
        payment(
            "150",
            List.of(
                new PaymentApplication("inv-1", Money.of("100", "USD")),
                new PaymentApplication("inv-2", Money.of("50", "USD"))));
    assertThat(p.applications()).hasSize(2);
    assertThat(p.result()).as("the default result").isEqualTo(PaymentResult.SUCCEEDED);
    assertThat(payment("150", null).applications()).as("unapplied money").isEmpty();
  }

  @Test
  void applyingMoreThanThePaymentHoldsIsRejected() {
    assertThatThrownBy(
            () ->
                payment(
                    "100",
                    List.of(
                        new PaymentApplication("inv-1", Money.of("60", "USD")),
                        new PaymentApplication("inv-2", Money.of("40.01", "USD")))))
        .hasMessage("payment of 100.00 USD applies 100.01 USD to invoices, more than it holds");
  }

  @Test
  void applicationsMustBeInThePaymentsCurrencyAndNotNegative() {
    assertThatThrownBy(
            () -> payment("100", List.of(new PaymentApplication("inv-1", Money.of("10", "EUR")))))
        .hasMessageContaining("to invoice inv-1 in another currency than 100.00 USD");
    assertThatThrownBy(() -> new PaymentApplication("inv-1", Money.of("-1", "USD")))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new PaymentApplication(" ", Money.of("1", "USD")))
        .hasMessage("payment application invoice is required");
  }

  @Test
  void amountAndDateAreRequiredAndNotNegative() {
    assertThatThrownBy(() -> payment("-5", null))
        .hasMessage("payment amount must not be negative: -5.00 USD");
    assertThatThrownBy(
            () -> new Payment(null, "p", Money.of("5", "USD"), null, null, null, null, null, null))
        .hasMessage("payment date is required");
  }

  @Test
  void aFailedPaymentNeedsAReason() {
    assertThatThrownBy(
            () ->
                new Payment(
                    null,
                    "p",
                    Money.of("5", "USD"),
                    PAID,
                    "card",
                    null,
                    PaymentResult.FAILED,
                    " ",
                    "stripe"))
        .hasMessage("a failed payment needs a failure reason");
    Payment failed =
        new Payment(
            null,
            "p",
            Money.of("5", "USD"),
            PAID,
            "card",
            null,
            PaymentResult.FAILED,
            "card_declined",
            "stripe");
    assertThat(failed.failureReason()).isEqualTo("card_declined");
  }
}
