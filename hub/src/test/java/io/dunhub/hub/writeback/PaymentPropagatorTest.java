package io.dunhub.hub.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.memory.InMemoryConnector;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.core.model.PaymentResult;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.notice.PdfLetterRenderer;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxRelay;
import io.dunhub.hub.outbox.RetryPolicy;
import io.dunhub.hub.store.Store;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

class PaymentPropagatorTest {

  private static final TokenStore NO_TOKENS =
      new TokenStore() {
        @Override
        public Optional<StoredToken> load(String connection) {
          return Optional.empty();
        }

        @Override
        public boolean compareAndSet(String connection, long expectedVersion, OAuthToken token) {
          return false;
        }
      };

  @StoreTest
  void aPaymentFromTheLedgerIsWrittenToTheOtherHostsOnly(Store store) {
    MutableClock clock = MutableClock.atDefaultStart();
    InMemoryHost crm = InMemoryHost.create("pay-crm", clock);
    InMemoryHost support = InMemoryHost.create("pay-support", clock);
    InMemoryHost books = InMemoryHost.create("pay-books", clock);
    Map<String, Connection> connections =
        Map.of(
            "crm",
            open("crm", "pay-crm", clock),
            "support",
            open("support", "pay-support", clock),
            "books",
            open("books", "pay-books", clock));
    Payment payment =
        new Payment(
            "pay1",
            "p1",
            Money.of("250.00", "USD"),
            LocalDate.of(2026, 1, 14),
            "ach",
            List.of(new PaymentApplication("i1", Money.of("250.00", "USD"))),
            PaymentResult.SUCCEEDED,
            null,
            "books");
    OffsetDateTime at = OffsetDateTime.parse("2026-01-15T09:00:00Z");
    store
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO payments (id, party_id, payment_date, currency, amount, result, deleted, data, hash, version, source_connection, created_at, updated_at)"
                      + " VALUES ('pay1', 'p1', ?, 'USD', 250, 'SUCCEEDED', FALSE, ?, ?, 1, 'books', ?, ?)",
                  LocalDate.of(2026, 1, 14),
                  CanonicalReader.write(payment),
                  "0".repeat(64),
                  at,
                  at);
              for (String c : List.of("crm", "support", "books")) {
                h.execute(
                    "INSERT INTO external_refs (connection, host_type, host_id, entity, canonical_id, created_at, updated_at) VALUES (?, 'Party', ?, 'PARTY', 'p1', ?, ?)",
                    c,
                    c + "-acct",
                    at,
                    at);
              }
              h.execute(
                  "INSERT INTO external_refs (connection, host_type, host_id, entity, canonical_id, created_at, updated_at) VALUES ('crm', 'Invoice', 'crm-inv-1', 'INVOICE', 'i1', ?, ?)",
                  at,
                  at);
            });
    JdbcOutbox outbox = new JdbcOutbox(store, clock, RetryPolicy.DEFAULT);
    PaymentPropagator propagator = new PaymentPropagator(outbox);

    List<String> targets = store.jdbi().inTransaction(h -> propagator.propagate(h, "pay1"));
    store.jdbi().useTransaction(h -> propagator.propagate(h, "pay1")); // a replay adds nothing
    new OutboxRelay(
            store,
            outbox,
            Map.of(),
            connections::get,
            new WriteBackPlanner(outbox),
            new PdfLetterRenderer(),
            clock,
            "w")
        .drain(10);

    assertThat(targets).containsExactly("crm", "support");
    assertThat(crm.all("Payment"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.fields().path("amount").path("amount").decimalValue())
                  .isEqualByComparingTo("250.00");
              assertThat(r.fields().path("partyHostId").asText()).isEqualTo("crm-acct");
              assertThat(r.fields().path("invoiceHostIds").get(0).asText()).isEqualTo("crm-inv-1");
            });
    assertThat(support.all("Payment")).hasSize(1);
    assertThat(books.all("Payment")).isEmpty();
    for (String name : List.of("pay-crm", "pay-support", "pay-books")) {
      InMemoryHost.remove(name);
    }
  }

  private static Connection open(String name, String host, MutableClock clock) {
    return new InMemoryConnector()
        .open(
            new ConnectionContext(
                new ConnectionSettings(name, InMemoryConnector.ID, Map.of("host", host), Map.of()),
                clock,
                NO_TOKENS,
                new OkHttpClient()));
  }
}
