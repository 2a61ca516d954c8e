package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's write-back of a payment another system received or Dunhub collected ({@code hostObject}
 * {@code Payment}: the canonical payment with {@code partyHostId} and {@code invoiceHostIds}), as a
 * {@code Dunhub_Payment__c} on the account upserted on {@code Dunhub_Key__c}, so the account shows
 * every payment and failed attempt. The invoice lookup is set only when the org's invoices are
 * Dunhub's own {@code Dunhub_Invoice__c}.
 */
public final class PaymentWriteBack implements RecordSink {
  private final String connection;
  private final RecordSink payments;
  private final boolean linkInvoices;

  /**
   * @param payments the {@code Dunhub_Payment__c} sink (upsert on the key field)
   * @param linkInvoices whether invoice host ids are {@code Dunhub_Invoice__c} records
   */
  public PaymentWriteBack(String connection, RecordSink payments, boolean linkInvoices) {
    this.connection = connection;
    this.payments = payments;
    this.linkInvoices = linkInvoices;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    return writeBatch(List.of(request)).get(0);
  }

  @Override
  public List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    WriteOutcome[] outcomes = new WriteOutcome[requests.size()];
    List<WriteRequest> writes = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      WriteRequest r = requests.get(i);
      JsonNode p = r.payload();
      String account = ActivityWriteBack.text(p, "partyHostId");
      String amount = ActivityWriteBack.text(p.path("amount"), "amount");
      if (account == null || amount == null) {
        outcomes[i] =
            new WriteOutcome.Permanent(
                connection
                    + ": Payment "
                    + r.idempotencyKey()
                    + ": a payment write-back needs the account (partyHostId) and an amount");
        continue;
      }
      String currency = ActivityWriteBack.text(p.path("amount"), "currency");
      String date = ActivityWriteBack.text(p, "date");
      ObjectNode record =
          JsonNodeFactory.instance
              .objectNode()
              .put("Name", cut(amount + " " + (currency == null ? "" : currency) + " " + date, 80))
              .put("Account__c", account)
              .put("Amount__c", amount);
      put(record, "Currency__c", currency);
      put(record, "Payment_Date__c", date);
      put(record, "Method__c", cut(ActivityWriteBack.text(p, "method"), 40));
      put(record, "Source_System__c", cut(ActivityWriteBack.text(p, "origin"), 40));
      boolean failed = "FAILED".equals(ActivityWriteBack.text(p, "result"));
      record.put("Result__c", failed ? "Failed" : "Succeeded");
      put(record, "Failure_Reason__c", cut(ActivityWriteBack.text(p, "failureReason"), 255));
      JsonNode invoices = p.path("invoiceHostIds");
      if (linkInvoices && invoices.isArray() && invoices.size() > 0 && !invoices.get(0).isNull()) {
        put(record, "Invoice__c", invoices.get(0).asText());
      }
      positions.add(i);
      writes.add(new WriteRequest(r.idempotencyKey(), "Dunhub_Payment__c", null, record, null));
    }
    if (!writes.isEmpty()) {
      List<WriteOutcome> written = payments.writeBatch(writes);
      for (int j = 0; j < positions.size(); j++) {
        outcomes[positions.get(j)] = written.get(j);
      }
    }
    return List.of(outcomes);
  }

  private static void put(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
