package io.dunhub.quickbooks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.WebhookDelivery;
import io.dunhub.core.connector.WebhookVerdict;
import io.dunhub.core.secret.Secret;
import io.dunhub.quickbooks.QuickBooksConnector;
import io.dunhub.quickbooks.QuickBooksSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The connector's webhook SPI: verified per connection, filtered to the connection's realm. */
class QuickBooksWebhookReceiverTest {

  private static final String VERIFIER = "5b0e1c27-verifier-of-the-intuit-app";

  private final io.dunhub.core.connector.WebhookReceiver receiver =
      new QuickBooksConnector().webhooks().orElseThrow();

  @Test
  void aSignedLegacyDeliveryGivesTheChangesOfTheConnectionsRealmOnly() throws Exception {
    byte[] body = fixture("legacy-notification.json");

    WebhookVerdict verdict =
        receiver.receive(delivery(body, sign(body, VERIFIER)), settings("9130357766112"));

    assertThat(verdict)
        .isEqualTo(
            new WebhookVerdict.Accepted(
                java.util.List.of(
                    new WebhookVerdict.Change(
                        "9130357766112",
                        "Invoice",
                        "130",
                        "Update",
                        Instant.parse("2026-03-01T09:15:42Z")),
                    new WebhookVerdict.Change(
                        "9130357766112",
                        "Payment",
                        "131",
                        "Create",
                        Instant.parse("2026-03-01T17:15:44Z")))));
    WebhookVerdict other =
        receiver.receive(delivery(body, sign(body, VERIFIER)), settings("4620816365178300000"));
    assertThat(((WebhookVerdict.Accepted) other).changes())
        .extracting(WebhookVerdict.Change::hostObject, WebhookVerdict.Change::operation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Customer", "Delete"));
  }

  @Test
  void aSignedCloudEventsDeliveryIsReadToo() throws Exception {
    byte[] body = fixture("cloudevents.json");

    WebhookVerdict verdict =
        receiver.receive(delivery(body, sign(body, VERIFIER)), settings("9130357766112"));

    assertThat(((WebhookVerdict.Accepted) verdict).changes())
        .extracting(WebhookVerdict.Change::hostObject, WebhookVerdict.Change::hostId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Invoice", "130"),
            org.assertj.core.groups.Tuple.tuple("Payment", "131"));
  }

  @Test
  void rejectionsAreClassified() throws Exception {
    byte[] body = fixture("cloudevents.json");
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

    assertThat(reason(receiver.receive(delivery(body, null), settings("1"))))
        .isEqualTo(WebhookVerdict.Reason.BAD_SIGNATURE);
    assertThat(reason(receiver.receive(delivery(body, sign(body, "another-app")), settings("1"))))
        .isEqualTo(WebhookVerdict.Reason.BAD_SIGNATURE);
    assertThat(reason(receiver.receive(delivery(garbage, sign(garbage, VERIFIER)), settings("1"))))
        .isEqualTo(WebhookVerdict.Reason.MALFORMED);
    ConnectionSettings noToken =
        new ConnectionSettings(
            "books", QuickBooksConnector.ID, Map.of(QuickBooksSettings.REALM_ID, "1"), Map.of());
    WebhookVerdict unconfigured = receiver.receive(delivery(body, sign(body, VERIFIER)), noToken);
    assertThat(reason(unconfigured)).isEqualTo(WebhookVerdict.Reason.NOT_CONFIGURED);
    assertThat(((WebhookVerdict.Rejected) unconfigured).message())
        .contains("books")
        .contains("webhookVerifierToken");
  }

  private static WebhookVerdict.Reason reason(WebhookVerdict v) {
    return ((WebhookVerdict.Rejected) v).reason();
  }

  private static ConnectionSettings settings(String realm) {
    return new ConnectionSettings(
        "books",
        QuickBooksConnector.ID,
        Map.of(QuickBooksSettings.REALM_ID, realm),
        Map.of(QuickBooksSettings.WEBHOOK_VERIFIER, Secret.of(VERIFIER)));
  }

  private static WebhookDelivery delivery(byte[] body, String signature) {
    return new WebhookDelivery(
        signature == null
            ? Map.of("Content-Type", "application/json")
            : Map.of("Content-Type", "application/json", "Intuit-Signature", signature),
        body);
  }

  static String sign(byte[] body, String key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = QuickBooksWebhookReceiverTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
