package io.dunhub.quickbooks.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One QBO company (realm) held in memory: customers, invoices, payments and note attachables, with
 * QBO's rules — {@code SyncToken} increments and 5010 on a stale update, payments reduce invoice
 * balances, voids zero a transaction, deletes leave a tombstone for CDC, invoice send sets {@code
 * EmailStatus}. Thread-safe (one lock per realm).
 */
public final class SandboxRealm {

  /** The entities this sandbox keeps. */
  public static final List<String> ENTITIES =
      List.of("Customer", "Invoice", "Payment", "Attachable");

  private static final Duration CDC_LOOKBACK = Duration.ofDays(30);
  private static final int CDC_MAX_OBJECTS = 1000;

  private final String realmId;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<String, TreeMap<Long, ObjectNode>> tables = new LinkedHashMap<>();
  private final List<Tombstone> tombstones = new ArrayList<>();
  private long nextId = 1;

  private record Tombstone(String entity, String id, Instant at) {}

  SandboxRealm(String realmId, Clock clock, ZoneId zone) {
    this.realmId = realmId;
    this.clock = clock;
    this.zone = zone;
    for (String e : ENTITIES) {
      tables.put(e, new TreeMap<>());
    }
  }

  public String id() {
    return realmId;
  }

  ZoneId zone() {
    return zone;
  }

  /** A copy of one entity, if it exists. */
  public synchronized Optional<ObjectNode> get(String entity, String id) {
    ObjectNode row = table(entity).get(parseId(id));
    return Optional.ofNullable(row == null ? null : row.deepCopy());
  }

  /** How many entities of one type the realm holds. */
  public synchronized int count(String entity) {
    return table(entity).size();
  }

  /** Copies of every entity of one type, in id order. */
  public synchronized List<ObjectNode> all(String entity) {
    List<ObjectNode> out = new ArrayList<>();
    table(entity).values().forEach(r -> out.add(r.deepCopy()));
    return out;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Creates an entity as QBO does (validation, ids, balances); {@code at} stamps its metadata, as
   * if a person had entered it then.
   */
  public synchronized ObjectNode create(String entity, ObjectNode body, Instant at) {
    ObjectNode row = body.deepCopy();
    row.remove("sparse");
    long id = nextId++;
    row.put("Id", Long.toString(id));
    row.put("SyncToken", "0");
    row.put("domain", "QBO");
    row.put("sparse", false);
    switch (entity) {
      case "Customer" -> prepareCustomer(row);
      case "Invoice" -> prepareInvoice(row, at);
      case "Payment" -> applyPayment(row, at, +1);
      case "Attachable" -> prepareAttachable(row);
      default ->
          throw QboFault.validation(
              "2010",
              "Request has invalid or unsupported property",
              "Unsupported entity " + entity);
    }
    ObjectNode meta = row.putObject("MetaData");
    meta.put("CreateTime", SandboxJson.time(at, zone));
    meta.put("LastUpdatedTime", SandboxJson.time(at, zone));
    table(entity).put(id, row);
    return row.deepCopy();
  }

  ObjectNode create(String entity, ObjectNode body) {
    return create(entity, body, clock.instant());
  }

  /**
   * Changes fields of an entity as a person in QuickBooks would, at {@code at}: the {@code
   * SyncToken} goes up and {@code LastUpdatedTime} becomes {@code at}.
   */
  public synchronized ObjectNode edit(String entity, String id, ObjectNode fields, Instant at) {
    ObjectNode current = table(entity).get(parseId(id));
    if (current == null) {
      throw new IllegalArgumentException("no " + entity + " " + id + " in realm " + realmId);
    }
    ObjectNode next = current.deepCopy();
    fields.fields().forEachRemaining(f -> next.set(f.getKey(), f.getValue()));
    next.put("SyncToken", Long.toString(next.get("SyncToken").asLong() + 1));
    next.with("MetaData").put("LastUpdatedTime", SandboxJson.time(at, zone));
    table(entity).put(parseId(id), next);
    return next.deepCopy();
  }

  /** Deletes an entity as a person would (CDC reports it as deleted). */
  public synchronized void remove(String entity, String id) {
    ObjectNode current = table(entity).get(parseId(id));
    if (current == null) {
      throw new IllegalArgumentException("no " + entity + " " + id + " in realm " + realmId);
    }
    delete(entity, current);
  }

  /** A sparse (merge) or full update, checked against the current {@code SyncToken}. */
  synchronized ObjectNode update(String entity, ObjectNode body, boolean sparse) {
    ObjectNode current = require(entity, body);
    ObjectNode next;
    if (sparse) {
      next = current.deepCopy();
      body.fields().forEachRemaining(f -> next.set(f.getKey(), f.getValue()));
    } else {
      next = body.deepCopy();
      next.set("MetaData", current.get("MetaData").deepCopy());
    }
    next.put("sparse", false);
    next.put("domain", "QBO");
    if (entity.equals("Customer")) {
      checkCustomer(next, current.get("Id").asText());
    }
    if (entity.equals("Attachable")) {
      prepareAttachable(next);
    }
    if (entity.equals("Invoice") && body.has("Line")) {
      BigDecimal paid = decimal(current, "TotalAmt").subtract(decimal(current, "Balance"));
      prepareInvoice(next, clock.instant());
      next.put("Balance", decimal(next, "TotalAmt").subtract(paid));
    }
    if (entity.equals("Invoice")) {
      checkLength(next, "PrivateNote", 4000);
    }
    return touch(entity, next);
  }

  /** Marks an invoice as emailed ({@code POST /invoice/{id}/send}). */
  synchronized ObjectNode send(String id, String sendTo) {
    ObjectNode invoice = table("Invoice").get(parseId(id));
    if (invoice == null) {
      throw QboFault.notFound("Invoice", id);
    }
    ObjectNode next = invoice.deepCopy();
    String to = sendTo != null ? sendTo : next.path("BillEmail").path("Address").asText(null);
    if (to == null || to.isBlank()) {
      throw QboFault.validation(
          "6140", "Missing Email Address", "Invoice " + id + " has no BillEmail to send to");
    }
    next.putObject("BillEmail").put("Address", to);
    next.put("EmailStatus", "EmailSent");
    ObjectNode delivery = next.putObject("DeliveryInfo");
    delivery.put("DeliveryType", "Email");
    delivery.put("DeliveryTime", SandboxJson.time(clock.instant(), zone));
    return touch("Invoice", next);
  }

  /** Voids an invoice or payment: amounts become zero, a payment gives its money back. */
  synchronized ObjectNode voidTxn(String entity, ObjectNode body) {
    ObjectNode current = require(entity, body);
    ObjectNode next = current.deepCopy();
    if (entity.equals("Payment")) {
      applyPayment(current, clock.instant(), -1);
      for (JsonNode line : next.withArray("Line")) {
        ((ObjectNode) line).put("Amount", BigDecimal.ZERO);
      }
      next.put("UnappliedAmt", BigDecimal.ZERO);
    } else if (entity.equals("Invoice")) {
      for (JsonNode line : next.withArray("Line")) {
        ((ObjectNode) line).put("Amount", BigDecimal.ZERO);
      }
      next.put("Balance", BigDecimal.ZERO);
    } else {
      throw QboFault.validation("2010", "Operation not supported", "cannot void " + entity);
    }
    next.put("TotalAmt", BigDecimal.ZERO);
    // QBO injects "Voided" into the memo, ahead of any text already there
    String memo = current.path("PrivateNote").asText("");
    next.put("PrivateNote", memo.isBlank() ? "Voided" : "Voided " + memo);
    return touch(entity, next);
  }

  /**
   * Voids an invoice or payment as a person in QuickBooks would (on its current {@code SyncToken};
   * stamped with the sandbox clock).
   */
  public synchronized ObjectNode voidByUser(String entity, String id) {
    ObjectNode current = table(entity).get(parseId(id));
    if (current == null) {
      throw new IllegalArgumentException("no " + entity + " " + id + " in realm " + realmId);
    }
    ObjectNode body = SandboxJson.object();
    body.put("Id", id);
    body.put("SyncToken", current.get("SyncToken").asText());
    return voidTxn(canonicalEntity(entity), body);
  }

  /** Deletes an entity; CDC reports it as {@code status: Deleted}. */
  synchronized ObjectNode delete(String entity, ObjectNode body) {
    ObjectNode current = require(entity, body);
    if (entity.equals("Payment")) {
      applyPayment(current, clock.instant(), -1);
    }
    table(entity).remove(parseId(current.get("Id").asText()));
    tombstones.add(new Tombstone(entity, current.get("Id").asText(), clock.instant()));
    ObjectNode out = SandboxJson.object();
    out.put("domain", "QBO");
    out.put("status", "Deleted");
    out.put("Id", current.get("Id").asText());
    return out;
  }

  // ---------------------------------------------------------------- reads

  /** Runs a query; returns the {@code QueryResponse} object. */
  synchronized ObjectNode query(SandboxQuery q) {
    String entity = canonicalEntity(q.entity());
    List<ObjectNode> rows = new ArrayList<>();
    for (ObjectNode row : table(entity).values()) {
      if (q.where().stream().allMatch(c -> c.test(row))) {
        rows.add(row);
      }
    }
    ObjectNode response = SandboxJson.object();
    if (q.count()) {
      response.put("totalCount", rows.size());
      return response;
    }
    if (!q.orderBy().isEmpty()) {
      rows = q.sort(rows);
    }
    int from = Math.min(rows.size(), q.startPosition() - 1);
    int to = Math.min(rows.size(), from + q.maxResults());
    List<ObjectNode> page = rows.subList(from, to);
    if (!page.isEmpty()) {
      ArrayNode array = response.putArray(entity);
      page.forEach(r -> array.add(r.deepCopy()));
      response.put("startPosition", q.startPosition());
      response.put("maxResults", page.size());
    }
    return response;
  }

  /** Changes since {@code since}: the {@code QueryResponse} array of a {@code CDCResponse}. */
  synchronized ArrayNode changes(List<String> entities, Instant since) {
    if (since.isBefore(clock.instant().minus(CDC_LOOKBACK))) {
      throw QboFault.validation(
          "2020",
          "Required param missing, need to supply the required value for the API",
          "changedSince must be within the last 30 days");
    }
    ArrayNode responses = SandboxJson.MAPPER.createArrayNode();
    int budget = CDC_MAX_OBJECTS;
    for (String raw : entities) {
      String entity = canonicalEntity(raw.trim());
      List<ObjectNode> changed = new ArrayList<>();
      for (ObjectNode row : table(entity).values()) {
        if (!lastUpdated(row).isBefore(since)) {
          changed.add(row);
        }
      }
      changed.sort(Comparator.comparing(SandboxRealm::lastUpdated));
      ObjectNode qr = responses.addObject();
      ArrayNode array = SandboxJson.MAPPER.createArrayNode();
      for (ObjectNode row : changed) {
        if (budget-- <= 0) {
          break;
        }
        array.add(row.deepCopy());
      }
      for (Tombstone t : tombstones) {
        if (t.entity().equals(entity) && !t.at().isBefore(since) && budget-- > 0) {
          ObjectNode stub = array.addObject();
          stub.put("domain", "QBO");
          stub.put("status", "Deleted");
          stub.put("Id", t.id());
          stub.putObject("MetaData").put("LastUpdatedTime", SandboxJson.time(t.at(), zone));
        }
      }
      if (!array.isEmpty()) {
        qr.set(entity, array);
        qr.put("startPosition", 1);
        qr.put("maxResults", array.size());
        qr.put("totalCount", array.size());
      }
    }
    return responses;
  }

  // ---------------------------------------------------------------- rules

  private void prepareCustomer(ObjectNode row) {
    if (!row.hasNonNull("DisplayName")) {
      String name =
          (row.path("GivenName").asText("") + " " + row.path("FamilyName").asText("")).trim();
      if (name.isEmpty()) {
        name = row.path("CompanyName").asText("");
      }
      if (name.isEmpty()) {
        throw QboFault.validation(
            "2020",
            "Required param missing, need to supply the required value for the API",
            "Required parameter DisplayName is missing in the request");
      }
      row.put("DisplayName", name);
    }
    checkCustomer(row, null);
    row.put("Active", row.path("Active").asBoolean(true));
    row.put("Balance", row.has("Balance") ? decimal(row, "Balance") : BigDecimal.ZERO);
    if (!row.has("CurrencyRef")) {
      row.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
    }
  }

  private void checkCustomer(ObjectNode row, String selfId) {
    String name = row.get("DisplayName").asText();
    for (ObjectNode other : table("Customer").values()) {
      if (other.get("DisplayName").asText().equalsIgnoreCase(name)
          && !other.get("Id").asText().equals(selfId)) {
        throw QboFault.validation(
            "6240",
            "Duplicate Name Exists Error",
            "The name supplied already exists. : Another customer is already using this name."
                + " Please use a different name.");
      }
    }
    String email = row.path("PrimaryEmailAddr").path("Address").asText("");
    if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw QboFault.validation(
          "2170",
          "Invalid Email Address format",
          "Email Address does not conform to the syntax rules");
    }
  }

  private void prepareInvoice(ObjectNode row, Instant at) {
    String customerId = row.path("CustomerRef").path("value").asText("");
    ObjectNode customer = table("Customer").get(parseIdOrZero(customerId));
    if (customer == null) {
      throw QboFault.validation(
          "2020",
          "Required param missing, need to supply the required value for the API",
          "Required parameter CustomerRef is missing or invalid");
    }
    ((ObjectNode) row.get("CustomerRef")).put("name", customer.get("DisplayName").asText());
    BigDecimal total = BigDecimal.ZERO;
    ArrayNode lines = row.withArray("Line");
    ArrayNode kept = SandboxJson.MAPPER.createArrayNode();
    int n = 1;
    for (JsonNode line : lines) {
      if ("SubTotalLineDetail".equals(line.path("DetailType").asText())) {
        continue;
      }
      ObjectNode l = (ObjectNode) line;
      l.put("Id", Integer.toString(n));
      l.put("LineNum", n++);
      total = total.add(decimal(l, "Amount"));
      kept.add(l);
    }
    kept.addObject()
        .put("Amount", total)
        .put("DetailType", "SubTotalLineDetail")
        .putObject("SubTotalLineDetail");
    row.set("Line", kept);
    row.put("TotalAmt", total);
    if (!row.has("Balance")) {
      row.put("Balance", total);
    }
    if (!row.has("CurrencyRef")) {
      row.set("CurrencyRef", customer.get("CurrencyRef").deepCopy());
    }
    String txnDate = row.path("TxnDate").asText(at.atZone(zone).toLocalDate().toString());
    row.put("TxnDate", txnDate);
    if (!row.has("DueDate")) {
      row.put("DueDate", java.time.LocalDate.parse(txnDate).plusDays(30).toString());
    }
    if (!row.has("DocNumber")) {
      row.put("DocNumber", Long.toString(1000 + row.get("Id").asLong()));
    }
    if (!row.has("EmailStatus")) {
      row.put("EmailStatus", "NotSet");
    }
    if (!row.has("PrintStatus")) {
      row.put("PrintStatus", "NotSet");
    }
    if (!row.has("BillEmail") && customer.has("PrimaryEmailAddr")) {
      row.putObject("BillEmail")
          .put("Address", customer.get("PrimaryEmailAddr").get("Address").asText());
    }
    checkLength(row, "PrivateNote", 4000);
  }

  /** Applies ({@code sign} +1) or reverts (-1) a payment's lines on the invoices they name. */
  private void applyPayment(ObjectNode payment, Instant at, int sign) {
    if (!payment.path("CustomerRef").has("value")) {
      throw QboFault.validation(
          "2020",
          "Required param missing, need to supply the required value for the API",
          "Required parameter CustomerRef is missing in the request");
    }
    if (!payment.has("TotalAmt")) {
      throw QboFault.validation(
          "2020",
          "Required param missing, need to supply the required value for the API",
          "Required parameter TotalAmt is missing in the request");
    }
    BigDecimal applied = BigDecimal.ZERO;
    List<ObjectNode> touched = new ArrayList<>();
    for (JsonNode line : payment.withArray("Line")) {
      BigDecimal amount = decimal((ObjectNode) line, "Amount");
      for (JsonNode linked : line.withArray("LinkedTxn")) {
        if (!"Invoice".equals(linked.path("TxnType").asText())) {
          continue;
        }
        String invoiceId = linked.path("TxnId").asText();
        ObjectNode invoice = table("Invoice").get(parseIdOrZero(invoiceId));
        if (invoice == null) {
          throw QboFault.notFound("Invoice", invoiceId);
        }
        if (!invoice
            .path("CustomerRef")
            .path("value")
            .asText()
            .equals(payment.path("CustomerRef").path("value").asText())) {
          throw QboFault.validation(
              "6000",
              "A business validation error has occurred while processing your request",
              "Business Validation Error: The invoice "
                  + invoiceId
                  + " belongs to another customer than the payment");
        }
        BigDecimal balance = decimal(invoice, "Balance");
        BigDecimal next = balance.subtract(amount.multiply(BigDecimal.valueOf(sign)));
        if (next.signum() < 0) {
          throw QboFault.validation(
              "6000",
              "A business validation error has occurred while processing your request",
              "Business Validation Error: The payment amount "
                  + amount.toPlainString()
                  + " exceeds the open balance "
                  + balance.toPlainString()
                  + " of invoice "
                  + invoiceId);
        }
        ObjectNode updated = invoice.deepCopy();
        updated.put("Balance", next);
        ArrayNode links = updated.withArray("LinkedTxn");
        if (sign > 0 && payment.has("Id")) {
          links.addObject().put("TxnId", payment.get("Id").asText()).put("TxnType", "Payment");
        } else if (sign < 0) {
          for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i).path("TxnId").asText().equals(payment.path("Id").asText())) {
              links.remove(i);
            }
          }
        }
        touched.add(updated);
      }
      applied = applied.add(amount);
    }
    BigDecimal total = decimal(payment, "TotalAmt");
    if (sign > 0 && applied.compareTo(total) > 0) {
      throw QboFault.validation(
          "6000",
          "A business validation error has occurred while processing your request",
          "Business Validation Error: the lines apply more than the payment's TotalAmt");
    }
    for (ObjectNode invoice : touched) {
      ObjectNode meta = (ObjectNode) invoice.get("MetaData");
      if (meta != null) {
        meta.put("LastUpdatedTime", SandboxJson.time(at, zone));
      }
      invoice.put("SyncToken", Long.toString(invoice.get("SyncToken").asLong() + 1));
      table("Invoice").put(parseId(invoice.get("Id").asText()), invoice);
    }
    if (sign > 0) {
      payment.put("UnappliedAmt", total.subtract(applied));
      if (!payment.has("TxnDate")) {
        payment.put("TxnDate", at.atZone(zone).toLocalDate().toString());
      }
      if (!payment.has("CurrencyRef")) {
        ObjectNode customer =
            table("Customer").get(parseIdOrZero(payment.get("CustomerRef").get("value").asText()));
        if (customer != null) {
          payment.set("CurrencyRef", customer.get("CurrencyRef").deepCopy());
        }
      }
      payment.put("ProcessPayment", false);
    }
  }

  private void prepareAttachable(ObjectNode row) {
    checkLength(row, "Note", 2000);
    for (JsonNode ref : row.withArray("AttachableRef")) {
      String type = ref.path("EntityRef").path("type").asText();
      String id = ref.path("EntityRef").path("value").asText();
      if (!tables.containsKey(type) || table(type).get(parseIdOrZero(id)) == null) {
        throw QboFault.notFound(type, id);
      }
    }
  }

  private static void checkLength(ObjectNode row, String field, int max) {
    if (row.path(field).asText("").length() > max) {
      throw QboFault.validation(
          "2050",
          "String length is either shorter or longer than supported by specification",
          field + " is longer than " + max + " characters");
    }
  }

  private ObjectNode require(String entity, ObjectNode body) {
    String id = body.path("Id").asText("");
    ObjectNode current = table(entity).get(parseIdOrZero(id));
    if (current == null) {
      throw QboFault.notFound(entity, id);
    }
    String token = body.path("SyncToken").asText(null);
    if (token == null) {
      throw QboFault.validation(
          "2020",
          "Required param missing, need to supply the required value for the API",
          "Required parameter SyncToken is missing in the request");
    }
    if (!token.equals(current.get("SyncToken").asText())) {
      throw QboFault.stale(entity, id);
    }
    return current;
  }

  private ObjectNode touch(String entity, ObjectNode next) {
    next.put("SyncToken", Long.toString(next.get("SyncToken").asLong() + 1));
    ObjectNode meta = next.with("MetaData");
    meta.put("LastUpdatedTime", SandboxJson.time(clock.instant(), zone));
    table(entity).put(parseId(next.get("Id").asText()), next);
    return next.deepCopy();
  }

  static Instant lastUpdated(ObjectNode row) {
    return SandboxJson.parseTime(row.get("MetaData").get("LastUpdatedTime").asText());
  }

  private static BigDecimal decimal(ObjectNode row, String field) {
    JsonNode n = row.get(field);
    return n == null || n.isNull() ? BigDecimal.ZERO : new BigDecimal(n.asText());
  }

  private TreeMap<Long, ObjectNode> table(String entity) {
    TreeMap<Long, ObjectNode> t = tables.get(canonicalEntity(entity));
    if (t == null) {
      throw QboFault.validation(
          "2010", "Request has invalid or unsupported property", "Unsupported entity " + entity);
    }
    return t;
  }

  /** {@code invoice} → {@code Invoice}. */
  static String canonicalEntity(String name) {
    for (String e : ENTITIES) {
      if (e.equalsIgnoreCase(name)) {
        return e;
      }
    }
    throw QboFault.validation(
        "4001", "Invalid query", "QueryValidationError: Entity " + name + " is not supported");
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw QboFault.notFound("entity", id);
    }
  }

  private static long parseIdOrZero(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return "SandboxRealm[" + realmId + "]";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
