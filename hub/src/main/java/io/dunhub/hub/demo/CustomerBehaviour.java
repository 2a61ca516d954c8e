package io.dunhub.hub.demo;

import io.dunhub.hub.demo.DemoCompany.Books;
import io.dunhub.hub.demo.DemoCompany.Customer;
import io.dunhub.hub.dunning.CanonicalReader;
import io.dunhub.hub.dunning.DunningCases;
import io.dunhub.hub.store.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Northwind's customers do during the demo, decided from what reaches them: each reads the
 * reminders the hub sent (the hub's activity log) and, by temperament, pays in its accounting
 * system a few days later (in full, or half first), only after a second reminder, or never. Two
 * customers are scripted: Müller Maschinenbau disputes an invoice on day 2 (a collector records
 * it), and Lakeshore Logistics promises on day 3 to pay an invoice within a week and does so on day
 * 8. Payments are entered into QuickBooks or NetSuite as their bookkeepers would; the hub learns of
 * them only through sync.
 */
final class CustomerBehaviour {

  /** How a customer answers reminders. */
  enum Temper {
    PROMPT,
    /** Pays a day after a reminder by card, through the "pay now" link (the payment processor). */
    BY_CARD,
    AFTER_SECOND,
    HALF_FIRST,
    IGNORES
  }

  /** One thing a customer did, for the live lines and the summary. */
  record Event(Instant at, String customer, String invoice, String what) {}

  private record Planned(Instant at, Customer customer, String invoice, BigDecimal share) {}

  static final String DISPUTER = "mueller";
  static final String PROMISER = "lakeshore";

  private final DemoCompany company;
  private final DemoHosts hosts;
  private final DemoSeeder.Ids ids;
  private final Store store;
  private final DunningCases cases;
  private final Set<String> seenNotices = new HashSet<>();
  private final List<Planned> planned = new ArrayList<>();
  private final Set<String> paidInFull = new HashSet<>();
  private final List<Event> events = new ArrayList<>();
  private final Map<Books, Integer> paymentsByBooks = new LinkedHashMap<>();
  private final Set<String> hostPaymentIds = new HashSet<>();
  private int cardPayments;
  private boolean disputed;
  private boolean promised;

  CustomerBehaviour(
      DemoCompany company, DemoHosts hosts, DemoSeeder.Ids ids, Store store, DunningCases cases) {
    this.company = company;
    this.hosts = hosts;
    this.ids = ids;
    this.store = store;
    this.cases = cases;
  }

  /**
   * Customers who pay by card through the reminder's link: two US, two in the euro area and one in
   * the UK (a pound payment the hub posts into NetSuite).
   */
  static final Set<String> CARD_PAYERS =
      Set.of("cascade", "empire", "liffey", "vandijk", "ashford");

  /** A UK customer who pays its pound invoices in NetSuite soon after a reminder. */
  static final String PROMPT_GBP_PAYER = "thornbury";

  static Temper temper(Customer c) {
    if (c.key().equals(DISPUTER) || c.key().equals(PROMISER)) {
      return Temper.IGNORES;
    }
    if (CARD_PAYERS.contains(c.key())) {
      return Temper.BY_CARD;
    }
    if (c.key().equals(PROMPT_GBP_PAYER)) {
      return Temper.PROMPT;
    }
    int h = Math.floorMod(c.key().hashCode() * 31 + 7, 20);
    return h < 7
        ? Temper.PROMPT
        : h < 12 ? Temper.AFTER_SECOND : h < 14 ? Temper.HALF_FIRST : Temper.IGNORES;
  }

  /** Runs at every tick, before the hub syncs. */
  void act(Instant now) {
    long day =
        Duration.between(company.start().atStartOfDay().toInstant(ZoneOffset.UTC), now).toDays();
    if (!disputed && day >= 1 && hourOf(now) >= 9) {
      disputed = true;
      scriptedDispute(now);
    }
    if (!promised && day >= 2 && hourOf(now) >= 15) {
      promised = true;
      scriptedPromise(now);
    }
    readNewNotices(now);
    for (Planned p : List.copyOf(planned)) {
      if (!p.at().isAfter(now)) {
        planned.remove(p);
        pay(p, now);
      }
    }
  }

  private static int hourOf(Instant now) {
    return now.atZone(ZoneOffset.UTC).getHour();
  }

  private void scriptedDispute(Instant now) {
    Customer c = company.customer(DISPUTER);
    largestOverdue(c)
        .ifPresent(
            number ->
                canonicalInvoiceId(number)
                    .ifPresent(
                        id -> {
                          cases.dispute(id, true);
                          events.add(
                              new Event(
                                  now,
                                  c.name(),
                                  number,
                                  "disputes the invoice (wrong quantity); a collector marks the"
                                      + " case disputed"));
                        }));
  }

  private void scriptedPromise(Instant now) {
    Customer c = company.customer(PROMISER);
    largestOverdue(c)
        .ifPresent(
            number ->
                canonicalInvoiceId(number)
                    .ifPresent(
                        id -> {
                          LocalDate by = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(7);
                          cases.promise(id, by);
                          events.add(new Event(now, c.name(), number, "promises to pay by " + by));
                          planned.add(
                              new Planned(now.plus(Duration.ofDays(5)), c, number, BigDecimal.ONE));
                        }));
  }

  private Optional<String> largestOverdue(Customer c) {
    return c.invoices().stream()
        .filter(b -> b.due().isBefore(company.start()) && b.open().signum() > 0)
        .max((a, b) -> a.open().compareTo(b.open()))
        .map(DemoCompany.Bill::number);
  }

  Optional<String> canonicalInvoiceId(String number) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM invoices WHERE number = :n AND deleted = FALSE")
                    .bind("n", number)
                    .mapTo(String.class)
                    .findFirst());
  }

  /** Notices delivered since the last tick: each customer decides what to do about them. */
  private void readNewNotices(Instant now) {
    List<String[]> notices =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT a.id, i.number, a.attributes FROM activities a JOIN invoices i"
                                + " ON i.id = a.invoice_id WHERE a.type = 'NOTICE_SENT'"
                                + " AND a.channel = 'EMAIL' ORDER BY a.occurred_at, a.id")
                        .map(
                            (rs, ctx) ->
                                new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .list());
    for (String[] n : notices) {
      if (!seenNotices.add(n[0])) {
        continue;
      }
      String number = n[1];
      Customer c = owner(number);
      if (c == null || paidInFull.contains(number) || isPlanned(number)) {
        continue;
      }
      String template = template(n[2]);
      int delay = 1 + Math.floorMod(number.hashCode(), 3);
      switch (temper(c)) {
        case PROMPT -> plan(now.plus(Duration.ofDays(delay)), c, number, BigDecimal.ONE);
        case BY_CARD -> plan(now.plus(Duration.ofHours(20)), c, number, BigDecimal.ONE);
        case AFTER_SECOND -> {
          if (!template.equals("friendly-reminder") && !template.equals("overdue-reminder")) {
            plan(now.plus(Duration.ofDays(delay + 1)), c, number, BigDecimal.ONE);
          }
        }
        case HALF_FIRST -> plan(now.plus(Duration.ofDays(delay)), c, number, new BigDecimal("0.5"));
        case IGNORES -> {}
      }
    }
  }

  private void plan(Instant at, Customer c, String number, BigDecimal share) {
    planned.add(new Planned(at, c, number, share));
  }

  private boolean isPlanned(String number) {
    return planned.stream().anyMatch(p -> p.invoice().equals(number));
  }

  private static String template(String attributes) {
    if (attributes == null || !attributes.contains("template")) {
      return "";
    }
    Object t = CanonicalReader.read(attributes, Map.class, "attributes").get("template");
    return t == null ? "" : t.toString();
  }

  private Customer owner(String number) {
    for (Customer c : company.customers()) {
      for (DemoCompany.Bill b : c.invoices()) {
        if (b.number().equals(number)) {
          return c;
        }
      }
    }
    return null;
  }

  /** Enters the payment in the customer's accounting system, for what is still open there. */
  private void pay(Planned p, Instant now) {
    Customer c = p.customer();
    String hostInvoice = ids.invoices().get(p.invoice());
    BigDecimal open = openInHost(c.books(), hostInvoice);
    if (open.signum() <= 0) {
      return;
    }
    BigDecimal amount = open.multiply(p.share()).setScale(2, RoundingMode.HALF_UP);
    boolean full = amount.compareTo(open) == 0;
    String paymentId;
    boolean card = temper(c) == Temper.BY_CARD;
    if (card) {
      paymentId = DemoSeeder.cardPayment(hosts.cards(), c, p.invoice(), amount, now);
    } else if (c.books() == Books.QUICKBOOKS) {
      paymentId =
          DemoSeeder.qboPayment(
              hosts.realm(), ids.customers().get(c.key()), hostInvoice, amount, now);
    } else {
      paymentId =
          DemoSeeder.nsPayment(
              hosts.netsuite().store(),
              Long.parseLong(hostInvoice),
              amount,
              now,
              "PYMT-" + p.invoice() + "-" + now.getEpochSecond() % 10_000);
    }
    if (card) {
      cardPayments++;
    } else {
      hostPaymentIds.add(c.books() + ":" + paymentId);
      paymentsByBooks.merge(c.books(), 1, Integer::sum);
    }
    if (full) {
      paidInFull.add(p.invoice());
    } else {
      plan(now.plus(Duration.ofDays(10)), c, p.invoice(), BigDecimal.ONE);
    }
    events.add(
        new Event(
            now,
            c.name(),
            p.invoice(),
            (full ? "pays " : "pays part, ")
                + amount.toPlainString()
                + " "
                + c.currency()
                + (card
                    ? " by card (the reminder's payment link)"
                    : c.books() == Books.QUICKBOOKS ? " in QuickBooks" : " in NetSuite")));
  }

  private BigDecimal openInHost(Books books, String hostInvoice) {
    if (books == Books.QUICKBOOKS) {
      return hosts
          .realm()
          .get("Invoice", hostInvoice)
          .map(i -> new BigDecimal(i.path("Balance").asText("0")))
          .orElse(BigDecimal.ZERO);
    }
    return hosts
        .netsuite()
        .store()
        .get("invoice", hostInvoice)
        .map(r -> new BigDecimal(r.fields().path("amountRemaining").asText("0")))
        .orElse(BigDecimal.ZERO);
  }

  /** Events since {@code from} (inclusive) and before {@code to}. */
  List<Event> events(Instant from, Instant to) {
    return events.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  /** Payments customers entered in each accounting system during the demo. */
  Map<Books, Integer> paymentsByBooks() {
    return Map.copyOf(paymentsByBooks);
  }

  /** Payments made by card through the payment page. */
  int cardPayments() {
    return cardPayments;
  }

  /** Whether a payment in a host was entered by a customer (not written by the hub). */
  boolean enteredByCustomer(Books books, String hostPaymentId) {
    return hostPaymentIds.contains(books + ":" + hostPaymentId);
  }

  Set<String> paidInFull() {
    return Set.copyOf(paidInFull);
  }
}
