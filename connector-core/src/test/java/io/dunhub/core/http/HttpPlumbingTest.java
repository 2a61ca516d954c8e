package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.testing.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plumbing a connection's client gets from {@link HttpClientFactory}, against a real server.
 */
class HttpPlumbingTest {

  private static final OkHttpClient PROCESS = HttpClientFactory.processClient();

  private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
  private final ConnectionThrottles throttles = new ConnectionThrottles();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private HttpClientFactory factory() {
    return HttpClientFactory.forConnection(PROCESS, "acme-qbo", clock)
        .throttles(throttles)
        .retry(RetryPolicy.defaults().withJitter(() -> 0.5))
        .timeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(20));
  }

  private String get(OkHttpClient client, String path) throws IOException {
    try (Response response =
        client.newCall(new Request.Builder().url(server.url(path)).build()).execute()) {
      return response.body().string();
    }
  }

  @Test
  void serverErrorsAreRetriedWithGrowingBackoffThenSucceed() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setBody("ok"));

    assertThat(get(factory().build(), "/v3/company/1/invoice/42")).isEqualTo("ok");

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps()).isEqualTo(2);
    // 0.5 jitter: 375 ms after the first failure (500 ms base), 750 ms after the second
    assertThat(clock.slept()).isEqualTo(Duration.ofMillis(375 + 750));
  }

  @Test
  void a429WaitsForRetryAfterSecondsAndPausesTheConnection() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
    server.enqueue(new MockResponse().setBody("ok"));
    Instant start = clock.instant();
    HttpClientFactory factory = factory().rateLimit(new RateLimit(500, Duration.ofMinutes(1), 10));

    assertThat(get(factory.build(), "/query")).isEqualTo("ok");

    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(7));
    assertThat(factory.throttle().pausedUntil()).isEqualTo(start.plusSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a429WithAnHttpDateWaitsUntilThatDate() throws Exception {
    String at =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(42).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", at));
    server.enqueue(new MockResponse().setBody("ok"));
    Instant start = clock.instant();

    assertThat(get(factory().build(), "/query")).isEqualTo("ok");

    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void aPauseFromOneClientHoldsBackAnotherOfTheSameConnection() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));
    server.enqueue(new MockResponse().setBody("first"));
    server.enqueue(new MockResponse().setBody("second"));
    OkHttpClient worker1 = factory().retry(RetryPolicy.none()).build();
    OkHttpClient worker2 = factory().build();

    RetryableException e =
        catchThrowableOfType(RetryableException.class, () -> get(worker1, "/query"));
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    Instant start = clock.instant();
    assertThat(get(worker2, "/query")).isEqualTo("first");

    assertThat(Duration.between(start, clock.instant()))
        .as("the second worker waited out the host's pause")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void timeoutsAreRetried() throws Exception {
    server.enqueue(new MockResponse().setHeadersDelay(400, TimeUnit.MILLISECONDS).setBody("late"));
    server.enqueue(new MockResponse().setBody("ok"));
    OkHttpClient client =
        factory()
            .timeouts(
                Duration.ofSeconds(2),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10))
            .build();

    assertThat(get(client, "/slow")).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aResetConnectionIsRetried() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setBody("ok"));

    assertThat(get(factory().build(), "/reset")).isEqualTo("ok");
  }

  @Test
  void whenTheBudgetRunsOutTheFailureIsRetryableAndNamesWhere() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse().setResponseCode(502).setBody("{\"message\":\"bad gateway\"}"));
    }

    RetryableException e =
        catchThrowableOfType(
            RetryableException.class,
            () -> get(factory().build(), "/v3/company/1/invoice/42?minorversion=75"));

    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(e.getMessage())
        .contains("acme-qbo")
        .contains("GET " + server.url("/v3/company/1/invoice/42"))
        .contains("502")
        .doesNotContain("minorversion");
    assertThat(e.hostMessage()).isEqualTo("bad gateway");
  }

  @Test
  void aPostIsNotRetriedUnlessMarkedRetryable() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{\"Id\":\"7\"}"));
    OkHttpClient client = factory().build();
    RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));

    Request plain = new Request.Builder().url(server.url("/invoice")).post(body).build();
    catchThrowableOfType(RetryableException.class, () -> client.newCall(plain).execute());
    assertThat(server.getRequestCount()).as("a plain POST is sent once").isEqualTo(1);

    Request keyed =
        CallOptions.none()
            .markRetryable()
            .applyTo(new Request.Builder().url(server.url("/invoice?requestid=k1")).post(body))
            .build();
    try (Response response = client.newCall(keyed).execute()) {
      assertThat(response.body().string()).isEqualTo("{\"Id\":\"7\"}");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aPermanentErrorIsNotRetriedAndCarriesTheHostsMessage() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setBody(fixture("quickbooks-validation-fault.json")));
    OkHttpClient client = factory().build();
    Request request =
        CallOptions.none()
            .about("Invoice 1042")
            .applyTo(new Request.Builder().url(server.url("/v3/company/1/invoice")))
            .build();

    PermanentException e =
        catchThrowableOfType(PermanentException.class, () -> client.newCall(request).execute());

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.hostMessage()).contains("Required parameter Line.Amount is missing");
    assertThat(e.getMessage())
        .startsWith("acme-qbo: Invoice 1042: GET ")
        .contains("400 2020")
        .contains("Line.Amount");
  }

  @Test
  void a401WithoutOAuthIsAnAuthenticationFailure() {
    server.enqueue(new MockResponse().setResponseCode(401));
    AuthenticationException e =
        catchThrowableOfType(AuthenticationException.class, () -> get(factory().build(), "/x"));
    assertThat(e.getMessage()).contains("reconnect acme-qbo");
  }

  @Test
  void anExtractorCanReclassifyAStatus() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setBody(
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"));
    HostErrorExtractor salesforce =
        (response, body) -> {
          HostError error = new JsonHostErrorExtractor().extract(response, body);
          return "REQUEST_LIMIT_EXCEEDED".equals(error.code())
              ? new HostError(error.message(), error.code(), ErrorKind.RETRYABLE)
              : error;
        };

    RetryableException e =
        catchThrowableOfType(
            RetryableException.class,
            () -> get(factory().errors(salesforce).build(), "/services/data/v62.0/query"));
    assertThat(e.hostMessage()).isEqualTo("TotalRequests Limit exceeded.");
    assertThat(server.getRequestCount()).as("a 403 is not retried by status").isEqualTo(1);
  }

  @Test
  void aPassedThroughStatusComesBackAsAResponse() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(404));
    Request request =
        CallOptions.none()
            .passing(404)
            .applyTo(new Request.Builder().url(server.url("/x")))
            .build();
    try (io.dunhub.core.testing.LogCapture log =
            io.dunhub.core.testing.LogCapture.of("io.dunhub.core.http.HostCalls");
        Response response = factory().build().newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(404);
      assertThat(log.lines())
          .as("an expected 404 is no failure to warn about")
          .singleElement()
          .asString()
          .startsWith("DEBUG")
          .contains("-> 404");
    }
  }

  @Test
  void anUnknownHostIsAConfigurationProblem() {
    Request request = new Request.Builder().url("http://no-such-host.invalid/x").build();
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> factory().build().newCall(request).execute());
    assertThat(e.getMessage()).contains("unknown host no-such-host.invalid");
  }

  @Test
  void theConcurrencySlotIsHeldUntilTheBodyIsClosed() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    HttpClientFactory factory = factory().rateLimit(new RateLimit(100, Duration.ofSeconds(1), 3));
    Response response =
        factory.build().newCall(new Request.Builder().url(server.url("/x")).build()).execute();
    assertThat(factory.throttle().inFlight()).isEqualTo(1);
    response.body().string();
    response.close();
    assertThat(factory.throttle().inFlight()).isZero();
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = HttpPlumbingTest.class.getResourceAsStream("errors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
