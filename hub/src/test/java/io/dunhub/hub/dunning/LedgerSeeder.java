package io.dunhub.hub.dunning;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.store.Store;
import java.time.Instant;

/**
 * Writes canonical records and their host links straight into the store's V1 tables, as the sync
 * engine would after reading them from the hosts.
 */
public final class LedgerSeeder {
  private static final String HASH = "0".repeat(64);
  private final Store store;
  private final Instant at;

  public LedgerSeeder(Store store, Instant at) {
    this.store = store;
    this.at = at;
  }

  public void party(Party p, String... connections) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO parties (id, name, segment, excluded_from_dunning, in_dispute, deleted, data, hash, version,"
                            + " created_at, updated_at) VALUES (:id, :name, :segment, :ex, :disp, FALSE, :data, :hash, 1, :at, :at)")
                    .bind("id", p.id())
                    .bind("name", p.name())
                    .bind("segment", p.segment())
                    .bind("ex", p.excludedFromDunning())
                    .bind("disp", p.inDispute())
                    .bind("data", CanonicalReader.write(p))
                    .bind("hash", HASH)
                    .bind("at", at)
                    .execute());
    link("PARTY", p.id(), connections);
  }

  public void contact(Contact c) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO contacts (id, party_id, role, deleted, data, hash, version, created_at, updated_at)"
                            + " VALUES (:id, :party, :role, FALSE, :data, :hash, 1, :at, :at)")
                    .bind("id", c.id())
                    .bind("party", c.partyId())
                    .bind("role", c.role().name())
                    .bind("data", CanonicalReader.write(c))
                    .bind("hash", HASH)
                    .bind("at", at)
                    .execute());
  }

  public void invoice(Invoice i, String... connections) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO invoices (id, party_id, number, status, issue_date, due_date, currency, total, open_balance,"
                            + " deleted, data, hash, version, created_at, updated_at) VALUES (:id, :party, :number, :status,"
                            + " :issue, :due, :cur, :total, :open, FALSE, :data, :hash, 1, :at, :at)")
                    .bind("id", i.id())
                    .bind("party", i.partyId())
                    .bind("number", i.number())
                    .bind("status", i.status().name())
                    .bind("issue", i.issueDate())
                    .bind("due", i.dueDate())
                    .bind("cur", i.total().currency().getCurrencyCode())
                    .bind("total", i.total().amount())
                    .bind("open", i.openBalance().amount())
                    .bind("data", CanonicalReader.write(i))
                    .bind("hash", HASH)
                    .bind("at", at)
                    .execute());
    link("INVOICE", i.id(), connections);
  }

  /** A payment synced from a host changed the invoice's balance. */
  public void pay(Invoice i, Money newBalance, Instant when) {
    InvoiceStatus status = newBalance.isZero() ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    Invoice paid = i.withBalance(newBalance, status);
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE invoices SET status = :status, open_balance = :open, data = :data, version = version + 1,"
                            + " updated_at = :at WHERE id = :id")
                    .bind("status", status.name())
                    .bind("open", newBalance.amount())
                    .bind("data", CanonicalReader.write(paid))
                    .bind("at", when)
                    .bind("id", i.id())
                    .execute());
  }

  private void link(String entity, String id, String... connections) {
    for (String conn : connections) {
      store
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO external_refs (connection, host_type, host_id, entity, canonical_id, created_at, updated_at)"
                              + " VALUES (:conn, :type, :host, :entity, :id, :at, :at)")
                      .bind("conn", conn)
                      .bind("type", entity.equals("PARTY") ? "Party" : "Invoice")
                      .bind("host", conn + "-" + id)
                      .bind("entity", entity)
                      .bind("id", id)
                      .bind("at", at)
                      .execute());
    }
  }
}
