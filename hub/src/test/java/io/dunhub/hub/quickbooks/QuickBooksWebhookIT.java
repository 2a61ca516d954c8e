package io.dunhub.hub.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dunhub.core.testing.LogCapture;
import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.webhook.WebhookSyncs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /webhooks/quickbooks} on a running hub: a signed delivery, in either of Intuit's
 * payload shapes, answers 200 at once and brings the change into the store through one incremental
 * (CDC) sync; a badly signed one gets 401 and is logged without its body.
 */
class QuickBooksWebhookIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;
  private QuickBooksHubFixture qbo;
  private Hub hub;
  private String customer;
  private String invoice;

  @BeforeEach
  void startHubAndLoad() throws Exception {
    Clock clock = Clock.systemUTC();
    qbo = new QuickBooksHubFixture(clock);
    Instant yesterday = clock.instant().minus(Duration.ofDays(1));
    customer = qbo.customer("Northwind Traders", "ap@northwind.example", yesterday);
    invoice =
        qbo.invoice(
            customer, "INV-2001", "480.00", LocalDate.now(ZoneOffset.UTC).minusDays(5), yesterday);
    hub = qbo.start(qbo.config(dir, ""), s -> !s.name().equals("scheduler"));
    assertThat(hub.get(SyncEngine.class).syncConnection(QuickBooksHubFixture.CONNECTION).ok())
        .isTrue();
  }

  @AfterEach
  void stop() {
    qbo.close();
  }

  @Test
  void aSignedLegacyNotificationSyncsTheEditedInvoiceWithOneCdcCall() throws Exception {
    qbo.realm.edit(
        "Invoice",
        invoice,
        JsonNodeFactory.instance.objectNode().put("DueDate", "2026-12-31"),
        Instant.now());
    qbo.sandbox.resetCounts();
    String body =
        """
        {"eventNotifications":[{"realmId":"%s","dataChangeEvent":{"entities":[
          {"name":"Invoice","id":"%s","operation":"Update","lastUpdated":"%s"}]}}]}
        """
            .formatted(QuickBooksHubFixture.REALM, invoice, Instant.now());

    long started = System.nanoTime();
    HttpResponse<String> reply = post(body, sign(body, QuickBooksHubFixture.VERIFIER));
    long replyMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(replyMs).as("Intuit wants the 200 within 3 s").isLessThan(3_000);
    await(() -> qbo.stored("invoices", "INVOICE", invoice, "due_date"), "2026-12-31");
    assertThat(qbo.sandbox.callCounts())
        .as("one incremental sync: one CDC call, no query")
        .containsEntry("cdc", 1L)
        .doesNotContainKeys("query:Invoice", "batch");
  }

  @Test
  void aSignedCloudEventsArraySyncsTheCustomersNewEmail() throws Exception {
    qbo.realm.edit(
        "Customer",
        customer,
        JsonNodeFactory.instance
            .objectNode()
            .set(
                "PrimaryEmailAddr",
                JsonNodeFactory.instance.objectNode().put("Address", "billing@northwind.example")),
        Instant.now());
    String body =
        """
        [{"specversion":"1.0","id":"c0ffee00-1","source":"intuit.dunhub-test",
          "type":"qbo.customer.updated.v1","datacontenttype":"application/json",
          "time":"%s","intuitentityid":"%s","intuitaccountid":"%s","data":{}}]
        """
            .formatted(Instant.now(), customer, QuickBooksHubFixture.REALM);

    HttpResponse<String> reply = post(body, sign(body, QuickBooksHubFixture.VERIFIER));

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    await(
        () ->
            qbo.stored("parties", "PARTY", customer, "data")
                .map(d -> d.contains("billing@northwind.example") ? "new email" : d),
        "new email");
  }

  @Test
  void aBadSignatureIs401AndTheBodyNeverReachesTheLog() throws Exception {
    String secretish = "Confidential-Customer-Name-4711";
    String body =
        """
        {"eventNotifications":[{"realmId":"%s","dataChangeEvent":{"entities":[
          {"name":"Invoice","id":"%s","operation":"Update","note":"%s"}]}}]}
        """
            .formatted(QuickBooksHubFixture.REALM, invoice, secretish);
    int before = hub.get(WebhookSyncs.class).completed();
    qbo.sandbox.resetCounts();

    HttpResponse<String> forged;
    HttpResponse<String> unsigned;
    String logged;
    try (LogCapture logs = LogCapture.of("io.dunhub")) {
      forged = post(body, sign(body, "not-the-apps-verifier"));
      unsigned = post(body, null);
      logged = logs.text();
    }

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(logged)
        .contains("rejected a quickbooks webhook")
        .contains("intuit-signature does not match the body")
        .contains("no intuit-signature header")
        .doesNotContain(secretish)
        .doesNotContain("eventNotifications");
    assertThat(forged.body()).doesNotContain(secretish);
    Thread.sleep(500);
    assertThat(hub.get(WebhookSyncs.class).completed()).as("no sync ran").isEqualTo(before);
    assertThat(qbo.sandbox.apiCalls()).isZero();
  }

  @Test
  void anUnknownConnectorIs404() throws Exception {
    HttpResponse<String> reply =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port() + "/webhooks/no-such-host"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(404);
  }

  private int port() {
    return hub.get(HttpServer.class).port();
  }

  private HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/webhooks/quickbooks"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("intuit-signature", signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sign(String body, String key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void await(Supplier<Optional<String>> value, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Optional<String> last = Optional.empty();
    while (System.nanoTime() < deadline) {
      last = value.get();
      if (last.isPresent() && last.get().startsWith(expected)) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(last).as("the store after the webhook").contains(expected);
  }
}
