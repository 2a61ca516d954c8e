package io.dunhub.hub.report;

import io.dunhub.hub.store.Store;
import java.util.HashSet;
import java.util.Set;

/**
 * The invoices whose collection is at risk for a reason other than age: their case is disputed,
 * handed over to collections, or had a promise to pay broken, or their party is in dispute.
 */
final class RiskFlags {

  private RiskFlags() {}

  static Set<String> invoices(Store store) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              Set<String> ids = new HashSet<>();
              ids.addAll(
                  h.createQuery(
                          "SELECT c.invoice_id FROM dunning_cases c WHERE c.closed = FALSE AND (c.disputed = TRUE"
                              + " OR c.handed_over = TRUE OR EXISTS (SELECT 1 FROM dunning_steps s"
                              + " WHERE s.case_id = c.id AND s.step_id LIKE 'promise-broken@%'))")
                      .mapTo(String.class)
                      .list());
              ids.addAll(
                  h.createQuery(
                          "SELECT i.id FROM invoices i JOIN parties p ON p.id = i.party_id"
                              + " WHERE p.in_dispute = TRUE")
                      .mapTo(String.class)
                      .list());
              return ids;
            });
  }
}
