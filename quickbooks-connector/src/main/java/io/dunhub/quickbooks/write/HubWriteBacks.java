package io.dunhub.quickbooks.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.quickbooks.internal.QboJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns the hub's own write-backs into QBO payloads. The hub writes an activity (host object {@code
 * Activity}) and a payment collected elsewhere (host object {@code Payment}) as canonical JSON plus
 * the QuickBooks ids of the records they belong to ({@code invoiceHostId}, {@code partyHostId},
 * {@code invoiceHostIds}); here they become a note {@code Attachable} linked to the invoice and the
 * customer, and a {@code Payment} applied to the invoices.
 */
final class HubWriteBacks {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private HubWriteBacks() {}

  /** Whether a Payment payload is the hub's canonical form rather than QBO fields. */
  static boolean isCanonicalPayment(JsonNode payload) {
    return payload.has("partyHostId") && payload.path("amount").isObject();
  }

  /** Whether the canonical payment failed (money never arrived). */
  static boolean failed(JsonNode payment) {
    return "FAILED".equals(payment.path("result").asText());
  }

  /** A canonical activity as a note Attachable payload. */
  static ObjectNode note(JsonNode activity) {
    ObjectNode note = QboJson.MAPPER.createObjectNode();
    note.put("Note", describe(activity));
    links(note, activity.path("invoiceHostId").asText(null), activity.path("partyHostId"));
    return note;
  }

  /** A canonical payment that failed, as a note on its invoices and customer. */
  static ObjectNode failureNote(JsonNode payment) {
    ObjectNode note = QboJson.MAPPER.createObjectNode();
    StringBuilder text =
        new StringBuilder("Dunhub: payment of ")
            .append(money(payment.path("amount")))
            .append(" failed");
    if (payment.hasNonNull("date")) {
      text.append(" on ").append(payment.get("date").asText());
    }
    if (payment.hasNonNull("failureReason")) {
      text.append(": ").append(payment.get("failureReason").asText());
    }
    note.put("Note", text.toString());
    String invoice = null;
    for (JsonNode id : payment.path("invoiceHostIds")) {
      if (!id.isNull()) {
        invoice = id.asText();
        break;
      }
    }
    links(note, invoice, payment.path("partyHostId"));
    return note;
  }

  /** A canonical payment as a QBO Payment applied to the invoices QuickBooks holds. */
  static ObjectNode payment(JsonNode canonical) {
    String customer = canonical.path("partyHostId").asText("");
    if (customer.isBlank()) {
      throw new PermanentException("the payment's customer is not in QuickBooks (no partyHostId)");
    }
    JsonNode amount = canonical.path("amount");
    ObjectNode p = QboJson.MAPPER.createObjectNode();
    p.putObject("CustomerRef").put("value", customer);
    p.set("TotalAmt", amount.path("amount"));
    if (amount.hasNonNull("currency")) {
      p.putObject("CurrencyRef").put("value", amount.get("currency").asText());
    }
    if (canonical.hasNonNull("date")) {
      p.put("TxnDate", canonical.get("date").asText());
    }
    String method = canonical.path("method").asText("");
    p.put("PrivateNote", "Collected by Dunhub" + (method.isBlank() ? "" : " (" + method + ")"));
    ArrayNode lines = p.putArray("Line");
    JsonNode invoices = canonical.path("invoiceHostIds");
    int i = 0;
    for (JsonNode application : canonical.path("applications")) {
      JsonNode hostId = invoices.path(i++);
      if (hostId.isMissingNode() || hostId.isNull()) {
        continue; // an invoice QuickBooks does not hold: that part stays unapplied credit
      }
      ObjectNode line = lines.addObject();
      line.set("Amount", application.path("amount").path("amount"));
      line.putArray("LinkedTxn")
          .addObject()
          .put("TxnId", hostId.asText())
          .put("TxnType", "Invoice");
    }
    return p;
  }

  private static void links(ObjectNode note, String invoiceId, JsonNode partyHostId) {
    ArrayNode refs = note.putArray("AttachableRef");
    if (invoiceId != null && !invoiceId.isBlank()) {
      ObjectNode ref = refs.addObject();
      ref.putObject("EntityRef").put("type", "Invoice").put("value", invoiceId);
      ref.put("IncludeOnSend", false);
    }
    if (!partyHostId.isMissingNode() && !partyHostId.isNull() && !partyHostId.asText().isBlank()) {
      ObjectNode ref = refs.addObject();
      ref.putObject("EntityRef").put("type", "Customer").put("value", partyHostId.asText());
      ref.put("IncludeOnSend", false);
    }
  }

  /** "Dunhub: notice sent by email to bea@… on 2026-03-23 08:00 UTC — subject", then the text. */
  static String describe(JsonNode a) {
    StringBuilder s = new StringBuilder("Dunhub: ");
    s.append(a.path("type").asText("activity").toLowerCase(Locale.ROOT).replace('_', ' '));
    if (a.hasNonNull("channel")) {
      s.append(" by ").append(a.get("channel").asText().toLowerCase(Locale.ROOT));
    }
    if (a.hasNonNull("recipient")) {
      s.append(" to ").append(a.get("recipient").asText());
    }
    if (a.hasNonNull("at")) {
      try {
        s.append(" on ").append(WHEN.format(Instant.parse(a.get("at").asText())));
      } catch (RuntimeException e) {
        s.append(" on ").append(a.get("at").asText());
      }
    }
    if (a.hasNonNull("subject")) {
      s.append(" — ").append(a.get("subject").asText());
    }
    if (a.hasNonNull("content") && !a.get("content").asText().isBlank()) {
      s.append("\n\n").append(a.get("content").asText());
    }
    return s.toString();
  }

  private static String money(JsonNode m) {
    return m.path("amount").asText("?") + " " + m.path("currency").asText("");
  }
}
