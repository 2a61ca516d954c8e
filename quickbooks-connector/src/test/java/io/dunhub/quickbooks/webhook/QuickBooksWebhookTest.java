package io.dunhub.quickbooks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class QuickBooksWebhookTest {

  private static final String VERIFIER = "f3b1c2d4-verifier-token-from-the-intuit-app";
  private final QuickBooksWebhook webhook = new QuickBooksWebhook(Secret.of(VERIFIER));

  @Test
  void acceptsASignedLegacyNotificationAndNamesEveryRealmToSync() throws Exception {
    byte[] body = fixture("legacy-notification.json");

    QuickBooksWebhook.Result result = webhook.receive(body, sign(body));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.realms()).containsExactly("9130357766112", "4620816365178300000");
    assertThat(result.events())
        .containsExactly(
            new WebhookEvent(
                "9130357766112", "Invoice", "130", "Update", Instant.parse("2026-03-01T09:15:42Z")),
            new WebhookEvent(
                "9130357766112", "Payment", "131", "Create", Instant.parse("2026-03-01T17:15:44Z")),
            new WebhookEvent(
                "4620816365178300000",
                "Customer",
                "58",
                "Delete",
                Instant.parse("2026-03-01T09:16:00Z")));
  }

  @Test
  void acceptsASignedCloudEventsArray() throws Exception {
    byte[] body = fixture("cloudevents.json");

    QuickBooksWebhook.Result result = webhook.receive(body, sign(body));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.realms()).containsExactly("9130357766112");
    assertThat(result.events())
        .extracting(WebhookEvent::entity, WebhookEvent::entityId, WebhookEvent::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Invoice", "130", "Update"),
            org.assertj.core.groups.Tuple.tuple("Payment", "131", "Create"));
  }

  @Test
  void aTamperedBodyIsRejectedWith401AndTheBodyIsNotLogged() throws Exception {
    byte[] body = fixture("legacy-notification.json");
    String signature = sign(body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("\"130\"", "\"999\"")
            .getBytes(StandardCharsets.UTF_8);
    Logger logger = (Logger) LoggerFactory.getLogger(QuickBooksWebhook.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      QuickBooksWebhook.Result result = webhook.receive(tampered, signature);

      assertThat(result.status()).isEqualTo(401);
      assertThat(result.realms()).isEmpty();
      assertThat(logs.list).hasSize(1);
      assertThat(logs.list.get(0).getFormattedMessage())
          .contains("bad intuit-signature")
          .doesNotContain("9130357766112")
          .doesNotContain("eventNotifications");
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void aMissingOrMalformedSignatureIsRejected() throws Exception {
    byte[] body = fixture("cloudevents.json");
    assertThat(webhook.receive(body, null).status()).isEqualTo(401);
    assertThat(webhook.receive(body, "not base64 !!").status()).isEqualTo(401);
    assertThat(
            new QuickBooksWebhook(Secret.of("another-apps-token"))
                .receive(body, sign(body))
                .status())
        .isEqualTo(401);
  }

  @Test
  void aSignedBodyOfAnUnknownShapeIs400() throws Exception {
    byte[] body = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
    QuickBooksWebhook.Result result = webhook.receive(body, sign(body));
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.reason()).contains("neither an eventNotifications object");
  }

  private static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(VERIFIER.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = QuickBooksWebhookTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
