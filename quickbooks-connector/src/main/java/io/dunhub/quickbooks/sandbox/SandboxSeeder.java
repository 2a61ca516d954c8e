package io.dunhub.quickbooks.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeds a realm with a realistic company: customers in several currencies, a year of invoices on
 * different terms (some overdue, some partly paid), and payments applied to them. The same spec and
 * clock always give the same records.
 */
public final class SandboxSeeder {

  /**
   * What to seed.
   *
   * @param seed the random seed; the same seed gives the same company
   */
  public record Spec(long seed, int customers, int invoices, int payments) {
    public Spec {
      if (customers < 1 && invoices > 0) {
        throw new IllegalArgumentException("invoices need customers");
      }
      if (payments > invoices) {
        throw new IllegalArgumentException("at most one seeded payment per invoice");
      }
    }

    /** A small company for tests and demos: 300 customers, 3,000 invoices, 1,500 payments. */
    public static Spec demo() {
      return new Spec(42, 300, 3000, 1500);
    }
  }

  private static final String[] FIRST = {
    "Acme",
    "Blue",
    "Cedar",
    "Delta",
    "Evergreen",
    "Falcon",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Keystone",
    "Lumen",
    "Maple",
    "Northwind",
    "Orchid",
    "Pioneer",
    "Quarry",
    "Redwood",
    "Summit",
    "Tidewater"
  };
  private static final String[] SECOND = {
    "Bakery", "Builders", "Consulting", "Dental", "Electric", "Freight", "Gardens", "Hardware",
    "Imports", "Joinery", "Kitchens", "Logistics", "Media", "Nursery", "Optics", "Plumbing"
  };
  private static final String[][] CURRENCIES = {
    {"USD", "United States Dollar"},
    {"CAD", "Canadian Dollar"},
    {"EUR", "Euro"},
    {"GBP", "British Pound Sterling"}
  };
  private static final String[][] ITEMS = {
    {"1", "Services"}, {"2", "Hours"}, {"3", "Design"}, {"4", "Installation"}, {"5", "Maintenance"}
  };
  private static final String[][] TERMS = {
    {"2", "Net 15", "15"}, {"3", "Net 30", "30"}, {"4", "Net 60", "60"}
  };

  private final Spec spec;
  private final Clock clock;

  public SandboxSeeder(Spec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
  }

  /** Fills an empty realm. */
  public void seed(SandboxRealm realm) {
    Random random = new Random(spec.seed());
    Instant now = clock.instant();
    Instant start = now.minus(Duration.ofDays(420));
    List<ObjectNode> customers = new ArrayList<>();
    for (int i = 0; i < spec.customers(); i++) {
      customers.add(realm.create("Customer", customer(i, random), start.plusSeconds(60L * i)));
    }
    List<ObjectNode> invoices = new ArrayList<>();
    long span = Duration.ofDays(365).toSeconds();
    for (int i = 0; i < spec.invoices(); i++) {
      ObjectNode customer = customers.get(random.nextInt(customers.size()));
      Instant at = now.minusSeconds(span - (span * i / Math.max(1, spec.invoices())) + 3600);
      invoices.add(realm.create("Invoice", invoice(customer, at, realm, random), at));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < invoices.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<Integer> paid = new ArrayList<>(order.subList(0, spec.payments()));
    Collections.sort(paid);
    for (int index : paid) {
      ObjectNode invoice =
          realm.get("Invoice", invoices.get(index).get("Id").asText()).orElseThrow();
      Instant issued = SandboxRealm.lastUpdated(invoice);
      Instant at = issued.plus(Duration.ofHours(1 + random.nextInt(24 * 45)));
      if (at.isAfter(now.minusSeconds(60))) {
        at = now.minusSeconds(60 + random.nextInt(3600));
      }
      if (at.isBefore(issued)) {
        at = issued.plusSeconds(1);
      }
      BigDecimal balance = new BigDecimal(invoice.get("Balance").asText());
      BigDecimal amount =
          random.nextInt(3) == 0
              ? balance.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP)
              : balance;
      realm.create("Payment", payment(invoice, amount, at, random), at);
    }
  }

  private static ObjectNode customer(int i, Random random) {
    String name =
        FIRST[i % FIRST.length]
            + " "
            + SECOND[(i / FIRST.length) % SECOND.length]
            + (i >= FIRST.length * SECOND.length
                ? " " + (i / (FIRST.length * SECOND.length) + 1)
                : "");
    ObjectNode c = SandboxJson.object();
    c.put("DisplayName", name);
    c.put("CompanyName", name);
    String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-');
    c.putObject("PrimaryEmailAddr").put("Address", "billing@" + slug + ".example.com");
    c.putObject("PrimaryPhone").put("FreeFormNumber", String.format("(555) 010-%04d", i % 10000));
    int roll = random.nextInt(20);
    String[] currency =
        roll < 12
            ? CURRENCIES[0]
            : roll < 15 ? CURRENCIES[1] : roll < 18 ? CURRENCIES[2] : CURRENCIES[3];
    c.putObject("CurrencyRef").put("value", currency[0]).put("name", currency[1]);
    ObjectNode addr = c.putObject("BillAddr");
    addr.put("Line1", (100 + random.nextInt(900)) + " Main Street");
    addr.put(
        "City",
        currency[0].equals("USD")
            ? "Springfield"
            : currency[0].equals("CAD")
                ? "Toronto"
                : currency[0].equals("EUR") ? "Dublin" : "Leeds");
    addr.put(
        "Country",
        currency[0].equals("USD")
            ? "US"
            : currency[0].equals("CAD") ? "CA" : currency[0].equals("EUR") ? "IE" : "GB");
    return c;
  }

  private static ObjectNode invoice(
      ObjectNode customer, Instant at, SandboxRealm realm, Random random) {
    ObjectNode inv = SandboxJson.object();
    inv.putObject("CustomerRef").put("value", customer.get("Id").asText());
    LocalDate txnDate = at.atZone(realm.zone()).toLocalDate();
    String[] term = TERMS[random.nextInt(TERMS.length)];
    inv.put("TxnDate", txnDate.toString());
    inv.put("DueDate", txnDate.plusDays(Integer.parseInt(term[2])).toString());
    inv.putObject("SalesTermRef").put("value", term[0]).put("name", term[1]);
    ArrayNode lines = inv.putArray("Line");
    int n = 1 + random.nextInt(3);
    for (int l = 0; l < n; l++) {
      String[] item = ITEMS[random.nextInt(ITEMS.length)];
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(20));
      BigDecimal price = BigDecimal.valueOf(2500 + random.nextInt(97500), 2);
      ObjectNode line = lines.addObject();
      line.put("Amount", qty.multiply(price).setScale(2, RoundingMode.HALF_UP));
      line.put("Description", item[1]);
      line.put("DetailType", "SalesItemLineDetail");
      ObjectNode detail = line.putObject("SalesItemLineDetail");
      detail.putObject("ItemRef").put("value", item[0]).put("name", item[1]);
      detail.put("Qty", qty);
      detail.put("UnitPrice", price);
    }
    return inv;
  }

  private static ObjectNode payment(
      ObjectNode invoice, BigDecimal amount, Instant at, Random random) {
    ObjectNode p = SandboxJson.object();
    p.set("CustomerRef", invoice.get("CustomerRef").deepCopy());
    p.set("CurrencyRef", invoice.get("CurrencyRef").deepCopy());
    p.put("TotalAmt", amount);
    p.put("TxnDate", at.atZone(QboSandbox.COMPANY_ZONE).toLocalDate().toString());
    p.put("PaymentRefNum", Integer.toString(10000 + random.nextInt(90000)));
    ObjectNode line = p.putArray("Line").addObject();
    line.put("Amount", amount);
    line.putArray("LinkedTxn")
        .addObject()
        .put("TxnId", invoice.get("Id").asText())
        .put("TxnType", "Invoice");
    return p;
  }
}
