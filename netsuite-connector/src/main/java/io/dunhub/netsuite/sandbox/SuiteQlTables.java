package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SuiteQL analytics tables over the sandbox's records: {@code customer}, {@code contact},
 * {@code transaction} (invoices as {@code CustInvc}, payments as {@code CustPymt}), {@code
 * transactionline} (the main line, which carries the subsidiary), {@code
 * previoustransactionlinelink} (what a payment applies to), {@code subsidiary}, {@code currency}
 * and {@code deletedrecord}. Column names are lowercase, as SuiteQL names them.
 */
final class SuiteQlTables {

  private final SandboxStore store;

  /** Projections of unchanged records are reused: a changed record is a new object. */
  private final Map<String, Object[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

  SuiteQlTables(SandboxStore store) {
    this.store = store;
  }

  private final Map<String, Object[]> tables = new java.util.concurrent.ConcurrentHashMap<>();

  /** The rows of a table, or null when SuiteQL has no such table. Unchanged tables are reused. */
  List<Map<String, Object>> rows(String table) {
    long version = store.version();
    Object[] hit = tables.get(table);
    if (hit != null && (Long) hit[0] == version) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) hit[1];
      return rows;
    }
    List<Map<String, Object>> rows = build(table);
    if (rows != null) {
      rows = java.util.Collections.unmodifiableList(rows);
      tables.put(table, new Object[] {version, rows});
    }
    return rows;
  }

  private List<Map<String, Object>> build(String table) {
    return switch (table) {
      case "customer" -> map("customer", "customer", this::customer);
      case "contact" -> map("contact", "contact", this::contact);
      case "subsidiary" -> map("subsidiary", "subsidiary", this::subsidiary);
      case "currency" -> map("currency", "currency", this::currency);
      case "transaction" -> {
        List<Map<String, Object>> rows = map("invoice", "transaction", this::transaction);
        rows.addAll(map("customerPayment", "transaction", this::transaction));
        yield rows;
      }
      case "transactionline" -> {
        List<Map<String, Object>> rows = map("invoice", "mainLine", this::mainLine);
        rows.addAll(map("customerPayment", "mainLine", this::mainLine));
        yield rows;
      }
      case "previoustransactionlinelink" -> links();
      case "deletedrecord" -> deleted();
      default -> null;
    };
  }

  private List<Map<String, Object>> map(
      String type,
      String projection,
      java.util.function.Function<SandboxRecord, Map<String, Object>> f) {
    List<SandboxRecord> records = store.all(type);
    List<Map<String, Object>> out = new ArrayList<>(records.size());
    for (SandboxRecord r : records) {
      String key = projection + ":" + r.type() + ":" + r.id();
      Object[] hit = cache.get(key);
      if (hit == null || hit[0] != r) {
        hit = new Object[] {r, f.apply(r)};
        cache.put(key, hit);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> row = (Map<String, Object>) hit[1];
      out.add(row);
    }
    return out;
  }

  private static Map<String, Object> base(SandboxRecord r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("externalid", r.externalId());
    m.put("lastmodifieddate", r.lastModified());
    return m;
  }

  private Map<String, Object> customer(SandboxRecord r) {
    Map<String, Object> m = base(r);
    m.put("entityid", r.text("entityId"));
    m.put("companyname", r.text("companyName"));
    m.put("email", r.text("email"));
    m.put("phone", r.text("phone"));
    m.put("subsidiary", id(r.ref("subsidiary")));
    m.put("currency", id(r.ref("currency")));
    m.put("terms", id(r.ref("terms")));
    m.put("isinactive", bool(r, "isInactive"));
    m.put("datecreated", r.text("dateCreated") == null ? null : r.lastModified());
    return m;
  }

  private Map<String, Object> contact(SandboxRecord r) {
    Map<String, Object> m = base(r);
    m.put("entityid", r.text("entityId"));
    m.put("firstname", r.text("firstName"));
    m.put("lastname", r.text("lastName"));
    m.put("email", r.text("email"));
    m.put("phone", r.text("phone"));
    m.put("title", r.text("title"));
    m.put("company", id(r.ref("company")));
    m.put("subsidiary", id(r.ref("subsidiary")));
    m.put("isinactive", bool(r, "isInactive"));
    return m;
  }

  private Map<String, Object> subsidiary(SandboxRecord r) {
    Map<String, Object> m = base(r);
    m.put("name", r.text("name"));
    m.put("country", r.text("country"));
    m.put("currency", id(r.ref("currency")));
    return m;
  }

  private Map<String, Object> currency(SandboxRecord r) {
    Map<String, Object> m = base(r);
    m.put("name", r.text("name"));
    m.put("symbol", r.text("symbol"));
    return m;
  }

  private Map<String, Object> transaction(SandboxRecord r) {
    Map<String, Object> m = base(r);
    boolean invoice = r.type().equals("invoice");
    m.put("type", invoice ? "CustInvc" : "CustPymt");
    m.put("recordtype", invoice ? "invoice" : "customerpayment");
    m.put("tranid", r.text("tranId"));
    m.put("trandate", date(r.text("tranDate")));
    m.put("entity", id(r.ref(invoice ? "entity" : "customer")));
    m.put("currency", id(r.ref("currency")));
    m.put("memo", r.text("memo"));
    if (invoice) {
      m.put("duedate", date(r.text("dueDate")));
      m.put("foreigntotal", decimal(r.fields().get("total")));
      m.put("foreignamountunpaid", decimal(r.fields().get("amountRemaining")));
      m.put("foreignamountpaid", decimal(r.fields().get("amountPaid")));
      m.put("status", InvoiceStatus.code(r));
      m.put("terms", id(r.ref("terms")));
    } else {
      m.put("foreigntotal", decimal(r.fields().get("payment")));
      m.put("status", "C");
      m.put("paymentmethod", id(r.ref("paymentMethod")));
    }
    return m;
  }

  private Map<String, Object> mainLine(SandboxRecord r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", 0L);
    m.put("transaction", r.id());
    m.put("mainline", "T");
    m.put("subsidiary", id(r.ref("subsidiary")));
    m.put("entity", id(r.ref(r.type().equals("invoice") ? "entity" : "customer")));
    return m;
  }

  private List<Map<String, Object>> links() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SandboxRecord p : store.all("customerPayment")) {
      JsonNode items = p.fields().path("apply").path("items");
      for (JsonNode item : items) {
        if (!item.path("apply").asBoolean(true)) {
          continue;
        }
        Map<String, Object> m = new HashMap<>();
        m.put("previousdoc", Long.parseLong(item.path("doc").path("id").asText()));
        m.put("previoustype", "CustInvc");
        m.put("nextdoc", p.id());
        m.put("nexttype", "CustPymt");
        m.put("linktype", "Payment");
        m.put("foreignamount", decimal(item.get("amount")));
        m.put("linkdate", date(p.text("tranDate")));
        out.add(m);
      }
    }
    return out;
  }

  /**
   * NetSuite's {@code DeletedRecord}: {@code type} (the record type id, lowercase, as {@code
   * invoice}, {@code customerpayment}), {@code recordid}, {@code deleteddate}, {@code externalid},
   * {@code context}.
   */
  private List<Map<String, Object>> deleted() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SandboxStore.Deletion d : store.deletions()) {
      Map<String, Object> m = new HashMap<>();
      m.put("type", d.type().toLowerCase(java.util.Locale.ROOT));
      m.put("recordid", d.id());
      m.put("deleteddate", d.deletedAt());
      m.put("externalid", d.externalId());
      m.put("context", "WEBSERVICES");
      out.add(m);
    }
    return out;
  }

  private static Long id(String ref) {
    return ref == null ? null : Long.valueOf(ref);
  }

  private static String bool(SandboxRecord r, String field) {
    return r.fields().path(field).asBoolean(false) ? "T" : "F";
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static BigDecimal decimal(JsonNode n) {
    return n == null || n.isNull() ? null : new BigDecimal(n.asText());
  }
}
