package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic multi-subsidiary, multi-currency company: subsidiaries US (USD), UK (GBP),
 * Germany (EUR) and Canada (CAD); customers in each with contacts; invoices open, partly paid, paid
 * in full and overdue; customer payments applied to them. The same seed always gives the same
 * records, ids and timestamps (relative to the sandbox clock).
 */
public final class SandboxSeed {

  /** Subsidiary ids: 1 US, 2 UK, 3 Germany, 4 Canada. */
  public static final long US = 1;

  public static final long UK = 2;
  public static final long DE = 3;
  public static final long CA = 4;

  private final NetSuiteSandbox sandbox;
  private final Random random;
  private final Instant base;
  private int tick;

  private SandboxSeed(NetSuiteSandbox sandbox, long seed) {
    this.sandbox = sandbox;
    this.random = new Random(seed);
    this.base =
        sandbox
            .store()
            .now()
            .minusSeconds(30L * 86_400)
            .with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
  }

  /**
   * Seeds a company: the four subsidiaries and their currencies, {@code customers} customers spread
   * over them, a contact each, and {@code invoicesPerCustomer} invoices per customer of which about
   * a third are partly or fully paid.
   */
  public static void company(
      NetSuiteSandbox sandbox, long seed, int customers, int invoicesPerCustomer) {
    SandboxSeed s = new SandboxSeed(sandbox, seed);
    s.lists();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      ids.add(s.customer(i));
    }
    for (int i = 0; i < customers; i++) {
      for (int j = 0; j < invoicesPerCustomer; j++) {
        s.invoice(ids.get(i), i * invoicesPerCustomer + j);
      }
    }
  }

  /** The small demo company: 24 customers, 5 invoices each. */
  public static void demo(NetSuiteSandbox sandbox) {
    company(sandbox, 20261123L, 24, 5);
  }

  private void lists() {
    currency(1, "USD", "US Dollar");
    currency(2, "GBP", "British pound");
    currency(3, "CAD", "Canadian Dollar");
    currency(4, "EUR", "Euro");
    subsidiary(US, "Dunhub Demo Inc.", "US", 1);
    subsidiary(UK, "Dunhub Demo Ltd", "GB", 2);
    subsidiary(DE, "Dunhub Demo GmbH", "DE", 4);
    subsidiary(CA, "Dunhub Demo Canada Inc.", "CA", 3);
  }

  private void currency(long id, String symbol, String name) {
    ObjectNode f = Reply.JSON.createObjectNode().put("symbol", symbol).put("name", name);
    sandbox.store().putAt("currency", id, null, f, base);
  }

  private void subsidiary(long id, String name, String country, long currency) {
    ObjectNode f = Reply.JSON.createObjectNode().put("name", name).put("country", country);
    f.putObject("currency").put("id", Long.toString(currency));
    sandbox.store().putAt("subsidiary", id, null, f, base);
  }

  private Instant stamp() {
    // seven records share each second, so paging must break ties on the id
    return base.plusSeconds(tick++ / 7);
  }

  private static final String[] NAMES = {
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Wonka"
  };

  private long customer(int i) {
    long subsidiary = new long[] {US, US, UK, DE, CA}[i % 5];
    long currency = new long[] {0, 1, 2, 4, 3}[(int) subsidiary];
    String name = NAMES[i % NAMES.length] + " " + (i / NAMES.length + 1);
    ObjectNode f = Reply.JSON.createObjectNode();
    f.put("entityId", "CUST" + (1000 + i));
    f.put("companyName", name + (subsidiary == DE ? " GmbH" : subsidiary == UK ? " Ltd" : " Inc."));
    f.put("email", "ap@" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example");
    f.put("phone", "+1 555 01" + String.format("%02d", i % 100));
    f.putObject("subsidiary").put("id", Long.toString(subsidiary));
    f.putObject("currency").put("id", Long.toString(currency));
    f.putObject("terms").put("id", "2");
    f.put("isInactive", false);
    long id = sandbox.store().nextId("customer");
    sandbox.store().putAt("customer", id, null, f, stamp());
    ObjectNode c = Reply.JSON.createObjectNode();
    c.put("entityId", "Pat Payable " + i);
    c.put("firstName", "Pat");
    c.put("lastName", "Payable " + i);
    c.put(
        "email",
        "pat" + i + "@" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example");
    c.put("phone", "+1 555 02" + String.format("%02d", i % 100));
    c.put("title", "Accounts Payable");
    c.putObject("company").put("id", Long.toString(id));
    c.putObject("subsidiary").put("id", Long.toString(subsidiary));
    sandbox.store().putAt("contact", sandbox.store().nextId("contact"), null, c, stamp());
    return id;
  }

  private void invoice(long customerId, int n) {
    SandboxRecord customer = sandbox.store().get("customer", customerId).orElseThrow();
    LocalDate today = LocalDate.ofInstant(base, ZoneOffset.UTC).plusDays(30);
    LocalDate tranDate = today.minusDays(random.nextInt(120));
    BigDecimal total = BigDecimal.valueOf(5_000 + random.nextInt(500_000)).movePointLeft(2);
    int kind = random.nextInt(6); // 0 paid in full, 1 partly paid, else open
    BigDecimal paid =
        kind == 0
            ? total
            : kind == 1
                ? total.multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
    ObjectNode f = Reply.JSON.createObjectNode();
    f.put("tranId", "INV" + (10_000 + n));
    f.put("tranDate", tranDate.toString());
    f.put("dueDate", tranDate.plusDays(30).toString());
    f.set(
        "entity",
        customer.fields().get("companyName") == null
            ? null
            : Reply.JSON
                .createObjectNode()
                .put("id", Long.toString(customerId))
                .put("refName", customer.text("companyName")));
    f.set("currency", customer.fields().get("currency").deepCopy());
    f.set("subsidiary", customer.fields().get("subsidiary").deepCopy());
    f.set("terms", customer.fields().get("terms").deepCopy());
    f.put("total", total);
    f.put("amountPaid", paid);
    f.put("amountRemaining", total.subtract(paid));
    f.put("memo", "Services " + tranDate.getMonth());
    long id = sandbox.store().nextId("invoice");
    sandbox.store().putAt("invoice", id, null, f, stamp());
    if (paid.signum() > 0) {
      ObjectNode p = Reply.JSON.createObjectNode();
      p.put("tranId", "PYMT" + (10_000 + n));
      p.put("tranDate", tranDate.plusDays(10 + random.nextInt(20)).toString());
      p.putObject("customer").put("id", Long.toString(customerId));
      p.set("currency", customer.fields().get("currency").deepCopy());
      p.set("subsidiary", customer.fields().get("subsidiary").deepCopy());
      p.put("payment", paid);
      ObjectNode item = p.putObject("apply").putArray("items").addObject();
      item.putObject("doc").put("id", Long.toString(id));
      item.put("apply", true);
      item.put("amount", paid);
      sandbox
          .store()
          .putAt("customerPayment", sandbox.store().nextId("customerPayment"), null, p, stamp());
    }
  }
}
