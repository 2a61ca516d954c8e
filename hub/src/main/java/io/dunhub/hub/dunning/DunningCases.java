package io.dunhub.hub.dunning;

import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Opens dunning cases for open invoices and records state changes (dispute, promise to pay, hold)
 * that re-evaluate a case at once: each change sets {@code next_evaluation_at} to now.
 */
public final class DunningCases {

  private final Store store;
  private final Clock clock;

  public DunningCases(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Opens a case, due for evaluation now, for every open invoice that has none: a full scan of the
   * open invoices, which the hub runs once when it starts (invoices stored while it was down or by
   * an older version). After that the sync opens the cases of the invoices it stores ({@link
   * CaseTriggers}), so no sweep pays for a scan that grows with the ledger.
   *
   * @return how many cases were opened
   */
  public int openMissing() {
    Instant now = clock.instant();
    return store
        .jdbi()
        .inTransaction(
            h -> {
              List<String[]> missing =
                  h.createQuery(
                          "SELECT i.id, i.party_id FROM invoices i WHERE "
                              + OPEN_WITHOUT_CASE
                              + " ORDER BY i.id")
                      .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                      .list();
              return open(h, missing, now);
            });
  }

  /** An open invoice of a known party that has no case yet (on the alias {@code i}). */
  private static final String OPEN_WITHOUT_CASE =
      "i.status IN ('OPEN', 'PARTIALLY_PAID') AND i.deleted = FALSE AND i.party_id IS NOT NULL"
          + " AND NOT EXISTS (SELECT 1 FROM dunning_cases c WHERE c.invoice_id = i.id)";

  /**
   * Opens a case, due now, for each of these invoices that is open, has a party and has no case
   * yet, in the caller's transaction (the sync's, as it stores the invoices).
   *
   * @return how many cases were opened
   */
  public static int openFor(Handle h, java.util.Collection<String> invoiceIds, Instant now) {
    if (invoiceIds.isEmpty()) {
      return 0;
    }
    List<String[]> missing =
        h.createQuery(
                "SELECT i.id, i.party_id FROM invoices i WHERE i.id IN (<ids>) AND "
                    + OPEN_WITHOUT_CASE
                    + " ORDER BY i.id")
            .bindList("ids", List.copyOf(invoiceIds))
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    return open(h, missing, now);
  }

  private static int open(Handle h, List<String[]> invoiceAndParty, Instant now) {
    if (invoiceAndParty.isEmpty()) {
      return 0;
    }
    org.jdbi.v3.core.statement.PreparedBatch batch =
        h.prepareBatch(
            Dialect.of(h.getConnection())
                .insertIfAbsent(
                    "dunning_cases",
                    List.of("invoice_id"),
                    List.of(
                        "id",
                        "invoice_id",
                        "party_id",
                        "version",
                        "next_evaluation_at",
                        "created_at",
                        "updated_at")));
    for (String[] row : invoiceAndParty) {
      batch
          .bind("id", caseId(row[0]))
          .bind("invoice_id", row[0])
          .bind("party_id", row[1])
          .bind("version", 1L)
          .bind("next_evaluation_at", now)
          .bind("created_at", now)
          .bind("updated_at", now)
          .add();
    }
    batch.execute();
    return invoiceAndParty.size();
  }

  /** The case of an invoice has a stable id: the same invoice always gets the same case. */
  static String caseId(String invoiceId) {
    return UUID.nameUUIDFromBytes(
            ("case:" + invoiceId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  /** The invoice changed (payment, void, new balance): evaluate its case now. */
  public void invoiceChanged(String invoiceId) {
    update("next_evaluation_at = :now, closed = FALSE", invoiceId, null);
  }

  /** A dispute was opened (true) or resolved (false). */
  public void dispute(String invoiceId, boolean open) {
    update("disputed = :v, next_evaluation_at = :now", invoiceId, open);
  }

  /** The customer promised to pay by the date (null withdraws the promise). */
  public void promise(String invoiceId, LocalDate date) {
    update("promised_date = :v, next_evaluation_at = :now", invoiceId, date);
  }

  /** Puts the case on hold until the date (exclusive), or releases it when reason is null. */
  public void hold(String invoiceId, String reason, LocalDate until) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE dunning_cases SET hold_reason = :reason, hold_until = :until, next_evaluation_at = :now,"
                            + " version = version + 1, updated_at = :now WHERE invoice_id = :invoice")
                    .bind("reason", reason)
                    .bindByType("until", until, LocalDate.class)
                    .bind("now", now)
                    .bind("invoice", invoiceId)
                    .execute());
  }

  private void update(String set, String invoiceId, Object value) {
    Instant now = clock.instant();
    store
        .jdbi()
        .useHandle(
            h -> {
              var update =
                  h.createUpdate(
                          "UPDATE dunning_cases SET "
                              + set
                              + ", version = version + 1, updated_at = :now WHERE invoice_id = :invoice")
                      .bind("now", now)
                      .bind("invoice", invoiceId);
              if (value instanceof LocalDate d) {
                update.bindByType("v", d, LocalDate.class);
              } else if (value instanceof Boolean b) {
                update.bind("v", b);
              } else if (set.contains(":v")) {
                update.bindByType("v", null, LocalDate.class);
              }
              update.execute();
            });
  }
}
