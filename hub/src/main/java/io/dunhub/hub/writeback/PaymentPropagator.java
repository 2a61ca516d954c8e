package io.dunhub.hub.writeback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.outbox.JdbcOutbox;
import io.dunhub.hub.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes a payment that came in from one host into every other host that holds its party: one
 * write-back row per connection ({@code Payment} host object, the canonical payment plus the host
 * ids of its party and invoices there). Succeeded and failed payments both travel, so each host
 * shows the same result. The sync engine calls it in the transaction that stores the payment.
 */
public final class PaymentPropagator {

  public static final String HOST_OBJECT = "Payment";

  private final JdbcOutbox outbox;

  public PaymentPropagator(JdbcOutbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Enqueues the payment for the other hosts.
   *
   * @return the connections it will be written to
   */
  public List<String> propagate(Handle h, String paymentId) {
    Optional<String[]> row =
        h.createQuery(
                "SELECT data, source_connection FROM payments WHERE id = :id AND deleted = FALSE")
            .bind("id", paymentId)
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
            .findOne();
    if (row.isEmpty()) {
      return List.of();
    }
    Payment payment =
        CanonicalReader.read(row.get()[0], Payment.class, "payments/" + paymentId)
            .withId(paymentId);
    String origin = row.get()[1];
    List<String> targets = new ArrayList<>();
    List<String[]> partyRefs =
        h.createQuery(
                "SELECT connection, host_id FROM external_refs WHERE entity = 'PARTY' AND canonical_id = :id ORDER BY connection")
            .bind("id", payment.partyId())
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    for (String[] ref : partyRefs) {
      String connection = ref[0];
      if (connection.equals(origin) || connection.equals(payment.origin())) {
        continue;
      }
      ObjectNode fields = CanonicalReader.mapper().valueToTree(payment);
      fields.put("partyHostId", ref[1]);
      ArrayNode invoices = fields.putArray("invoiceHostIds");
      for (PaymentApplication a : payment.applications()) {
        invoices.add(
            h.createQuery(
                    "SELECT host_id FROM external_refs WHERE entity = 'INVOICE' AND canonical_id = :id AND connection = :c")
                .bind("id", a.invoiceId())
                .bind("c", connection)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
      }
      ObjectNode payload = CanonicalReader.mapper().createObjectNode();
      payload.put("hostObject", HOST_OBJECT);
      payload.set("fields", fields);
      outbox.enqueue(
          h,
          new OutboxEntry(
              "payment:" + paymentId + ":" + connection,
              OutboxEntry.WRITE_BACK,
              null,
              connection,
              payment.partyId(),
              payload.toString()));
      targets.add(connection);
    }
    return targets;
  }
}
