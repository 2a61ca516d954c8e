package io.dunhub.hub.console;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A small ledger written straight into the store, as a sync would leave it: three customers with
 * billing contacts and five open USD invoices, one in each aging bucket on {@link #AS_OF}.
 */
final class ConsoleSeed {

  static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);
  private static final String HASH = "0".repeat(64);

  /** The invoices: id, party, number, due date, open balance; one per aging bucket. */
  static final Object[][] INVOICES = {
    {"i-1001", "p-acme", "INV-1001", "2026-03-20", "1000.00"}, // current
    {"i-1002", "p-acme", "INV-1002", "2026-02-25", "250.00"}, // 13 days: 1-30
    {"i-1003", "p-globex", "INV-1003", "2026-01-20", "400.00"}, // 49 days: 31-60
    {"i-1005", "p-globex", "INV-1005", "2025-12-25", "330.50"}, // 75 days: 61-90
    {"i-1004", "p-initech", "INV-1004", "2025-11-15", "1200.00"}, // 115 days: 90+
  };

  private ConsoleSeed() {}

  static void write(Store store, Instant at) {
    party(store, at, "p-acme", "Acme Corporation", "ap@acme.example");
    party(store, at, "p-globex", "Globex Ltd", "billing@globex.example");
    party(store, at, "p-initech", "Initech GmbH", "buchhaltung@initech.example");
    for (Object[] row : INVOICES) {
      invoice(
          store,
          at,
          (String) row[0],
          (String) row[1],
          (String) row[2],
          LocalDate.parse((String) row[3]),
          (String) row[4]);
    }
  }

  private static void party(Store store, Instant at, String id, String name, String email) {
    boolean german = id.equals("p-initech");
    Party p =
        new Party(
            id,
            name,
            email,
            null,
            german ? "DE" : "US",
            german ? Locale.GERMANY : Locale.US,
            ZoneId.of(german ? "Europe/Berlin" : "America/New_York"),
            null,
            Set.of(),
            null,
            null,
            false,
            false);
    Contact c =
        new Contact(
            "c-" + id,
            id,
            "Alex",
            "Payable",
            email,
            null,
            ContactRole.BILLING,
            Channel.EMAIL,
            Set.of(),
            false);
    store
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO parties (id, name, email_key, deleted, data, hash, version,"
                      + " created_at, updated_at) VALUES (?, ?, ?, FALSE, ?, ?, 1, ?, ?)",
                  id,
                  name,
                  email,
                  CanonicalReader.write(p),
                  HASH,
                  at,
                  at);
              h.execute(
                  "INSERT INTO contacts (id, party_id, email_key, role, deleted, data, hash,"
                      + " version, created_at, updated_at)"
                      + " VALUES (?, ?, ?, 'BILLING', FALSE, ?, ?, 1, ?, ?)",
                  c.id(),
                  id,
                  email,
                  CanonicalReader.write(c),
                  HASH,
                  at,
                  at);
            });
  }

  private static void invoice(
      Store store,
      Instant at,
      String id,
      String party,
      String number,
      LocalDate due,
      String balance) {
    Invoice i =
        new Invoice(
            id,
            party,
            number,
            due.minusDays(30),
            due,
            Money.of(balance, "USD"),
            Money.of(balance, "USD"),
            InvoiceStatus.OPEN,
            "Net 30",
            "https://pay.example/" + number,
            Set.of());
    store
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date,"
                        + " currency, total, open_balance, deleted, data, hash, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'OPEN', ?, ?, 'USD', ?, ?,"
                        + " FALSE, ?, ?, 1, ?, ?)",
                    id,
                    party,
                    number,
                    due.minusDays(30),
                    due,
                    new java.math.BigDecimal(balance),
                    new java.math.BigDecimal(balance),
                    CanonicalReader.write(i),
                    HASH,
                    at,
                    at));
  }
}
