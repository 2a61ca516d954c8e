package io.dunhub.hub.dunning;

import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.hub.sync.SyncListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Makes the sync re-evaluate dunning cases at once, in the transaction that stores the change: an
 * invoice that changed (paid, part paid, voided, new due date, deleted) and every invoice a changed
 * payment applies to (or, for a payment applied to nothing, every open case of its party) become
 * due for evaluation now, and a closed case is reopened so the evaluator decides again (a reversed
 * payment resumes dunning; a paid invoice gets its thank-you). A party that changed (a dispute
 * resolved, a new time zone or country, excluded from dunning) has all its open cases made due. A
 * new open invoice gets its case here too, due now, so the sweep never scans the ledger for
 * invoices without one.
 *
 * <p>So a case waiting for a later evaluation has nothing new to decide on before then, and the
 * sweep reads only the cases that are due ({@link LedgerReader.Scope#DUE}).
 */
public final class CaseTriggers implements SyncListener {

  private static final int CHUNK = 500;

  @Override
  public void changed(Handle h, EntityType entity, Set<String> ids, Instant now) {
    if (entity == EntityType.INVOICE) {
      touchInvoices(h, ids, now);
    } else if (entity == EntityType.PARTY) {
      touchParties(h, ids, now);
    } else if (entity == EntityType.PAYMENT) {
      Set<String> invoices = new LinkedHashSet<>();
      Set<String> parties = new LinkedHashSet<>();
      for (List<String> chunk : chunks(ids)) {
        h.createQuery("SELECT id, data FROM payments WHERE id IN (<ids>)")
            .bindList("ids", chunk)
            .map(
                (rs, ctx) ->
                    CanonicalReader.read(
                        rs.getString(2), Payment.class, "payments/" + rs.getString(1)))
            .forEach(
                p -> {
                  if (p.applications().isEmpty()) {
                    if (p.partyId() != null) {
                      parties.add(p.partyId());
                    }
                  } else {
                    p.applications().stream()
                        .map(PaymentApplication::invoiceId)
                        .forEach(invoices::add);
                  }
                });
      }
      touchInvoices(h, invoices, now);
      touchParties(h, parties, now);
    }
  }

  private static void touchParties(Handle h, Set<String> partyIds, Instant now) {
    for (List<String> chunk : chunks(partyIds)) {
      h.createUpdate(
              "UPDATE dunning_cases SET next_evaluation_at = :now, version = version + 1,"
                  + " updated_at = :now WHERE closed = FALSE AND party_id IN (<ids>)")
          .bindList("ids", chunk)
          .bind("now", now)
          .execute();
    }
  }

  private static void touchInvoices(Handle h, Set<String> invoiceIds, Instant now) {
    for (List<String> chunk : chunks(invoiceIds)) {
      DunningCases.openFor(h, chunk, now);
      h.createUpdate(
              "UPDATE dunning_cases SET next_evaluation_at = :now, closed = FALSE,"
                  + " version = version + 1, updated_at = :now WHERE invoice_id IN (<ids>)")
          .bindList("ids", chunk)
          .bind("now", now)
          .execute();
    }
  }

  private static List<List<String>> chunks(Set<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
