package io.dunhub.hub.admin.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.hub.admin.ApiJson;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened on a case, oldest first: every activity of its invoice (notices with their rendered
 * content, failures, disputes, promises, holds, escalations, fees, tasks), each with the
 * write-backs it caused per host connection and its opens and clicks; and the payments applied to
 * the invoice.
 */
public final class CaseTimeline {

  private final Store store;

  public CaseTimeline(Store store) {
    this.store = store;
  }

  public List<Map<String, Object>> of(String caseId, String invoiceId) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              List<Map<String, Object>> events = new ArrayList<>();
              h.createQuery(
                      "SELECT id, type, occurred_at, channel, recipient, subject, content, attributes,"
                          + " outbox_key, (SELECT COUNT(*) FROM activities o WHERE o.type = 'NOTICE_OPENED'"
                          + " AND o.outbox_key = a.outbox_key AND o.invoice_id = a.invoice_id) AS opens,"
                          + " (SELECT COUNT(*) FROM activities k WHERE k.type = 'LINK_CLICKED'"
                          + " AND k.outbox_key = a.outbox_key AND k.invoice_id = a.invoice_id) AS clicks"
                          + " FROM activities a WHERE a.case_id = :case OR a.invoice_id = :invoice"
                          + " ORDER BY occurred_at, id")
                  .bind("case", caseId)
                  .bind("invoice", invoiceId)
                  .map(
                      (rs, ctx) -> {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("id", rs.getString("id"));
                        e.put("at", CaseQueries.instant(rs, "occurred_at"));
                        e.put("type", rs.getString("type"));
                        e.put("channel", rs.getString("channel"));
                        e.put("recipient", rs.getString("recipient"));
                        e.put("subject", rs.getString("subject"));
                        e.put("content", rs.getString("content"));
                        JsonNode attributes =
                            rs.getString("attributes") == null
                                ? CanonicalReader.mapper().createObjectNode()
                                : CanonicalReader.read(
                                    rs.getString("attributes"), JsonNode.class, "activities");
                        boolean notice = "NOTICE_SENT".equals(rs.getString("type"));
                        e.put("opens", notice ? rs.getInt("opens") : 0);
                        e.put("clicks", notice ? rs.getInt("clicks") : 0);
                        e.put("attributes", attributes);
                        return e;
                      })
                  .forEach(events::add);
              for (Map<String, Object> e : events) {
                List<Map<String, Object>> writeBacks = new ArrayList<>();
                h.createQuery(
                        "SELECT connection, status, last_error FROM outbox WHERE kind = 'WRITE_BACK'"
                            + " AND idempotency_key LIKE :key ORDER BY connection")
                    .bind("key", "writeback:" + e.get("id") + ":%")
                    .map(
                        (rs, ctx) -> {
                          Map<String, Object> w = new LinkedHashMap<>();
                          w.put("connection", rs.getString(1));
                          w.put("status", rs.getString(2));
                          w.put("error", rs.getString(3));
                          return w;
                        })
                    .forEach(writeBacks::add);
                e.put("writeBacks", writeBacks);
              }
              h.createQuery(
                      "SELECT id, payment_date, data, updated_at FROM payments"
                          + " WHERE deleted = FALSE AND party_id = (SELECT party_id FROM invoices WHERE id = :invoice)")
                  .bind("invoice", invoiceId)
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            rs.getString("id"),
                            rs.getObject("payment_date", LocalDate.class),
                            CanonicalReader.read(rs.getString("data"), Payment.class, "payments")
                          })
                  .forEach(
                      row -> {
                        Payment p = (Payment) row[2];
                        for (PaymentApplication a : p.applications()) {
                          if (a.invoiceId().equals(invoiceId)) {
                            events.add(payment((String) row[0], (LocalDate) row[1], p, a));
                          }
                        }
                      });
              events.sort(Comparator.comparing((Map<String, Object> e) -> (Instant) e.get("at")));
              return events;
            });
  }

  private static Map<String, Object> payment(
      String id, LocalDate date, Payment p, PaymentApplication a) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", "payment:" + id);
    e.put("at", date.atStartOfDay(ZoneOffset.UTC).toInstant());
    e.put(
        "type",
        p.result() == io.dunhub.core.model.PaymentResult.FAILED
            ? "PAYMENT_FAILED"
            : "PAYMENT_RECEIVED");
    e.put("channel", null);
    e.put("recipient", null);
    e.put("subject", "Payment of " + a.amount() + (p.method() == null ? "" : " by " + p.method()));
    e.put("content", p.failureReason());
    e.put("opens", 0);
    e.put("clicks", 0);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("amount", ApiJson.money(a.amount()));
    attributes.put("origin", p.origin());
    e.put("attributes", attributes);
    e.put("writeBacks", List.of());
    return e;
  }
}
