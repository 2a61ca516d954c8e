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
