package io.dunhub.hub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.cli.CliRunner;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.HubLauncher;
import io.dunhub.quickbooks.sandbox.QboSandbox;
import io.dunhub.quickbooks.sandbox.SandboxRealm;
import io.dunhub.salesforce.sandbox.SalesforceSandbox;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub with a Salesforce org (the CRM: accounts and contacts, which own contact details) and a
 * QuickBooks company (the books: customers, invoices and payments), both sandboxes, configured as a
 * user writes it: {@code salesforce install} sets the org up; a sync links the account to the
 * customer by tax id; dunning sends the overdue notice to the Salesforce contact and writes it back
 * as a {@code Dunning_Notice__c} and a completed {@code Task} (account and contact set), escalates
 * with an open {@code Task} for the account owner. A billing contact's e-mail edited in the org
 * reaches the QuickBooks customer (its {@code PrimaryEmailAddr}) on the next sync, and comes back
 * from QuickBooks without bouncing.
 */
class SalesforceQuickBooksEndToEndIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String SF_APP = "3MVG9endToEnd";
  private static final String SF_USER = "integration@northwind-e2e.example";
  private static final String REALM = "9130357766119";
  private static final String QBO_CLIENT = "ABendToEndClient";
  private static final String QBO_SECRET = "end-to-end-client-secret";
  private static final String TAX_ID = "US-94-1234567";

  private final CliRunner cli = new CliRunner(Map.of());
  private SalesforceSandbox salesforce;
  private QboSandbox quickbooks;
  private SandboxRealm books;
  private Path config;
  private String accountId;
  private String ownerId;
  private String contactId;
  private String customerId;
  private LocalDate today;

  @BeforeEach
  void startHosts(@TempDir Path dir) throws Exception {
    today = LocalDate.now(ZoneOffset.UTC);
    salesforce = SalesforceSandbox.start(Clock.systemUTC());
    Path key = dir.resolve("salesforce.key");
    Files.writeString(key, salesforce.registerJwtApp(SF_APP, SF_USER));
    quickbooks = new QboSandbox(Clock.systemUTC(), QBO_CLIENT, QBO_SECRET).start();
    books = quickbooks.createRealm(REALM);

    // the org: an account owned by a sales rep, its accounts-payable contact
    ownerId = salesforce.org().addUser("rita.rep@northwind-e2e.example", "Rita Rep");
    accountId =
        salesforce
            .org()
            .insert(
                "Account",
                Map.of(
                    "Name", "Acme Tools Inc", "AccountNumber", TAX_ID, "Phone", "+1 415 555 0101"),
                ownerId);
    contactId =
        salesforce
            .org()
            .insert(
                "Contact",
                Map.of(
                    "AccountId", accountId,
                    "FirstName", "Ana",
                    "LastName", "Alvarez",
                    "Title", "Accounts Payable",
                    "Email", "ana@acme-tools.example"),
                ownerId);

    // the books: the same customer (same tax id) with an invoice 20 days overdue
    ObjectNode customer = JsonNodeFactory.instance.objectNode();
    customer.put("DisplayName", "Acme Tools Inc");
    customer.put("PrimaryTaxIdentifier", TAX_ID);
    customer.putObject("PrimaryEmailAddr").put("Address", "ana@acme-tools.example");
    customerId =
        books.create("Customer", customer, Instant.now().minusSeconds(86_400)).get("Id").asText();
    ObjectNode invoice = JsonNodeFactory.instance.objectNode();
    invoice.put("DocNumber", "INV-1001");
    invoice.putObject("CustomerRef").put("value", customerId);
    invoice.put("TxnDate", today.minusDays(50).toString());
    invoice.put("DueDate", today.minusDays(20).toString());
    ObjectNode line = invoice.putArray("Line").addObject();
    line.put("Amount", new BigDecimal("1250.00"));
    line.put("DetailType", "SalesItemLineDetail");
    line.putObject("SalesItemLineDetail")
        .putObject("ItemRef")
        .put("value", "1")
        .put("name", "Services");
    books.create("Invoice", invoice, Instant.now().minusSeconds(86_400));

    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(
        policies.resolve("standard.yaml"),
        """
        policy: standard
        default: true
        days: calendar
        guards:
          window: "00:00-23:59"
          business_days_only: false
          max_contacts_per_7_days: 3
        steps:
          - at: due+3d
            action: notice
            channels: [email]
            template: overdue-reminder
            tone: 2
          - at: due+10d
            action: task
            assignee: owner
        """);
    config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: development
        http:
          port: 0
        policies: policies
        connections:
          - name: crm
            type: salesforce
            settings:
              login_url: %s
              client_id: %s
              username: %s
              private_key_file: %s
            sync:
              schedule: every 5m
          - name: books
            type: quickbooks
            settings:
              realmId: "%s"
              clientId: %s
              clientSecret: %s
              baseUrl: http://quickbooks.sandbox.invalid/v3/company
              proxyHost: %s
              proxyPort: %d
              tokenUrl: %s
            sync:
              schedule: every 5m
        ownership:
          rules:
            - entity: invoice
              owner: books
              fields: "*"
            - entity: payment
              owner: books
              fields: "*"
            - entity: contact
              owner: crm
              fields: [email, phone]
          matchKeys:
            party: [taxId, email]
            contact: [email]
            invoice: [number]
        channels:
          email:
            host: 127.0.0.1
            port: %d
            security: none
            from: ar@northwind.example
        """
            .formatted(
                salesforce.loginUrl(),
                SF_APP,
                SF_USER,
                key,
                REALM,
                QBO_CLIENT,
                QBO_SECRET,
                quickbooks.host(),
                quickbooks.port(),
                quickbooks.tokenUrl(),
                MAIL.getSmtp().getPort()));
    authorizeQuickBooks();
  }

  /** What Dunhub's "Connect QuickBooks" flow leaves behind: the company's first token, stored. */
  private void authorizeQuickBooks() {
    QboSandbox.Tokens issued = quickbooks.connect(REALM);
    try (Hub hub =
        new HubLauncher(EnvLookup.of(Map.of()), Clock.systemUTC()).open(config, "e2e-setup")) {
      hub.startStore();
      hub.get(TokenStore.class)
          .compareAndSet(
              "books",
              0,
              new OAuthToken(
                  Secret.of(issued.accessToken()),
                  Secret.of(issued.refreshToken()),
                  Instant.now().plus(Duration.ofHours(1))));
    }
  }

  @AfterEach
  void stopHosts() {
    salesforce.close();
    quickbooks.close();
  }

  @Test
  void noticesAndEscalationLandOnTheAccountInTheOrg() throws Exception {
    CliRunner.Result install = run("salesforce", "install", "--connection", "crm");
    assertThat(install.exitCode()).as(install.all()).isZero();

    CliRunner.Result dunning =
        run(
            "dunning",
            "simulate",
            "--from",
            today.toString(),
            "--to",
            today.plusDays(1).toString(),
            "--tick",
            "PT6H");
    CliRunner.Result dead = run("outbox", "dead");
    assertThat(dunning.out()).as(dunning.all()).contains("NOTICE_SENT").contains("ESCALATED");
    // QuickBooks has no 'Activity' write-back sink yet: its rows are dead letters (see the report)
    assertThat(dead.out())
        .as("every write-back into the org went through: " + dunning.all() + dead.all())
        .doesNotContain("WRITE_BACK  crm");

    // the notice went to the Salesforce contact
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(MAIL.getReceivedMessages()[0].getAllRecipients()[0].toString())
        .contains("ana@acme-tools.example");

    // ... and is on the account in the org
    List<Map<String, String>> notices = salesforce.org().records("Dunning_Notice__c");
    assertThat(notices)
        .as(dunning.all())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .containsEntry("Account__c", accountId)
                    .containsEntry("Contact__c", contactId)
                    .containsEntry("Channel__c", "Email")
                    .containsEntry("Status__c", "Sent"));
    List<Map<String, String>> tasks = salesforce.org().records("Task");
    assertThat(tasks)
        .filteredOn(t -> "Completed".equals(t.get("Status")))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .containsEntry("WhatId", accountId)
                    .containsEntry("WhoId", contactId)
                    .containsEntry("TaskSubtype", "Email"));
    // the escalation: an open task for the account owner
    assertThat(tasks)
        .filteredOn(t -> "Not Started".equals(t.get("Status")))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .containsEntry("WhatId", accountId)
                    .containsEntry("OwnerId", ownerId)
                    .containsEntry("Priority", "High"));
    assertThat(salesforce.org().get("Account", accountId).orElseThrow())
        .containsEntry("Dunning_Status__c", "Escalated");
  }

  @Test
  void aContactEmailEditedInTheOrgReachesTheQuickBooksCustomer() {
    CliRunner.Result first = run("sync", "--once");
    assertThat(first.exitCode()).as(first.all()).isZero();

    salesforce
        .org()
        .update("Contact", contactId, Map.of("Email", "payables@acme-tools.example"), List.of());
    CliRunner.Result sync = run("sync", "--once");

    assertThat(sync.exitCode()).as(sync.all()).isZero();
    ObjectNode customer = books.get("Customer", customerId).orElseThrow();
    assertThat(customer.path("PrimaryEmailAddr").path("Address").asText())
        .as(sync.all())
        .isEqualTo("payables@acme-tools.example");
    // a sparse update: the rest of the customer is as it was
    assertThat(customer.path("DisplayName").asText()).isEqualTo("Acme Tools Inc");
    assertThat(customer.path("PrimaryTaxIdentifier").asText()).isEqualTo(TAX_ID);
    assertThat(line(sync, "books")).as(sync.all()).contains("written 1").contains("parked 0");

    // the next sync reads the changed customer back from QuickBooks' change feed: that is the
    // hub's own write coming back, so nothing bounces to either side and nothing conflicts
    String syncToken = customer.path("SyncToken").asText();
    CliRunner.Result again = run("sync", "--once");

    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(line(again, "books")).as(again.all()).contains("written 0").contains("conflicts 0");
    assertThat(line(again, "crm")).as(again.all()).contains("written 0").contains("conflicts 0");
    assertThat(books.get("Customer", customerId).orElseThrow().path("SyncToken").asText())
        .as("QuickBooks was not written again")
        .isEqualTo(syncToken);
    assertThat(salesforce.org().get("Contact", contactId).orElseThrow())
        .containsEntry("Email", "payables@acme-tools.example");
  }

  @Test
  void onlyBillingContactsOfKnownCustomersAreWrittenToQuickBooks() {
    CliRunner.Result first = run("sync", "--once");
    assertThat(first.exitCode()).as(first.all()).isZero();

    // a sales contact at the same account: QuickBooks keeps one billing contact, not this one
    salesforce
        .org()
        .insert(
            "Contact",
            Map.of(
                "AccountId", accountId,
                "FirstName", "Sam",
                "LastName", "Seller",
                "Title", "Purchasing Manager",
                "Email", "sam@acme-tools.example"),
            ownerId);
    // and an account the books do not know: its payables contact is not meant for QuickBooks
    String prospect = salesforce.org().insert("Account", Map.of("Name", "Prospect Ltd"), ownerId);
    salesforce
        .org()
        .insert(
            "Contact",
            Map.of(
                "AccountId", prospect,
                "LastName", "Payer",
                "Title", "Accounts Payable",
                "Email", "ap@prospect.example"),
            ownerId);
    CliRunner.Result sync = run("sync", "--once");

    assertThat(sync.exitCode()).as(sync.all()).isZero();
    assertThat(
            books
                .get("Customer", customerId)
                .orElseThrow()
                .path("PrimaryEmailAddr")
                .path("Address")
                .asText())
        .as(sync.all())
        .isEqualTo("ana@acme-tools.example");
    assertThat(line(sync, "books"))
        .as("nothing written, nothing parked: " + sync.all())
        .contains("written 0")
        .contains("parked 0");
    assertThat(books.count("Customer")).as("the hub never creates customers").isEqualTo(1);
  }

  @Test
  void aSecondBillingContactOfTheAccountIsWrittenToTheSameCustomer() {
    CliRunner.Result first = run("sync", "--once");
    assertThat(first.exitCode()).as(first.all()).isZero();

    // QuickBooks keeps one billing e-mail: the contact written last is the one it holds
    salesforce
        .org()
        .insert(
            "Contact",
            Map.of(
                "AccountId", accountId,
                "FirstName", "Bo",
                "LastName", "Biller",
                "Title", "Billing Contact",
                "Email", "billing@acme-tools.example"),
            ownerId);
    CliRunner.Result sync = run("sync", "--once");

    assertThat(sync.exitCode()).as(sync.all()).isZero();
    assertThat(line(sync, "books")).as(sync.all()).contains("written 1").contains("parked 0");
    assertThat(
            books
                .get("Customer", customerId)
                .orElseThrow()
                .path("PrimaryEmailAddr")
                .path("Address")
                .asText())
        .isEqualTo("billing@acme-tools.example");
  }

  /** The report line of one connection in a {@code sync --once} output. */
  private static String line(CliRunner.Result result, String connection) {
    return result
        .out()
        .lines()
        .filter(l -> l.startsWith(connection + "/"))
        .reduce((a, b) -> b)
        .orElse("(no line for " + connection + ")");
  }

  private CliRunner.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-c";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.run(all);
  }
}
