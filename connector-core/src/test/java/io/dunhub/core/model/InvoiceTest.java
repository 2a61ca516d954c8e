package io.dunhub.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  private static final LocalDate ISSUED = LocalDate.of(2026, 1, 15);
  private static final LocalDate DUE = LocalDate.of(2026, 2, 14);

  private static Invoice invoice(
      LocalDate issue, LocalDate due, Money total, Money balance, Set<DataFlag> flags) {
    return new Invoice(
        "inv-1",
        "party-1",
        "1042",
        issue,
        due,
        total,
        balance,
        InvoiceStatus.OPEN,
        "Net 30",
        null,
        flags);
  }

  @Test
  void aValidInvoiceIsOpenWhileItHasABalance() {
    Invoice inv = invoice(ISSUED, DUE, Money.of("100", "USD"), Money.of("40", "USD"), null);
    assertThat(inv.isOpen()).isTrue();
    assertThat(inv.flags()).isEmpty();
    assertThat(inv.withBalance(Money.of("0", "USD"), InvoiceStatus.PAID).isOpen()).isFalse();
    assertThat(inv.withBalance(Money.of("0", "USD"), InvoiceStatus.PARTIALLY_PAID).isOpen())
        .as("a zero balance is not open whatever the status says")
        .isFalse();
  }

  @Test
  void negativeTotalsAndBalancesAreRejected() {
    assertThatThrownBy(
            () -> invoice(ISSUED, DUE, Money.of("-1", "USD"), Money.of("0", "USD"), null))
        .hasMessage("invoice 1042 total must not be negative: -1.00 USD");
    assertThatThrownBy(
            () -> invoice(ISSUED, DUE, Money.of("10", "USD"), Money.of("-0.01", "USD"), null))
        .hasMessageContaining("invoice 1042 open balance must not be negative");
  }

  @Test
  void totalsAndCurrencyAreRequiredAndShared() {
    assertThatThrownBy(() -> invoice(ISSUED, DUE, null, Money.of("0", "USD"), null))
        .hasMessage("invoice 1042 total is required");
    assertThatThrownBy(
            () -> invoice(ISSUED, DUE, Money.of("10", "USD"), Money.of("10", "EUR"), null))
        .hasMessage("invoice 1042 total and open balance are in different currencies");
    assertThatThrownBy(
            () ->
                new Invoice(
                    null,
                    "p",
                    " ",
                    ISSUED,
                    DUE,
                    Money.of("1", "USD"),
                    Money.of("1", "USD"),
                    InvoiceStatus.OPEN,
                    null,
                    null,
                    null))
        .hasMessage("invoice number is required");
  }

  @Test
  void dueBeforeIssueIsRejectedUnlessFlagged() {
    LocalDate early = ISSUED.minusDays(3);
    assertThatThrownBy(
            () -> invoice(ISSUED, early, Money.of("10", "USD"), Money.of("10", "USD"), null))
        .hasMessage("invoice 1042 is due 2026-01-12, before it was issued on 2026-01-15");
    Invoice flagged =
        invoice(
            ISSUED,
            early,
            Money.of("10", "USD"),
            Money.of("10", "USD"),
            Set.of(DataFlag.DUE_BEFORE_ISSUE));
    assertThat(flagged.dueDate()).isEqualTo(early);
  }

  @Test
  void fromHostKeepsADueDateBeforeTheIssueDateAndFlagsIt() {
    LocalDate early = ISSUED.minusDays(3);
    Invoice inv =
        Invoice.fromHost(
            "inv-9",
            "party-1",
            "1042",
            ISSUED,
            early,
            Money.of("10", "USD"),
            Money.of("10", "USD"),
            InvoiceStatus.OPEN,
            "Net 30",
            null);
    assertThat(inv.dueDate()).isEqualTo(early);
    assertThat(inv.issueDate()).isEqualTo(ISSUED);
    assertThat(inv.flags()).containsExactly(DataFlag.DUE_BEFORE_ISSUE);

    Invoice normal =
        Invoice.fromHost(
            "inv-9",
            "party-1",
            "1042",
            ISSUED,
            DUE,
            Money.of("10", "USD"),
            Money.of("10", "USD"),
            InvoiceStatus.OPEN,
            "Net 30",
            null);
    assertThat(normal.flags()).isEmpty();
  }

  @Test
  void aBalanceAboveTheTotalIsRejectedUnlessFlaggedAndFromHostFlagsIt() {
    assertThatThrownBy(
            () -> invoice(ISSUED, DUE, Money.of("100", "USD"), Money.of("120", "USD"), null))
        .hasMessage("invoice 1042 has an open balance of 120.00 USD, above its total 100.00 USD");
    Invoice inv =
        Invoice.fromHost(
            null,
            "party-1",
            "1042",
            ISSUED,
            DUE,
            Money.of("100", "USD"),
            Money.of("120", "USD"),
            InvoiceStatus.OPEN,
            null,
            null);
    assertThat(inv.flags()).containsExactly(DataFlag.BALANCE_ABOVE_TOTAL);

    Invoice paidDown = inv.withBalance(Money.of("20", "USD"), InvoiceStatus.PARTIALLY_PAID);
    assertThat(paidDown.flags()).as("the flag goes when it stops being true").isEmpty();
  }

  @Test
  void fromHostStillRejectsNegativeAmountsAndMissingDates() {
    assertThatThrownBy(
            () ->
                Invoice.fromHost(
                    null,
                    "p",
                    "1042",
                    ISSUED,
                    DUE,
                    Money.of("-5", "USD"),
                    Money.of("0", "USD"),
                    InvoiceStatus.OPEN,
                    null,
                    null))
        .hasMessageContaining("total must not be negative");
    assertThatThrownBy(
            () ->
                Invoice.fromHost(
                    null,
                    "p",
                    "1042",
                    ISSUED,
                    null,
                    Money.of("5", "USD"),
                    Money.of("0", "USD"),
                    InvoiceStatus.OPEN,
                    null,
                    null))
        .hasMessage("invoice 1042 due date is required");
  }
}
