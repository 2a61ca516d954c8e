package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record half of SuiteTalk REST: get, create (204 + {@code Location}), update ({@code PATCH}),
 * upsert by external id ({@code PUT …/eid:key}) and delete, with NetSuite's validation of
 * references (a note's invoice and customer must exist; a payment is in its customer's currency, by
 * internal id, defaulting to it, and applies only to open invoices of its customer, in their
 * currency, up to what is unpaid).
 */
final class SandboxRecords {

  /** A write NetSuite refuses: status, code, detail and the field path. */
  static final class Invalid extends Exception {
    final int status;
    final String code;
    final String path;

    Invalid(int status, String code, String detail, String path) {
      super(detail);
      this.status = status;
      this.code = code;
      this.path = path;
    }
  }

  private final SandboxStore store;

  SandboxRecords(SandboxStore store) {
    this.store = store;
  }

  /** The record as the REST API shows it. */
  ObjectNode view(SandboxRecord r, String baseUrl) {
    ObjectNode out = Reply.JSON.createObjectNode();
    out.putArray("links")
        .addObject()
        .put("rel", "self")
        .put("href", baseUrl + "/services/rest/record/v1/" + r.type() + "/" + r.id());
    out.put("id", Long.toString(r.id()));
    if (r.externalId() != null) {
      out.put("externalId", r.externalId());
    }
    out.setAll(r.fields().deepCopy());
    out.put("lastModifiedDate", DateTimeFormatter.ISO_INSTANT.format(r.lastModified()));
    if (r.type().equals("invoice")) {
      String code = InvoiceStatus.code(r);
      out.putObject("status").put("id", code).put("refName", InvoiceStatus.name(code));
    }
    return out;
  }

  /** Creates a record; returns it. */
  synchronized SandboxRecord create(String type, String externalId, ObjectNode body)
      throws Invalid {
    ObjectNode fields = clean(body);
    if (externalId == null && body.hasNonNull("externalId")) {
      externalId = body.get("externalId").asText();
      if (store.byExternalId(type, externalId).isPresent()) {
        throw new Invalid(
            400,
            "DUP_RCRD",
            "A record with external ID " + externalId + " already exists.",
            "externalId");
      }
    }
    validate(type, fields, true);
    long id = store.nextId(type);
    if (type.equals("customerPayment")) {
      apply(fields, +1);
    }
    return store.put(type, id, externalId, fields);
  }

  /** Merges {@code body} into a record (PATCH, or PUT by external id on an existing record). */
  synchronized SandboxRecord update(SandboxRecord old, ObjectNode body) throws Invalid {
    ObjectNode fields = old.fields().deepCopy();
    fields.setAll(clean(body));
    validate(old.type(), fields, false);
    if (old.type().equals("customerPayment")) {
      apply(old.fields(), -1);
      try {
        apply(fields, +1);
      } catch (Invalid e) {
        apply(old.fields(), +1);
        throw e;
      }
    }
    return store.put(old.type(), old.id(), old.externalId(), fields);
  }

  synchronized void delete(SandboxRecord r) throws Invalid {
    if (r.type().equals("customerPayment")) {
      apply(r.fields(), -1);
    }
    store.delete(r.type(), r.id());
  }

  private static ObjectNode clean(ObjectNode body) {
    ObjectNode fields = body.deepCopy();
    for (String readOnly :
        List.of("id", "links", "externalId", "lastModifiedDate", "status", "amountPaid")) {
      fields.remove(readOnly);
    }
    Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
    while (it.hasNext()) {
      JsonNode v = it.next().getValue();
      if (v.isObject()) {
        ((ObjectNode) v).remove("links");
      }
    }
    return fields;
  }

  private void validate(String type, ObjectNode f, boolean create) throws Invalid {
    switch (type) {
      case "customer" -> {
        if (create) {
          require(f, "companyName");
          f.put("entityId", f.path("entityId").asText(f.get("companyName").asText()));
          refRequired(f, "subsidiary", "subsidiary");
        }
        ref(f, "subsidiary", "subsidiary");
        ref(f, "currency", "currency");
        email(f);
      }
      case "contact" -> {
        if (create) {
          require(f, "lastName");
        }
        ref(f, "company", "customer");
        ref(f, "subsidiary", "subsidiary");
        email(f);
      }
      case "note" -> {
        require(f, "note");
        ref(f, "entity", "customer", "contact");
        ref(f, "transaction", "invoice", "customerPayment");
        if (!f.has("entity") && !f.has("transaction")) {
          throw new Invalid(
              400,
              "USER_ERROR",
              "A note must be attached to a record: set entity or transaction.",
              "entity");
        }
      }
      case "phoneCall", "task" -> {
        require(f, "title");
        ref(f, "company", "customer");
        ref(f, "contact", "contact");
        ref(f, "transaction", "invoice");
      }
      case "invoice" -> {
        if (create) {
          SandboxRecord customer = refRequired(f, "entity", "customer");
          require(f, "total");
          f.put("amountRemaining", f.get("total").decimalValue());
          f.put("amountPaid", BigDecimal.ZERO);
          if (!f.has("currency")) {
            f.set("currency", customer.fields().get("currency").deepCopy());
          }
          f.set("subsidiary", customer.fields().get("subsidiary").deepCopy());
        }
      }
      case "customerPayment" -> {
        SandboxRecord customer = refRequired(f, "customer", "customer");
        String own = customer.ref("currency");
        if (!f.has("currency") && own != null) {
          f.putObject("currency").put("id", own);
        }
        SandboxRecord currency = refRequired(f, "currency", "currency");
        if (own != null && !own.equals(Long.toString(currency.id()))) {
          throw new Invalid(
              400,
              "INVALID_KEY_OR_REF",
              "Invalid currency reference key "
                  + currency.id()
                  + " for customer "
                  + customer.id()
                  + ".",
              "currency");
        }
        f.set("subsidiary", customer.fields().get("subsidiary").deepCopy());
      }
      default ->
          throw new Invalid(
              405, "INVALID_REQUEST", "The sandbox does not write " + type + " records.", null);
    }
  }

  /** Applies (+1) or reverses (-1) a payment's applications to its invoices. */
  private void apply(ObjectNode payment, int sign) throws Invalid {
    String customer = payment.path("customer").path("id").asText();
    String currency = payment.path("currency").path("id").asText();
    JsonNode items = payment.path("apply").path("items");
    if (sign > 0 && (!items.isArray() || items.isEmpty())) {
      throw new Invalid(
          400, "USER_ERROR", "A payment must apply to at least one invoice.", "apply.items");
    }
    List<Object[]> changes = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.path("apply").asBoolean(true)) {
        continue;
      }
      String path = "apply.items[" + i + "]";
      Optional<SandboxRecord> inv = store.get("invoice", item.path("doc").path("id").asText());
      if (inv.isEmpty()) {
        throw new Invalid(
            400,
            "INVALID_KEY_OR_REF",
            "Invalid doc reference key " + item.path("doc").path("id").asText() + ".",
            path + ".doc");
      }
      SandboxRecord invoice = inv.get();
      if (sign > 0 && !customer.equals(invoice.ref("entity"))) {
        throw new Invalid(
            400,
            "USER_ERROR",
            "Invoice " + invoice.id() + " does not belong to customer " + customer + ".",
            path + ".doc");
      }
      if (sign > 0 && !currency.equals(invoice.ref("currency"))) {
        throw new Invalid(
            400,
            "USER_ERROR",
            "The payment's currency does not match invoice " + invoice.id() + ".",
            "currency");
      }
      BigDecimal amount = new BigDecimal(item.path("amount").asText("0"));
      BigDecimal remaining = new BigDecimal(invoice.fields().path("amountRemaining").asText());
      if (sign > 0 && (amount.signum() <= 0 || amount.compareTo(remaining) > 0)) {
        throw new Invalid(
            400,
            "INVALID_FLD_VALUE",
            "You cannot apply "
                + amount.toPlainString()
                + " to invoice "
                + invoice.id()
                + "; "
                + remaining.toPlainString()
                + " is unpaid.",
            path + ".amount");
      }
      sum = sum.add(amount);
      changes.add(new Object[] {invoice, amount});
    }
    if (sign > 0 && !payment.has("payment")) {
      payment.put("payment", sum);
    }
    for (Object[] c : changes) {
      SandboxRecord invoice = (SandboxRecord) c[0];
      BigDecimal amount = ((BigDecimal) c[1]).multiply(BigDecimal.valueOf(sign));
      ObjectNode f = invoice.fields().deepCopy();
      f.put("amountRemaining", new BigDecimal(f.path("amountRemaining").asText()).subtract(amount));
      f.put("amountPaid", new BigDecimal(f.path("amountPaid").asText("0")).add(amount));
      store.put("invoice", invoice.id(), invoice.externalId(), f);
    }
  }

  private static void require(ObjectNode f, String field) throws Invalid {
    JsonNode v = f.get(field);
    boolean missing =
        v == null
            || v.isNull()
            || (v.isObject() ? v.path("id").asText("").isBlank() : v.asText().isBlank());
    if (missing) {
      throw new Invalid(400, "USER_ERROR", "Please enter value(s) for: " + field + ".", field);
    }
  }

  private SandboxRecord refRequired(ObjectNode f, String field, String type) throws Invalid {
    require(f, field);
    return ref(f, field, type);
  }

  private SandboxRecord ref(ObjectNode f, String field, String... types) throws Invalid {
    if (!f.hasNonNull(field)) {
      return null;
    }
    String id = f.get(field).path("id").asText(null);
    for (String t : types) {
      Optional<SandboxRecord> r = id == null ? Optional.empty() : store.get(t, id);
      if (r.isPresent()) {
        return r.get();
      }
    }
    throw new Invalid(
        400, "INVALID_KEY_OR_REF", "Invalid " + field + " reference key " + id + ".", field);
  }

  private static void email(ObjectNode f) throws Invalid {
    if (f.hasNonNull("email") && !f.get("email").asText().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new Invalid(
          400,
          "INVALID_FLD_VALUE",
          "Invalid field value " + f.get("email").asText() + " for field email.",
          "email");
    }
  }
}
