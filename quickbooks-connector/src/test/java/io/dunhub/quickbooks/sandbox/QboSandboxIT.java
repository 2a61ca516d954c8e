package io.dunhub.quickbooks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.testing.ManualClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's wire behaviour, spoken to with plain HTTP (no SDK), in QBO's reply shapes. */
class QboSandboxIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T00:00:00Z"));
  private final OkHttpClient http = new OkHttpClient();
  private QboSandbox sandbox;
  private SandboxRealm realm;
  private String token;

  @BeforeEach
  void start() {
    sandbox = new QboSandbox(clock, "app", "app-secret").start();
    realm = sandbox.createRealm("123", new SandboxSeeder.Spec(11, 40, 200, 80));
    token = sandbox.connect("123").accessToken();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void seedsARealisticDeterministicCompany() {
    assertThat(realm.count("Customer")).isEqualTo(40);
    assertThat(realm.count("Invoice")).isEqualTo(200);
    assertThat(realm.count("Payment")).isEqualTo(80);
    Set<String> currencies = new HashSet<>();
    int overdue = 0;
    int partlyPaid = 0;
    for (JsonNode inv : realm.all("Invoice")) {
      currencies.add(inv.path("CurrencyRef").path("value").asText());
      BigDecimal balance = inv.get("Balance").decimalValue();
      BigDecimal total = inv.get("TotalAmt").decimalValue();
      if (balance.signum() > 0
          && LocalDate.parse(inv.get("DueDate").asText()).isBefore(LocalDate.parse("2026-03-01"))) {
        overdue++;
      }
      if (balance.signum() > 0 && balance.compareTo(total) < 0) {
        partlyPaid++;
      }
    }
    assertThat(currencies).hasSizeGreaterThanOrEqualTo(3);
    assertThat(overdue).isGreaterThan(20);
    assertThat(partlyPaid).isGreaterThan(5);

    try (QboSandbox again = new QboSandbox(clock, "a", "b").start()) {
      SandboxRealm twin = again.createRealm("123", new SandboxSeeder.Spec(11, 40, 200, 80));
      assertThat(twin.all("Invoice")).isEqualTo(realm.all("Invoice"));
    }
  }

  @Test
  void queryRepliesInQboShapeAndCountsCalls() throws IOException {
    JsonNode reply =
        get("query", "query", "SELECT * FROM Invoice ORDERBY Id STARTPOSITION 1 MAXRESULTS 5");
    JsonNode qr = reply.get("QueryResponse");
    assertThat(qr.get("Invoice")).hasSize(5);
    assertThat(qr.get("startPosition").asInt()).isEqualTo(1);
    assertThat(qr.get("maxResults").asInt()).isEqualTo(5);
    assertThat(reply.has("time")).isTrue();
    JsonNode inv = qr.get("Invoice").get(0);
    assertThat(inv.path("CustomerRef").path("value").asText()).isNotEmpty();
    assertThat(inv.path("MetaData").path("LastUpdatedTime").asText()).endsWith("-08:00");

    JsonNode count = get("query", "query", "SELECT COUNT(*) FROM Customer");
    assertThat(count.path("QueryResponse").path("totalCount").asInt()).isEqualTo(40);
    assertThat(sandbox.calls("query:Invoice")).isEqualTo(1);
    assertThat(sandbox.calls("query:Customer")).isEqualTo(1);
  }

  @Test
  void staleSyncTokenIs5010AndSparseUpdateBumpsTheToken() throws IOException {
    JsonNode customer = realm.all("Customer").get(0);
    String id = customer.get("Id").asText();
    String body =
        "{\"Id\":\""
            + id
            + "\",\"SyncToken\":\"0\",\"sparse\":true,"
            + "\"PrimaryEmailAddr\":{\"Address\":\"ar@new.example.com\"}}";
    Response ok = post("customer?operation=update", body);
    JsonNode updated = JSON.readTree(ok.body().string()).get("Customer");
    assertThat(updated.get("SyncToken").asText()).isEqualTo("1");
    assertThat(updated.get("DisplayName").asText()).isEqualTo(customer.get("DisplayName").asText());

    try (Response stale = post("customer?operation=update", body)) {
      assertThat(stale.code()).isEqualTo(400);
      assertThat(stale.header("Content-Type")).startsWith("application/json");
      JsonNode fault = JSON.readTree(stale.body().string()).get("Fault");
      assertThat(fault.get("type").asText()).isEqualTo("ValidationFault");
      assertThat(fault.get("Error").get(0).get("code").asText()).isEqualTo("5010");
    }
  }

  @Test
  void paymentLowersTheInvoiceBalanceAndSendSetsEmailStatus() throws IOException {
    JsonNode invoice =
        realm.all("Invoice").stream()
            .filter(i -> i.get("Balance").decimalValue().compareTo(new BigDecimal("100")) > 0)
            .findFirst()
            .orElseThrow();
    String id = invoice.get("Id").asText();
    String payment =
        "{\"CustomerRef\":{\"value\":\""
            + invoice.path("CustomerRef").path("value").asText()
            + "\"},\"TotalAmt\":40.00,\"Line\":[{\"Amount\":40.00,\"LinkedTxn\":[{\"TxnId\":\""
            + id
            + "\",\"TxnType\":\"Invoice\"}]}]}";
    post("payment?requestid=pay-1", payment).close();
    post("payment?requestid=pay-1", payment).close();
    JsonNode after = realm.get("Invoice", id).orElseThrow();
    assertThat(after.get("Balance").decimalValue())
        .as("the same requestid is applied once")
        .isEqualByComparingTo(invoice.get("Balance").decimalValue().subtract(new BigDecimal("40")));
    assertThat(sandbox.calls("replayed")).isEqualTo(1);

    JsonNode sent =
        JSON.readTree(
            post("invoice/" + id + "/send?sendTo=ap@client.example.com", "").body().string());
    assertThat(sent.path("Invoice").path("EmailStatus").asText()).isEqualTo("EmailSent");
    assertThat(sent.path("Invoice").path("BillEmail").path("Address").asText())
        .isEqualTo("ap@client.example.com");
  }

  @Test
  void cdcReportsChangesAndDeletions() throws IOException {
    Instant since = clock.instant();
    clock.advance(Duration.ofMinutes(5));
    JsonNode invoice = realm.all("Invoice").get(3);
    realm.edit(
        "Invoice",
        invoice.get("Id").asText(),
        JSON.createObjectNode().put("PrivateNote", "x"),
        clock.instant());
    JsonNode payment = realm.all("Payment").get(0);
    realm.remove("Payment", payment.get("Id").asText());

    JsonNode reply =
        get("cdc", "entities", "Customer,Invoice,Payment", "changedSince", since.toString());
    JsonNode responses = reply.get("CDCResponse").get(0).get("QueryResponse");
    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).has("Customer")).as("no customer changed").isFalse();
    JsonNode invoices = responses.get(1).get("Invoice");
    assertThat(invoices).extracting(n -> n.get("Id").asText()).contains(invoice.get("Id").asText());
    JsonNode payments = responses.get(2).get("Payment");
    JsonNode deleted = payments.get(payments.size() - 1);
    assertThat(deleted.get("status").asText()).isEqualTo("Deleted");
    assertThat(deleted.get("Id").asText()).isEqualTo(payment.get("Id").asText());

    try (Response tooOld =
        http.newCall(
                authed(
                    url("cdc")
                        .addQueryParameter("entities", "Invoice")
                        .addQueryParameter(
                            "changedSince", since.minus(Duration.ofDays(31)).toString())))
            .execute()) {
      assertThat(tooOld.code()).isEqualTo(400);
    }
  }

  @Test
  void batchAnswersEachItemWithEntityOrFault() throws IOException {
    JsonNode invoice = realm.all("Invoice").get(0);
    String batch =
        "{\"BatchItemRequest\":["
            + "{\"bId\":\"a\",\"operation\":\"create\",\"Attachable\":{\"Note\":\"Reminder sent\","
            + "\"AttachableRef\":[{\"EntityRef\":{\"type\":\"Invoice\",\"value\":\""
            + invoice.get("Id").asText()
            + "\"}}]}},"
            + "{\"bId\":\"b\",\"operation\":\"create\",\"Attachable\":{\"Note\":\"x\","
            + "\"AttachableRef\":[{\"EntityRef\":{\"type\":\"Invoice\",\"value\":\"999999\"}}]}},"
            + "{\"bId\":\"c\",\"Query\":\"SELECT COUNT(*) FROM Invoice\"}]}";
    JsonNode items = JSON.readTree(post("batch", batch).body().string()).get("BatchItemResponse");
    assertThat(items.get(0).get("bId").asText()).isEqualTo("a");
    assertThat(items.get(0).path("Attachable").path("Id").asText()).isNotEmpty();
    assertThat(items.get(1).path("Fault").path("Error").get(0).path("code").asText())
        .isEqualTo("610");
    assertThat(items.get(2).path("QueryResponse").path("totalCount").asInt()).isEqualTo(200);
  }

  @Test
  void refreshTokensRotateAndTheOldOneIsRefused() throws IOException {
    String refresh = sandbox.connect("123").refreshToken();
    JsonNode first = refresh(refresh, 200);
    assertThat(first.get("refresh_token").asText()).isNotEqualTo(refresh);
    assertThat(first.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(refresh(refresh, 400).get("error").asText()).isEqualTo("invalid_grant");
    sandbox.revoke("123");
    assertThat(refresh(first.get("refresh_token").asText(), 400).get("error").asText())
        .isEqualTo("invalid_grant");
    try (Response r = http.newCall(authed(url("invoice").addPathSegment("1"))).execute()) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).contains("\"code\":\"3200\"");
    }
  }

  @Test
  void injectedFaultsAndLimits() throws IOException {
    sandbox.inject(SandboxFault.THROTTLE, 1);
    try (Response r = http.newCall(authed(url("customer").addPathSegment("1"))).execute()) {
      assertThat(r.code()).isEqualTo(429);
      assertThat(r.body().string()).contains("\"code\":\"3001\"");
    }
    sandbox.inject(SandboxFault.SERVER_ERROR_NO_FAULT, 1);
    try (Response r = http.newCall(authed(url("customer").addPathSegment("1"))).execute()) {
      assertThat(r.code()).isEqualTo(500);
      assertThat(r.body().string()).doesNotContain("Fault");
    }
    try (Response r = http.newCall(authed(url("customer").addPathSegment("1"))).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  private JsonNode refresh(String refreshToken, int expected) throws IOException {
    Request request =
        new Request.Builder()
            .url(sandbox.tokenUrl())
            .header("Authorization", Credentials.basic("app", "app-secret"))
            .post(
                new FormBody.Builder()
                    .add("grant_type", "refresh_token")
                    .add("refresh_token", refreshToken)
                    .build())
            .build();
    try (Response r = http.newCall(request).execute()) {
      assertThat(r.code()).isEqualTo(expected);
      assertThat(r.header("intuit_tid")).isNotBlank();
      return JSON.readTree(r.body().string());
    }
  }

  private HttpUrl.Builder url(String path) {
    return HttpUrl.get(sandbox.baseUrl() + "/123/" + path).newBuilder();
  }

  private Request authed(HttpUrl.Builder url) {
    return new Request.Builder()
        .url(url.build())
        .header("Authorization", "Bearer " + token)
        .build();
  }

  private JsonNode get(String path, String... params) throws IOException {
    HttpUrl.Builder url = url(path);
    for (int i = 0; i < params.length; i += 2) {
      url.addQueryParameter(params[i], params[i + 1]);
    }
    try (Response r = http.newCall(authed(url)).execute()) {
      assertThat(r.code()).as("GET %s", path).isEqualTo(200);
      return JSON.readTree(r.body().string());
    }
  }

  private Response post(String pathAndQuery, String body) throws IOException {
    HttpUrl url = HttpUrl.get(sandbox.baseUrl() + "/123/" + pathAndQuery);
    return http.newCall(
            new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, APPLICATION_JSON))
                .build())
        .execute();
  }
}
