package io.dunhub.hub.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo's one company, Northwind Supply: a B2B supplier of workshop and office equipment. Its US
 * business keeps its books in QuickBooks Online (USD), its European subsidiary in NetSuite (EUR and
 * GBP); sales work in Salesforce, which holds every customer as an Account with its people as
 * Contacts. The same customer is linked across the CRM and its accounting system by its tax id
 * (Salesforce {@code AccountNumber}, QuickBooks {@code PrimaryTaxIdentifier}, NetSuite customer
 * id). The same seed and start day always give the same company.
 */
public final class DemoCompany {

  /** Which accounting system bills a customer. */
  public enum Books {
    QUICKBOOKS,
    NETSUITE
  }

  /** A person at a customer, kept in Salesforce. */
  public record Person(String first, String last, String title, String email, String phone) {}

  /**
   * One customer.
   *
   * @param key a short stable key (used in scripted behaviour and tests)
   * @param state the US state or European region, which the demo mapping turns into a time zone
   */
  public record Customer(
      String key,
      String name,
      String taxId,
      Books books,
      String currency,
      String country,
      String state,
      String city,
      Locale locale,
      ZoneId zone,
      String email,
      String phone,
      List<Person> people,
      List<Bill> invoices) {}

  /** One invoice, as the customer's accounting system holds it at the start. */
  public record Bill(
      String number,
      LocalDate issued,
      LocalDate due,
      String terms,
      BigDecimal amount,
      BigDecimal paid,
      String description) {

    public BigDecimal open() {
      return amount.subtract(paid);
    }
  }

  private record Seed(
      String key,
      String name,
      Books books,
      String currency,
      String country,
      String state,
      String city,
      String locale,
      String zone,
      String first,
      String last,
      String first2,
      String last2) {}

  private static final List<Seed> SEEDS =
      List.of(
          us("cascade", "Cascade Outfitters Inc", "WA", "Seattle", "Los_Angeles", "Maria", "Chen"),
          us("redwood", "Redwood Dental Group", "CA", "Oakland", "Los_Angeles", "David", "Park"),
          us("sunset", "Sunset Bakery Co", "CA", "San Diego", "Los_Angeles", "Lucia", "Ortiz"),
          us("silver", "Silver State Electric", "NV", "Reno", "Los_Angeles", "Tom", "Hale"),
          us("pinecrest", "Pinecrest Builders LLC", "CO", "Denver", "Denver", "Jake", "Moreno"),
          us("frontrange", "Front Range Brewing", "CO", "Boulder", "Denver", "Erin", "Walsh"),
          us("desert", "Desert Bloom Landscaping", "AZ", "Tucson", "Phoenix", "Rosa", "Vega"),
          us("lakeshore", "Lakeshore Logistics Inc", "IL", "Chicago", "Chicago", "Ken", "Novak"),
          us("prairie", "Prairie Hardware Supply", "IL", "Peoria", "Chicago", "Amy", "Larsen"),
          us("lonestar", "Lone Star Freight LLC", "TX", "Dallas", "Chicago", "Ray", "Gomez"),
          us("gulf", "Gulf Coast Marine", "TX", "Houston", "Chicago", "Dana", "Price"),
          us("hudson", "Hudson Valley Kitchens", "NY", "Albany", "New_York", "Sam", "Rossi"),
          us("empire", "Empire Office Interiors", "NY", "New York", "New_York", "Priya", "Shah"),
          us("liberty", "Liberty Print & Sign", "MA", "Boston", "New_York", "Owen", "Burke"),
          us("harbor", "Harbor Point Medical", "MA", "Salem", "New_York", "Grace", "Kim"),
          us("peachtree", "Peachtree Catering", "GA", "Atlanta", "New_York", "Jada", "Brooks"),
          us("magnolia", "Magnolia Florists", "GA", "Savannah", "New_York", "Lily", "Tran"),
          us("keystone", "Keystone Auto Parts", "PA", "Pittsburgh", "New_York", "Mark", "Duda"),
          us("bayside", "Bayside Optics", "CA", "Monterey", "Los_Angeles", "Nina", "Patel"),
          us("granite", "Granite Peak Outdoor", "CO", "Aspen", "Denver", "Luke", "Fischer"),
          us("riverbend", "Riverbend Veterinary", "IL", "Naperville", "Chicago", "Ivy", "Cole"),
          eu(
              "mueller",
              "Müller Maschinenbau GmbH",
              "EUR",
              "DE",
              "Bayern",
              "München",
              "de-DE",
              "Europe/Berlin",
              "Jonas",
              "Keller"),
          eu(
              "schneider",
              "Schneider Logistik GmbH",
              "EUR",
              "DE",
              "Hamburg",
              "Hamburg",
              "de-DE",
              "Europe/Berlin",
              "Anna",
              "Schulz"),
          eu(
              "becker",
              "Bäckerei Becker KG",
              "EUR",
              "DE",
              "Berlin",
              "Berlin",
              "de-DE",
              "Europe/Berlin",
              "Lukas",
              "Becker"),
          eu(
              "hoffmann",
              "Hoffmann Elektro GmbH",
              "EUR",
              "DE",
              "Hessen",
              "Frankfurt am Main",
              "de-DE",
              "Europe/Berlin",
              "Sophie",
              "Wagner"),
          eu(
              "gruber",
              "Gruber Holzbau GmbH",
              "EUR",
              "AT",
              "Wien",
              "Wien",
              "de-AT",
              "Europe/Vienna",
              "Florian",
              "Gruber"),
          eu(
              "thornbury",
              "Thornbury Joinery Ltd",
              "GBP",
              "GB",
              "England",
              "Bristol",
              "en-GB",
              "Europe/London",
              "Oliver",
              "Hughes"),
          eu(
              "ashford",
              "Ashford Medical Supplies Ltd",
              "GBP",
              "GB",
              "England",
              "Ashford",
              "en-GB",
              "Europe/London",
              "Emily",
              "Clarke"),
          eu(
              "kestrel",
              "Kestrel Print Ltd",
              "GBP",
              "GB",
              "Scotland",
              "Glasgow",
              "en-GB",
              "Europe/London",
              "Callum",
              "Reid"),
          eu(
              "liffey",
              "Liffey Coffee Roasters Ltd",
              "EUR",
              "IE",
              "Leinster",
              "Dublin",
              "en-IE",
              "Europe/Dublin",
              "Aoife",
              "Byrne"),
          eu(
              "vandijk",
              "Van Dijk Bloemen BV",
              "EUR",
              "NL",
              "Noord-Holland",
              "Amsterdam",
              "en-NL",
              "Europe/Amsterdam",
              "Sanne",
              "de Vries"));

  private static final String[] SECOND_FIRST = {
    "Alex", "Chris", "Jordan", "Taylor", "Morgan", "Casey", "Robin", "Jamie"
  };
  private static final String[] SECOND_LAST = {
    "Miller", "Young", "Ward", "Foster", "Bennett", "Reyes", "Hayes", "Grant"
  };
  private static final String[] DESCRIPTIONS = {
    "Workbenches and shelving",
    "Safety equipment",
    "Office chairs",
    "Power tools",
    "Maintenance contract",
    "Storage systems",
    "Packaging supplies",
    "Installation services"
  };

  private final LocalDate start;
  private final List<Customer> customers;

  private DemoCompany(LocalDate start, List<Customer> customers) {
    this.start = start;
    this.customers = List.copyOf(customers);
  }

  /** The company as it stands on {@code start}, the demo's first day. */
  public static DemoCompany on(LocalDate start, long seed) {
    Random random = new Random(seed);
    List<Customer> out = new ArrayList<>();
    int usNumber = 1001;
    int euNumber = 24001;
    for (int i = 0; i < SEEDS.size(); i++) {
      Seed s = SEEDS.get(i);
      String domain = domain(s.name());
      List<Person> people = new ArrayList<>();
      people.add(
          new Person(
              s.first(),
              s.last(),
              "Accounts Payable",
              mailbox(s.first(), s.last(), domain),
              phone(s.country(), random)));
      if (random.nextInt(3) > 0) {
        String first = SECOND_FIRST[random.nextInt(SECOND_FIRST.length)];
        String last = SECOND_LAST[random.nextInt(SECOND_LAST.length)];
        if (s.first2() != null) {
          first = s.first2();
          last = s.last2();
        }
        people.add(
            new Person(
                first,
                last,
                "Controller",
                mailbox(first, last, domain),
                phone(s.country(), random)));
      }
      boolean us = s.books() == Books.QUICKBOOKS;
      List<Bill> bills = new ArrayList<>();
      int count = 3 + random.nextInt(5);
      for (int n = 0; n < count; n++) {
        String number =
            us ? "INV-" + usNumber++ : (s.country().equals("GB") ? "UK-" : "RE-") + euNumber++;
        bills.add(bill(number, start, us, random));
      }
      out.add(
          new Customer(
              s.key(),
              s.name(),
              taxId(s.country(), i, random),
              s.books(),
              s.currency(),
              s.country(),
              s.state(),
              s.city(),
              Locale.forLanguageTag(s.locale()),
              ZoneId.of(s.zone()),
              "accounts@" + domain,
              phone(s.country(), random),
              List.copyOf(people),
              List.copyOf(bills)));
    }
    return new DemoCompany(start, out);
  }

  /** Spreads due dates over the aging buckets: a third current, the rest 1-30 to 90+ overdue. */
  private static Bill bill(String number, LocalDate start, boolean us, Random random) {
    int roll = random.nextInt(100);
    int dueOffset;
    if (roll < 35) {
      dueOffset = 1 + random.nextInt(30); // current, due within a month
    } else if (roll < 60) {
      dueOffset = -(1 + random.nextInt(30)); // 1-30
    } else if (roll < 75) {
      dueOffset = -(31 + random.nextInt(30)); // 31-60
    } else if (roll < 85) {
      dueOffset = -(61 + random.nextInt(30)); // 61-90
    } else if (roll < 92) {
      dueOffset = -(91 + random.nextInt(60)); // 90+
    } else {
      dueOffset = -(5 + random.nextInt(50)); // paid already
    }
    int termDays = us ? 30 : (random.nextBoolean() ? 14 : 30);
    LocalDate due = start.plusDays(dueOffset);
    BigDecimal amount = BigDecimal.valueOf(25_000 + random.nextInt(1_475_000), 2);
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    if (roll >= 92) {
      paid = amount;
    } else if (dueOffset < 0 && random.nextInt(8) == 0) {
      paid = amount.multiply(new BigDecimal("0.40")).setScale(2, java.math.RoundingMode.HALF_UP);
    }
    return new Bill(
        number,
        due.minusDays(termDays),
        due,
        "Net " + termDays,
        amount,
        paid,
        DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)]);
  }

  /** {@code Müller Maschinenbau GmbH} → {@code muellermaschinenbau.example}. */
  static String domain(String name) {
    String words =
        name.toLowerCase(Locale.ROOT)
            .replace("ü", "ue")
            .replace("ö", "oe")
            .replace("ä", "ae")
            .replace("ß", "ss")
            .replace("&", " and ");
    StringBuilder b = new StringBuilder();
    for (String w : words.split("[^a-z]+")) {
      if (!List.of("", "inc", "llc", "co", "gmbh", "kg", "ltd", "bv").contains(w)) {
        b.append(w);
      }
    }
    return b + ".example";
  }

  private static String mailbox(String first, String last, String domain) {
    String local =
        (first + "." + last)
            .toLowerCase(Locale.ROOT)
            .replace(' ', '-')
            .replace("ü", "ue")
            .replace("ö", "oe")
            .replace("ä", "ae");
    return local + "@" + domain;
  }

  private static String phone(String country, Random random) {
    int n = 1000 + random.nextInt(9000);
    return switch (country) {
      case "US" -> "+1555010" + (n % 10) + String.format("%03d", n % 1000);
      case "DE" -> "+4915550" + n;
      case "AT" -> "+4366450" + n;
      case "GB" -> "+4477009" + n;
      case "IE" -> "+3538555" + n;
      default -> "+3161555" + n;
    };
  }

  private static String taxId(String country, int i, Random random) {
    int digits = 100_000_000 + random.nextInt(899_999_999);
    return switch (country) {
      case "US" -> String.format("%02d-%07d", 10 + i, digits % 10_000_000);
      case "GB" -> "GB" + digits;
      case "AT" -> "ATU" + (digits % 100_000_000);
      case "IE" -> "IE" + (digits % 10_000_000) + "W";
      default -> country + digits;
    };
  }

  private static Seed us(
      String key, String name, String state, String city, String zone, String first, String last) {
    return new Seed(
        key,
        name,
        Books.QUICKBOOKS,
        "USD",
        "US",
        state,
        city,
        "en-US",
        "America/" + zone,
        first,
        last,
        null,
        null);
  }

  private static Seed eu(
      String key,
      String name,
      String currency,
      String country,
      String state,
      String city,
      String locale,
      String zone,
      String first,
      String last) {
    return new Seed(
        key,
        name,
        Books.NETSUITE,
        currency,
        country,
        state,
        city,
        locale,
        zone,
        first,
        last,
        null,
        null);
  }

  public LocalDate start() {
    return start;
  }

  public List<Customer> customers() {
    return customers;
  }

  public List<Customer> customers(Books books) {
    return customers.stream().filter(c -> c.books() == books).toList();
  }

  public Customer customer(String key) {
    return customers.stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo customer " + key));
  }

  public int invoiceCount() {
    return customers.stream().mapToInt(c -> c.invoices().size()).sum();
  }
}
