package io.dunhub.quickbooks;

import com.intuit.ipp.services.QueryResult;
import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.SinkSpec;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.connector.WebhookReceiver;
import io.dunhub.core.model.EntityType;
import io.dunhub.quickbooks.webhook.QuickBooksWebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * QuickBooks Online, on Intuit's Java SDK ({@code ipp-v3-java-devkit}) and OAuth client.
 *
 * <p>Streams: {@code Customer}, {@code Invoice}, {@code Payment} (raw = the entity's QBO JSON;
 * deleted records come through CDC with {@code deleted = true}). Sinks: {@code Customer} (billing
 * email/phone, sparse update), {@code CustomerContact} (a billing contact, written as its
 * customer's primary e-mail and phone: the customer is the payload's {@code CustomerRef}), {@code
 * Payment} (money Dunhub collected), {@code Attachable} (activity notes linked to invoice and
 * customer), {@code Activity} (the hub's activity write-back, as such a note), {@code InvoiceEmail}
 * (QuickBooks sends the invoice), {@code InvoicePrivateNote} (only when {@code
 * privateNote.enabled}).
 */
public final class QuickBooksConnector implements HostConnector {

  public static final String ID = "quickbooks";

  static final List<StreamSpec> STREAMS =
      List.of(
          new StreamSpec("Customer", EntityType.PARTY),
          new StreamSpec("Invoice", EntityType.INVOICE),
          new StreamSpec("Payment", EntityType.PAYMENT));

  static final List<SinkSpec> SINKS =
      List.of(
          new SinkSpec("Customer", EntityType.PARTY, 1),
          new SinkSpec("CustomerContact", EntityType.CONTACT, 1),
          new SinkSpec("Payment", EntityType.PAYMENT, 30),
          new SinkSpec("Attachable", EntityType.ACTIVITY, 30),
          new SinkSpec("Activity", EntityType.ACTIVITY, 30),
          new SinkSpec("InvoiceEmail", EntityType.ACTIVITY, 1),
          new SinkSpec("InvoicePrivateNote", EntityType.ACTIVITY, 1));

  private static final ConfigSpec SPEC = QuickBooksSettings.spec();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public List<ConfigProblem> validate(ConnectionSettings settings) {
    List<ConfigProblem> problems = new java.util.ArrayList<>(SPEC.validate(settings));
    settings
        .get(QuickBooksSettings.REALM_ID)
        .filter(r -> !r.trim().matches("\\d+"))
        .ifPresent(
            r ->
                problems.add(
                    new ConfigProblem(
                        QuickBooksSettings.REALM_ID,
                        "must be the company's numeric realm id (from the OAuth redirect or"
                            + " Settings → Account and settings → Billing & subscription), got '"
                            + r
                            + "'")));
    if (settings.has(QuickBooksSettings.PROXY_HOST)
        != settings.has(QuickBooksSettings.PROXY_PORT)) {
      problems.add(
          new ConfigProblem(QuickBooksSettings.PROXY_PORT, "proxyHost and proxyPort go together"));
    }
    int minor = intOr(settings, QuickBooksSettings.MINOR_VERSION, 75);
    if (minor < 75) {
      problems.add(
          new ConfigProblem(
              QuickBooksSettings.MINOR_VERSION,
              "must be 75 or later (Intuit ignores lower minor versions since August 2025), got "
                  + minor));
    }
    int concurrent = intOr(settings, QuickBooksSettings.MAX_CONCURRENT, 10);
    if (concurrent < 1 || concurrent > 10) {
      problems.add(
          new ConfigProblem(
              QuickBooksSettings.MAX_CONCURRENT,
              "must be 1 to 10 (QuickBooks allows 10 concurrent requests per realm), got "
                  + concurrent));
    }
    int perMinute = intOr(settings, QuickBooksSettings.REQUESTS_PER_MINUTE, 500);
    if (perMinute < 1 || perMinute > 500) {
      problems.add(
          new ConfigProblem(
              QuickBooksSettings.REQUESTS_PER_MINUTE,
              "must be 1 to 500 (QuickBooks allows 500 requests a minute per realm), got "
                  + perMinute));
    }
    return problems;
  }

  private static int intOr(ConnectionSettings s, String key, int fallback) {
    try {
      return s.getInt(key, fallback);
    } catch (NumberFormatException e) {
      return fallback; // the spec already reported it
    }
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(STREAMS, SINKS, 1000, new RateLimit(500, Duration.ofMinutes(1), 10));
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    try (QuickBooksConnection connection = new QuickBooksConnection(context)) {
      QueryResult count =
          connection
              .gateway()
              .call(
                  "check (count invoices)",
                  null,
                  ds -> ds.executeQuery("SELECT COUNT(*) FROM Invoice"));
      return CheckResult.ok(
          "QuickBooks realm "
              + connection.settings().realmId()
              + " answers; it holds "
              + count.getTotalCount()
              + " invoices");
    } catch (ConnectorException e) {
      return CheckResult.of(e);
    }
  }

  @Override
  public Connection open(ConnectionContext context) {
    return new QuickBooksConnection(context);
  }

  /** Intuit's webhooks: {@code intuit-signature} checked with {@code webhookVerifierToken}. */
  @Override
  public Optional<WebhookReceiver> webhooks() {
    return Optional.of(new QuickBooksWebhookReceiver());
  }
}
