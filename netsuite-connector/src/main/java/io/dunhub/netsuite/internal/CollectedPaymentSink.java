package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.math.BigDecimal;

/**
 * The hub's {@code Payment} write-back (money Dunhub collected elsewhere: the canonical payment's
 * fields plus {@code partyHostId} and {@code invoiceHostIds}, one per application) as a NetSuite
 * {@code customerPayment} applied to the invoices, written by external id so it is recorded once.
 */
public final class CollectedPaymentSink implements RecordSink {

  private final NetSuiteRecordSink payments;

  public CollectedPaymentSink(NetSuiteHttp http) {
    this.payments = new NetSuiteRecordSink(http, "customerPayment");
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    JsonNode f = request.payload();
    String customer = f.path("partyHostId").asText(null);
    if (customer == null) {
      return new WriteOutcome.Permanent(
          "payment " + f.path("id").asText() + ": its customer is not in NetSuite");
    }
    ObjectNode payment = JsonNodeFactory.instance.objectNode();
    payment.putObject("customer").put("id", customer);
    payment.put("payment", amount(f.path("amount")));
    if (f.hasNonNull("date")) {
      payment.put("tranDate", f.get("date").asText());
    }
    payment.put(
        "memo",
        "Collected by Dunhub"
            + (f.hasNonNull("method") ? " (" + f.get("method").asText() + ")" : ""));
    ArrayNode items = payment.putObject("apply").putArray("items");
    JsonNode applications = f.path("applications");
    JsonNode hostIds = f.path("invoiceHostIds");
    for (int i = 0; i < applications.size(); i++) {
      String invoice = hostIds.path(i).asText(null);
      if (invoice == null || invoice.equals("null")) {
        continue;
      }
      ObjectNode item = items.addObject();
      item.putObject("doc").put("id", invoice);
      item.put("apply", true);
      item.put("amount", amount(applications.get(i).path("amount")));
    }
    if (items.isEmpty()) {
      return new WriteOutcome.Permanent(
          "payment " + f.path("id").asText() + ": none of its invoices is in NetSuite");
    }
    return payments.write(
        new WriteRequest(request.idempotencyKey(), "customerPayment", null, payment, null));
  }

  /** A canonical money node ({@code {amount, currency}}) or a bare number. */
  private static BigDecimal amount(JsonNode money) {
    JsonNode a = money.isObject() ? money.path("amount") : money;
    return new BigDecimal(a.asText("0"));
  }
}
