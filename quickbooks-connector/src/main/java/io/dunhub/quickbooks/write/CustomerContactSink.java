package io.dunhub.quickbooks.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intuit.ipp.data.Customer;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.quickbooks.internal.QboGateway;
import io.dunhub.quickbooks.internal.QboJson;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * Updates a customer's billing contact fields ({@code PrimaryEmailAddr}, {@code PrimaryPhone},
 * {@code Mobile}, {@code AlternatePhone}, {@code BillAddr}) with a sparse update, so nothing else
 * on the customer changes. Uses the expected {@code SyncToken} when the request carries one, else
 * reads the customer (and answers {@link WriteOutcome.AlreadyApplied} without writing when it
 * already holds those values); on a 5010 stale-object error re-reads the customer and applies the
 * change once more on its new {@code SyncToken}.
 *
 * <p>Two host objects share it. {@code Customer} (a party) updates the customer the request's host
 * id names. {@code CustomerContact} (a contact: QuickBooks has no contact object, a customer's
 * billing contact is its primary e-mail and phone) updates the customer in the payload's {@code
 * CustomerRef.value} — the contact's party, looked up by the mapping — and ignores {@code
 * ContactRole}, which is there for the mapping's filters only. It answers {@code Applied(customer
 * id, SyncToken)}.
 */
public final class CustomerContactSink implements RecordSink {

  static final Set<String> FIELDS =
      Set.of("PrimaryEmailAddr", "PrimaryPhone", "Mobile", "AlternatePhone", "BillAddr");

  /** The payload field of a contact write that names the customer to update. */
  static final String CUSTOMER_REF = "CustomerRef";

  /** The payload field of a contact write that carries its role, for the mapping's filters. */
  static final String CONTACT_ROLE = "ContactRole";

  private final QboGateway gateway;
  private final boolean contacts;

  private CustomerContactSink(QboGateway gateway, boolean contacts) {
    this.gateway = gateway;
    this.contacts = contacts;
  }

  /** Sink {@code Customer}: the request's host id is the customer. */
  public static CustomerContactSink forCustomers(QboGateway gateway) {
    return new CustomerContactSink(gateway, false);
  }

  /** Sink {@code CustomerContact}: the payload's {@code CustomerRef.value} is the customer. */
  public static CustomerContactSink forContacts(QboGateway gateway) {
    return new CustomerContactSink(gateway, true);
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    ObjectNode fields = request.payload().deepCopy();
    String id = request.hostId();
    String expected = request.expectedVersion();
    if (contacts) {
      String customer = fields.path(CUSTOMER_REF).path("value").asText("").strip();
      fields.remove(CUSTOMER_REF);
      fields.remove(CONTACT_ROLE);
      if (!customer.isEmpty()) {
        if (!customer.equals(id)) {
          expected = null; // another customer than last time (the contact moved): read its token
        }
        id = customer;
      }
    }
    if (id == null) {
      return new WriteOutcome.Permanent(
          contacts
              ? "a QuickBooks contact write needs its customer in CustomerRef.value (key "
                  + request.idempotencyKey()
                  + ")"
              : "Dunhub updates existing QuickBooks customers only; the write has no customer id");
    }
    for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        return new WriteOutcome.Permanent(
            "Customer "
                + id
                + ": Dunhub only writes billing contact fields "
                + FIELDS
                + ", not "
                + field);
      }
    }
    if (fields.isEmpty()) {
      return new WriteOutcome.AlreadyApplied(
          id); // a contact without e-mail or phone: nothing to set
    }
    String requestId = Writes.requestId(request.idempotencyKey());
    Instant started = gateway.clock().instant();
    try {
      String token = expected;
      if (token == null) {
        Customer current = current(id);
        if (holds(QboJson.toJson(current), fields)) {
          return new WriteOutcome.AlreadyApplied(id);
        }
        token = current.getSyncToken();
      }
      try {
        return update(id, token, fields, requestId, started);
      } catch (ConnectorException e) {
        if (!Writes.isStale(e)) {
          throw e;
        }
        return update(id, current(id).getSyncToken(), fields, requestId + "r", started);
      }
    } catch (ConnectorException e) {
      if (Writes.isStale(e)) {
        return new WriteOutcome.Retryable(e.getMessage(), null);
      }
      return Writes.outcome(e);
    }
  }

  /** Whether every value of {@code fields} is already on the customer. */
  static boolean holds(JsonNode customer, JsonNode fields) {
    if (fields.isObject()) {
      for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!customer.has(name) || !holds(customer.get(name), fields.get(name))) {
          return false;
        }
      }
      return true;
    }
    return fields.isValueNode()
        && customer.isValueNode()
        && fields.asText().equals(customer.asText());
  }

  private WriteOutcome update(
      String id, String syncToken, ObjectNode fields, String requestId, Instant started) {
    ObjectNode body = fields.deepCopy();
    body.put("Id", id);
    body.put("SyncToken", syncToken);
    body.put("sparse", true);
    Customer customer = QboJson.fromJson("Customer", body);
    Customer updated =
        gateway.call("update Customer " + id + " contact", requestId, ds -> ds.update(customer));
    return Writes.outcome(updated, started, false);
  }

  private Customer current(String id) {
    Customer probe = new Customer();
    probe.setId(id);
    return gateway.call("read Customer " + id, null, ds -> ds.findById(probe));
  }
}
