package io.dunhub.hub.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Money;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.core.model.PaymentResult;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.StoreTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

class LedgerReaderTest {

  @StoreTest
  void paymentBehaviourCountsLatePaymentsOfTheLastYear(Store store) {
    OffsetDateTime at = OffsetDateTime.parse("2026-03-01T00:00:00Z");
    LedgerSeeder seed = new LedgerSeeder(store, at.toInstant());
    seed.invoice(Fixtures.invoice("a", "p1", "2026-01-10", "100", "USD"));
    seed.invoice(Fixtures.invoice("b", "p1", "2026-02-10", "100", "USD"));
    seed.invoice(Fixtures.invoice("c", "p1", "2026-02-20", "100", "USD"));
    payment(
        store,
        "x",
        LocalDate.of(2026, 1, 20),
        PaymentResult.SUCCEEDED,
        "a",
        "b"); // a 10 days late, b early
    payment(store, "y", LocalDate.of(2026, 3, 1), PaymentResult.SUCCEEDED, "c"); // 9 days late
    payment(store, "z", LocalDate.of(2026, 3, 1), PaymentResult.FAILED, "b"); // failed: ignored
    payment(store, "old", LocalDate.of(2024, 3, 1), PaymentResult.SUCCEEDED, "c"); // too old

    PaymentBehaviour b =
        store
            .jdbi()
            .withHandle(
                h -> LedgerReader.behaviour(h, "p1", Instant.parse("2026-03-02T00:00:00Z")));

    assertThat(b.latePayments()).isEqualTo(2);
    assertThat(b.averageDaysLate()).isEqualByComparingTo(new BigDecimal("9.5"));
  }

  @StoreTest
  void anInvoiceDeletedInItsHostIsReadAsVoidSoItsCaseStops(Store store) {
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    LedgerSeeder seed = new LedgerSeeder(store, at);
    seed.party(Fixtures.party("p1", "US", "America/New_York"));
    seed.invoice(Fixtures.invoice("kept", "p1", "2026-02-01", "100", "USD"));
    seed.invoice(Fixtures.invoice("gone", "p1", "2026-02-01", "100", "USD"));
    new DunningCases(store, java.time.Clock.fixed(at, java.time.ZoneOffset.UTC)).openMissing();
    store.jdbi().useHandle(h -> h.execute("UPDATE invoices SET deleted = TRUE WHERE id = 'gone'"));

    for (boolean batch : new boolean[] {false, true}) {
      List<CaseFacts> cases =
          store
              .jdbi()
              .withHandle(
                  h ->
                      batch
                          ? LedgerReader.loadAll(h, List.of("p1"), at).get("p1")
                          : LedgerReader.load(h, "p1", at).orElseThrow())
              .facts()
              .cases();
      assertThat(cases)
          .as(batch ? "loadAll" : "load")
          .extracting(c -> c.invoice().id() + "=" + c.invoice().status())
          .containsExactlyInAnyOrder("kept=OPEN", "gone=VOID");
    }
  }

  @StoreTest
  void aPaymentItsHostHasNotReflectedYetLowersTheBalanceDunningSees(Store store) {
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    LedgerSeeder seed = new LedgerSeeder(store, at);
    seed.party(Fixtures.party("p1", "US", "America/New_York"));
    seed.invoice(Fixtures.invoice("half", "p1", "2026-02-01", "100", "USD"));
    seed.invoice(Fixtures.invoice("full", "p1", "2026-02-01", "100", "USD"));
    seed.invoice(Fixtures.invoice("declined", "p1", "2026-02-01", "100", "USD"));
    new DunningCases(store, java.time.Clock.fixed(at, java.time.ZoneOffset.UTC)).openMissing();
    // card payments taken by the hub: the accounting host still shows every invoice at 100
    payment(store, "card-1", LocalDate.of(2026, 2, 27), PaymentResult.SUCCEEDED, "half", "full");
    payment(store, "card-2", LocalDate.of(2026, 2, 28), PaymentResult.SUCCEEDED, "full");
    payment(store, "card-3", LocalDate.of(2026, 2, 28), PaymentResult.FAILED, "declined");

    List<CaseFacts> cases =
        store
            .jdbi()
            .withHandle(h -> LedgerReader.loadAll(h, List.of("p1"), at).get("p1"))
            .facts()
            .cases();

    assertThat(cases)
        .extracting(
            c ->
                c.invoice().id()
                    + "="
                    + c.invoice().status()
                    + " "
                    + c.invoice().openBalance().amount().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("half=PARTIALLY_PAID 50", "full=PAID 0", "declined=OPEN 100");
    // once the host reflects the payment, the balances agree: nothing is counted twice
    seed.pay(Fixtures.invoice("half", "p1", "2026-02-01", "100", "USD"), Money.of("50", "USD"), at);
    assertThat(
            store
                .jdbi()
                .withHandle(h -> LedgerReader.load(h, "p1", at).orElseThrow())
                .facts()
                .cases())
        .filteredOn(c -> c.invoice().id().equals("half"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.invoice().status())
                  .isEqualTo(io.dunhub.core.model.InvoiceStatus.PARTIALLY_PAID);
              assertThat(c.invoice().openBalance()).isEqualTo(Money.of("50.00", "USD"));
            });
  }

  private static void payment(
      Store store, String id, LocalDate date, PaymentResult result, String... invoices) {
    List<PaymentApplication> apps =
        java.util.Arrays.stream(invoices)
            .map(i -> new PaymentApplication(i, Money.of("50", "USD")))
            .toList();
    Payment p =
        new Payment(
            id,
            "p1",
            Money.of("200", "USD"),
            date,
            "ach",
            apps,
            result,
            result == PaymentResult.FAILED ? "declined" : null,
            "books");
    OffsetDateTime at = OffsetDateTime.parse("2026-03-01T00:00:00Z");
    store
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO payments (id, party_id, payment_date, currency, amount, result, deleted, data, hash, version, created_at, updated_at)"
                        + " VALUES (?, 'p1', ?, 'USD', 200, ?, FALSE, ?, ?, 1, ?, ?)",
                    id,
                    date,
                    result.name(),
                    CanonicalReader.write(p),
                    "0".repeat(64),
                    at,
                    at));
  }
}
