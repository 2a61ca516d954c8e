package io.dunhub.hub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Writes the demo's data directory: a {@code dunhub.yml} that points the hub's three connections at
 * the sandboxes, its channels at GreenMail and the SMS stub and its store at an embedded database
 * in {@code data/}; the demo company's mapping folder; and the Salesforce connected app's key. It
 * is an ordinary config: {@code dunhub --config <dir>/dunhub.yml config validate} checks it.
 */
final class DemoConfig {

  static final String CRM = "crm";
  static final String BOOKS_US = "books-us";
  static final String BOOKS_EU = "books-eu";
  static final String CARDS = "cards";

  /** The demo's own mapping files, copied into {@code <dir>/mappings}. */
  private static final List<String> MAPPINGS =
      List.of(
          "salesforce/Account.yaml",
          "salesforce/Dunhub_Payment__c.yaml",
          "netsuite/customer.yaml",
          "netsuite/invoice.yaml",
          "netsuite/customerPayment.yaml");

  /**
   * The hub drives sync, sweep and relay itself on the demo clock; the scheduler keeps its
   * recurring tasks but on a schedule that does not fire during a demo (once a year).
   */
  static final String IDLE_SCHEDULE = "cron 0 0 4 1 1 *";

  private DemoConfig() {}

  /** Writes the files; returns the config file. */
  static Path write(Path dir, DemoHosts hosts, DemoUsers users, int httpPort, String publicHost) {
    try {
      Files.createDirectories(dir);
      Path key = dir.resolve("salesforce-connected-app.key");
      Files.writeString(key, hosts.salesforceKey());
      restrict(key);
      for (String m : MAPPINGS) {
        Path target = dir.resolve("mappings").resolve(m);
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoConfig.class.getResourceAsStream("/demo/mappings/" + m)) {
          if (in == null) {
            throw new IllegalStateException("demo mapping " + m + " is missing from the jar");
          }
          Files.write(target, in.readAllBytes());
        }
      }
      Path config = dir.resolve("dunhub.yml");
      Files.writeString(
          config, yaml(hosts, key.toAbsolutePath(), httpPort, publicHost) + "\n" + users.yaml());
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo directory " + dir, e);
    }
  }

  private static void restrict(Path key) {
    try {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the file keeps its default permissions
    }
  }

  static String yaml(DemoHosts hosts, Path salesforceKey, int httpPort, String publicHost) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return """
        # Written by `dunhub demo`: the demo company Northwind Supply, its three systems running as
        # local sandboxes, GreenMail as the mail server and a stub SMS provider. An ordinary config:
        #   dunhub --config %1$s config validate
        # Secrets are written inline, which only development mode allows. The console's demo users
        # and the admin API token are at the end.
        mode: development

        http:
          host: %2$s
          port: %3$d

        # How Northwind's notices look and who they come from.
        brand:
          name: Northwind Supply
          replyTo: ar@northwind-supply.example
          footer: "Northwind Supply · 1200 Harbor Way, Seattle WA · accounts receivable"

        store:
          embedded:
            dataDir: data

        secretKey: %4$s

        # Northwind's own mapping files (beside this file) extend the shipped defaults.
        mappings: mappings

        connections:
          # Salesforce: the CRM. Accounts are the customers, Contacts the people dunning writes to.
          - name: %5$s
            type: salesforce
            settings:
              login_url: %6$s
              auth: jwt
              client_id: %7$s
              username: %8$s
              private_key_file: %9$s
            sync:
              schedule: %10$s
              streams: [Account, Contact]
          # QuickBooks Online: the US books (USD).
          - name: %11$s
            type: quickbooks
            settings:
              realmId: "%12$s"
              clientId: %13$s
              clientSecret: %14$s
              baseUrl: http://quickbooks.sandbox.invalid/v3/company
              tokenUrl: %15$s
              proxyHost: localhost
              proxyPort: %16$d
            sync:
              schedule: %10$s
              streams: [Customer, Invoice, Payment]
          # NetSuite: the European subsidiaries' books (EUR, GBP).
          - name: %17$s
            type: netsuite
            settings:
              account: %18$s
              baseUrl: %19$s
              auth: tba
              consumerKey: %20$s
              consumerSecret: %21$s
              tokenId: %22$s
              tokenSecret: %23$s
              timeZone: UTC
            sync:
              schedule: %10$s
              streams: [customer, invoice, customerPayment]
          # The card payment page behind the "pay now" link in every reminder (Dunhub's in-memory
          # connector plays the payment processor): it knows the customers and their open invoices.
          - name: %28$s
            type: memory
            settings:
              host: %29$s
            sync:
              schedule: %10$s
              streams: [Party, Invoice, Payment]

        # The CRM owns who a customer is (name, phone, country, language, time zone, segment) and
        # its people; the books own invoices and payments. A customer is the same record in the
        # CRM and its books when their tax ids match.
        ownership:
          rules:
            - entity: party
              owner: %5$s
              fields: [name, phone, country, locale, timeZone, segment]
            - entity: contact
              owner: %5$s
              fields: "*"
          matchKeys:
            party: [taxId]
            contact: [email]
            invoice: [number]

        channels:
          email:
            host: 127.0.0.1
            port: %24$d
            security: none
            from: ar@northwind-supply.example
          sms:
            baseUrl: %25$s
            account: %26$s
            token: %27$s
            from: "+15550100"

        # `dunhub demo` runs sync, the dunning sweep and the outbox relay itself on its accelerated
        # clock; run this file with `dunhub run` and they follow these schedules instead.
        schedules:
          zone: UTC
          dunning: %10$s
          outbox: %10$s
        """
        .formatted(
            "dunhub.yml",
            publicHost,
            httpPort,
            Base64.getEncoder().encodeToString(secret),
            CRM,
            hosts.salesforce().loginUrl(),
            DemoHosts.SF_CLIENT_ID,
            DemoHosts.SF_USERNAME,
            salesforceKey,
            IDLE_SCHEDULE,
            BOOKS_US,
            DemoHosts.QBO_REALM,
            DemoHosts.QBO_CLIENT_ID,
            DemoHosts.QBO_CLIENT_SECRET,
            hosts.quickbooks().tokenUrl(),
            hosts.quickbooks().port(),
            BOOKS_EU,
            DemoHosts.NS_ACCOUNT,
            hosts.netsuite().baseUrl(),
            DemoHosts.NS_CONSUMER_KEY,
            DemoHosts.NS_CONSUMER_SECRET,
            DemoHosts.NS_TOKEN_ID,
            DemoHosts.NS_TOKEN_SECRET,
            hosts.smtpPort(),
            hosts.smsBaseUrl(),
            DemoHosts.SMS_ACCOUNT,
            DemoHosts.SMS_TOKEN,
            CARDS,
            hosts.cards().name());
  }
}
