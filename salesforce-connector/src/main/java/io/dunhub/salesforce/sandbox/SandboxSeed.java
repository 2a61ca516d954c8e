package io.dunhub.salesforce.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills a sandbox org with a realistic, reproducible book of receivables: accounts with owners,
 * billing contacts, and invoices (some paid, some overdue) with payments, written to the org's
 * invoice object ({@code blng__Invoice__c} when the Billing package is installed, else {@code
 * Dunhub_Invoice__c} once Dunhub is installed). Seeding bypasses the API and is not counted.
 */
public final class SandboxSeed {
  private static final List<String> NAMES =
      List.of(
          "Acme",
          "Globex",
          "Initech",
          "Umbrella",
          "Stark",
          "Wayne",
          "Wonka",
          "Hooli",
          "Vandelay",
          "Soylent",
          "Tyrell",
          "Cyberdyne",
          "Oscorp",
          "Aperture",
          "Gringotts",
          "Monarch");
  private static final List<String> SUFFIXES =
      List.of("Industries", "Corp", "Ltd", "GmbH", "Logistics", "Foods", "Systems", "Labs");
  private static final List<String> FIRST =
      List.of("Ana", "Ben", "Chloé", "Dev", "Eva", "Femi", "Greta", "Hiro", "Ines", "Jon");
  private static final List<String> LAST =
      List.of("Okafor", "Schmidt", "Dubois", "Tanaka", "García", "Novak", "Smith", "Rossi");

  private final Random random;
  private int accounts = 20;
  private int contactsPerAccount = 2;
  private int invoicesPerAccount = 5;
  private LocalDate today = LocalDate.of(2026, 11, 23);

  private SandboxSeed(long seed) {
    this.random = new Random(seed);
  }

  /** A seed with a fixed random sequence: the same numbers give the same org. */
  public static SandboxSeed realistic(long seed) {
    return new SandboxSeed(seed);
  }

  public SandboxSeed accounts(int n) {
    this.accounts = n;
    return this;
  }

  public SandboxSeed contactsPerAccount(int n) {
    this.contactsPerAccount = n;
    return this;
  }

  public SandboxSeed invoicesPerAccount(int n) {
    this.invoicesPerAccount = n;
    return this;
  }

  /** The day invoices are aged against. */
  public SandboxSeed today(LocalDate today) {
    this.today = today;
    return this;
  }

  /** What the seed created. */
  public record Result(List<String> accountIds, int contacts, int invoices, String invoiceObject) {}

  public Result apply(SandboxOrg org) {
    String[] owners = {
      org.defaultUserId(),
      org.userId("maria.lopez@dunhub-demo.example")
          .orElseGet(() -> org.addUser("maria.lopez@dunhub-demo.example", "Maria Lopez")),
      org.userId("tom.becker@dunhub-demo.example")
          .orElseGet(() -> org.addUser("tom.becker@dunhub-demo.example", "Tom Becker"))
    };
    String invoiceObject =
        org.object("blng__Invoice__c").isPresent()
            ? "blng__Invoice__c"
            : org.object("Dunhub_Invoice__c").isPresent() ? "Dunhub_Invoice__c" : null;
    List<String> accountIds = new java.util.ArrayList<>();
    int contacts = 0;
    int invoices = 0;
    for (int a = 0; a < accounts; a++) {
      String name = pick(NAMES) + " " + pick(SUFFIXES) + (a >= NAMES.size() ? " " + (a + 1) : "");
      Map<String, String> account = new LinkedHashMap<>();
      account.put("Name", name);
      account.put("AccountNumber", String.format("C-%06d", a + 1));
      account.put("Type", "Customer - Direct");
      account.put("Phone", "+1 415 555 " + String.format("%04d", random.nextInt(10_000)));
      account.put("BillingCity", pick(List.of("San Francisco", "Berlin", "Lyon", "Osaka")));
      account.put("BillingCountry", pick(List.of("US", "DE", "FR", "JP")));
      String accountId = org.insert("Account", account, owners[a % owners.length]);
      accountIds.add(accountId);
      String firstContact = null;
      for (int c = 0; c < contactsPerAccount; c++) {
        Map<String, String> contact = new LinkedHashMap<>();
        String first = pick(FIRST);
        String last = pick(LAST);
        contact.put("AccountId", accountId);
        contact.put("FirstName", first);
        contact.put("LastName", last);
        contact.put("Title", c == 0 ? "Accounts Payable" : "Controller");
        contact.put(
            "Email",
            (first + "." + last)
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace("é", "e")
                    .replace("í", "i")
                + "@"
                + name.split(" ")[0].toLowerCase(java.util.Locale.ROOT)
                + ".example");
        contact.put("Phone", "+1 415 555 " + String.format("%04d", random.nextInt(10_000)));
        String id = org.insert("Contact", contact, owners[a % owners.length]);
        if (firstContact == null) {
          firstContact = id;
        }
        contacts++;
      }
      if (invoiceObject == null) {
        continue;
      }
      for (int i = 0; i < invoicesPerAccount; i++) {
        org.insert(invoiceObject, invoice(invoiceObject, a, i, accountId, firstContact), null);
        invoices++;
      }
    }
    return new Result(List.copyOf(accountIds), contacts, invoices, invoiceObject);
  }

  private Map<String, String> invoice(
      String object, int account, int n, String accountId, String contactId) {
    LocalDate issued = today.minusDays(random.nextInt(120));
    LocalDate due = issued.plusDays(30);
    BigDecimal total =
        BigDecimal.valueOf(200 + random.nextInt(20_000)).setScale(2, RoundingMode.UNNECESSARY);
    boolean paid = due.isBefore(today) ? random.nextInt(3) == 0 : random.nextInt(5) == 0;
    BigDecimal balance = paid ? BigDecimal.ZERO.setScale(2) : total;
    String number = String.format("INV-%05d-%02d", account + 1, n + 1);
    Map<String, String> r = new LinkedHashMap<>();
    if (object.equals("blng__Invoice__c")) {
      r.put("Name", number);
      r.put("blng__Account__c", accountId);
      if (contactId != null) {
        r.put("blng__BillToContact__c", contactId);
      }
      r.put("blng__InvoiceDate__c", issued.toString());
      r.put("blng__DueDate__c", due.toString());
      r.put("blng__TotalAmount__c", total.toPlainString());
      r.put("blng__Balance__c", balance.toPlainString());
      r.put("blng__InvoiceStatus__c", "Posted");
      r.put("blng__PaymentStatus__c", paid ? "Paid" : "Unpaid");
      r.put("CurrencyIsoCode", "USD");
    } else {
      r.put("Name", number);
      r.put("Dunhub_Key__c", "seed:" + number);
      r.put("Account__c", accountId);
      r.put("Invoice_Number__c", number);
      r.put("Issue_Date__c", issued.toString());
      r.put("Due_Date__c", due.toString());
      r.put("Total__c", total.toPlainString());
      r.put("Balance__c", balance.toPlainString());
      r.put("Currency__c", "USD");
      r.put("Status__c", paid ? "Paid" : "Open");
    }
    return r;
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }

  static long epochDay(LocalDate d) {
    return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }
}
