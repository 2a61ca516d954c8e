package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Turns a SuiteQL row (lowercase column names, every value a string) into the shape of the
 * SuiteTalk REST record ({@code tranId}, {@code amountRemaining}, {@code entity: {id}}, {@code
 * status: {id, refName}}, {@code lastModifiedDate}), the shape the NetSuite mappings are written
 * against. Numbers become JSON numbers, {@code T}/{@code F} become booleans, references become
 * objects with the name SuiteQL joined in as {@code refName} (the currency's is its ISO code).
 */
final class RestShape {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private RestShape() {}

  /**
   * The REST-shaped record for a row of {@code stream}.
   *
   * @param modified when it last changed, as an ISO instant
   */
  static ObjectNode of(String stream, JsonNode row, String modified) {
    ObjectNode out = NODES.objectNode();
    text(out, "id", row, "id");
    text(out, "externalId", row, "externalid");
    switch (stream) {
      case "customer" -> {
        text(out, "entityId", row, "entityid");
        text(out, "companyName", row, "companyname");
        text(out, "email", row, "email");
        text(out, "phone", row, "phone");
        ref(out, "subsidiary", row, "subsidiary", "subsidiaryname");
        ref(out, "currency", row, "currency", "currencycode");
        ref(out, "terms", row, "terms", null);
        bool(out, "isInactive", row, "isinactive");
      }
      case "contact" -> {
        text(out, "entityId", row, "entityid");
        text(out, "firstName", row, "firstname");
        text(out, "lastName", row, "lastname");
        text(out, "email", row, "email");
        text(out, "phone", row, "phone");
        text(out, "title", row, "title");
        ref(out, "company", row, "company", null);
        ref(out, "subsidiary", row, "subsidiary", null);
        bool(out, "isInactive", row, "isinactive");
      }
      case "invoice" -> {
        text(out, "tranId", row, "tranid");
        text(out, "tranDate", row, "trandate");
        text(out, "dueDate", row, "duedate");
        ref(out, "entity", row, "entity", null);
        number(out, "total", row, "total");
        number(out, "amountRemaining", row, "amountremaining");
        number(out, "amountPaid", row, "amountpaid");
        ref(out, "currency", row, "currency", "currencycode");
        String status = row.path("status").asText(null);
        if (status != null) {
          out.putObject("status").put("id", statusId(status)).put("refName", statusName(status));
        }
        ref(out, "terms", row, "terms", null);
        text(out, "memo", row, "memo");
        ref(out, "subsidiary", row, "subsidiary", "subsidiaryname");
      }
      case "customerPayment" -> {
        text(out, "tranId", row, "tranid");
        text(out, "tranDate", row, "trandate");
        ref(out, "customer", row, "entity", null);
        number(out, "payment", row, "payment");
        ref(out, "currency", row, "currency", "currencycode");
        ref(out, "paymentMethod", row, "paymentmethod", null);
        text(out, "memo", row, "memo");
        ref(out, "subsidiary", row, "subsidiary", "subsidiaryname");
        out.putObject("apply").putArray("items");
      }
      default -> throw new IllegalArgumentException("no REST shape for " + stream);
    }
    out.put("lastModifiedDate", modified);
    return out;
  }

  /** Adds one application of a payment: {@code {doc: {id, refName}, apply: true, amount}}. */
  static void addApplication(ObjectNode payment, String invoice, String tranId, String amount) {
    ObjectNode item =
        ((com.fasterxml.jackson.databind.node.ArrayNode) payment.at("/apply/items")).addObject();
    ObjectNode doc = item.putObject("doc").put("id", invoice);
    if (tranId != null) {
      doc.put("refName", tranId);
    }
    item.put("apply", true);
    item.put("amount", new BigDecimal(amount));
  }

  /** The record a deletion leaves: its id, {@code deleted: true} and when. */
  static ObjectNode deleted(String id, Instant at) {
    ObjectNode out = NODES.objectNode();
    out.put("id", id);
    out.put("deleted", true);
    out.put("lastModifiedDate", DateTimeFormatter.ISO_INSTANT.format(at));
    return out;
  }

  /** The REST API's status id for a SuiteQL invoice status letter. */
  static String statusId(String letter) {
    return switch (letter) {
      case "A" -> "open";
      case "B" -> "paidInFull";
      case "D" -> "pendingApproval";
      case "E" -> "rejected";
      case "V" -> "voided";
      default -> letter;
    };
  }

  /** The status as NetSuite shows it ({@code Open}, {@code Paid In Full}, {@code Voided}). */
  static String statusName(String letter) {
    return switch (letter) {
      case "A" -> "Open";
      case "B" -> "Paid In Full";
      case "D" -> "Pending Approval";
      case "E" -> "Rejected";
      case "V" -> "Voided";
      default -> letter;
    };
  }

  private static void text(ObjectNode out, String field, JsonNode row, String column) {
    JsonNode v = row.get(column);
    if (v != null && !v.isNull()) {
      out.put(field, v.asText());
    }
  }

  private static void number(ObjectNode out, String field, JsonNode row, String column) {
    JsonNode v = row.get(column);
    if (v != null && !v.isNull() && !v.asText().isEmpty()) {
      out.put(field, new BigDecimal(v.asText()));
    }
  }

  private static void bool(ObjectNode out, String field, JsonNode row, String column) {
    JsonNode v = row.get(column);
    if (v != null && !v.isNull()) {
      out.put(field, v.asText().equals("T") || v.asText().equalsIgnoreCase("true"));
    }
  }

  private static void ref(
      ObjectNode out, String field, JsonNode row, String idColumn, String nameColumn) {
    JsonNode id = row.get(idColumn);
    if (id == null || id.isNull()) {
      return;
    }
    ObjectNode ref = out.putObject(field).put("id", id.asText());
    JsonNode name = nameColumn == null ? null : row.get(nameColumn);
    if (name != null && !name.isNull()) {
      ref.put("refName", name.asText());
    }
  }
}
