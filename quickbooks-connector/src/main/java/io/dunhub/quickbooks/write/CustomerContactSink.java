package io.dunhub.quickbooks.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.data.Customer;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.internal.QboGateway;
import io.dunhub.quickbooks.internal.QboJson;
import java.util.Iterator;
import java.util.Set;

/**
 * Updates a customer's billing contact fields ({@code PrimaryEmailAddr}, {@code PrimaryPhone},
 * {@code Mobile}, {@code AlternatePhone}, {@code BillAddr}) with a sparse update, so nothing else
 * on the customer changes. Uses the expected {@code SyncToken} when the request carries one, else
 * reads it; on a 5010 stale-object error re-reads the customer and applies the change once more on
 * its new {@code SyncToken}.
 */
public final class CustomerContactSink implements RecordSink {

  static final Set<String> FIELDS =
      Set.of("PrimaryEmailAddr", "PrimaryPhone", "Mobile", "AlternatePhone", "BillAddr");

  private final QboGateway gateway;

  public CustomerContactSink(QboGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    if (request.hostId() == null) {
      return new WriteOutcome.Permanent(
          "Dunhub updates existing QuickBooks customers only; the write has no customer id");
    }
    for (Iterator<String> it = request.payload().fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        return new WriteOutcome.Permanent(
            "Customer "
                + request.hostId()
                + ": Dunhub only writes billing contact fields "
                + FIELDS
                + ", not "
                + field);
      }
    }
    String id = request.hostId();
    String requestId = Writes.requestId(request.idempotencyKey());
    java.time.Instant started = gateway.clock().instant();
    try {
      String token = request.expectedVersion() != null ? request.expectedVersion() : current(id);
      try {
        return update(id, token, request.payload(), requestId, started);
      } catch (ConnectorException e) {
        if (!Writes.isStale(e)) {
          throw e;
        }
        return update(id, current(id), request.payload(), requestId + "r", started);
      }
    } catch (ConnectorException e) {
      if (Writes.isStale(e)) {
        return new WriteOutcome.Retryable(e.getMessage(), null);
      }
      return Writes.outcome(e);
    }
  }

  private WriteOutcome update(
      String id, String syncToken, ObjectNode fields, String requestId, java.time.Instant started) {
    ObjectNode body = fields.deepCopy();
    body.put("Id", id);
    body.put("SyncToken", syncToken);
    body.put("sparse", true);
    Customer customer = QboJson.fromJson("Customer", body);
    Customer updated =
        gateway.call("update Customer " + id + " contact", requestId, ds -> ds.update(customer));
    return Writes.outcome(updated, started, false);
  }

  private String current(String id) {
    Customer probe = new Customer();
    probe.setId(id);
    Customer found = gateway.call("read Customer " + id, null, ds -> ds.findById(probe));
    return found.getSyncToken();
  }
}
