package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.testing.ManualClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class HttpClientFactoryTest {

  private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
  private final OkHttpClient process = HttpClientFactory.processClient();

  @Test
  void aConnectionsClientSharesTheProcessPoolAndSetsItsOwnTimeouts() {
    OkHttpClient client =
        HttpClientFactory.forConnection(process, "acme-sf", clock)
            .timeouts(
                Duration.ofSeconds(3),
                Duration.ofSeconds(30),
                Duration.ofSeconds(40),
                Duration.ofMinutes(2))
            .build();

    assertThat(client.connectionPool()).isSameAs(process.connectionPool());
    assertThat(client.dispatcher()).isSameAs(process.dispatcher());
    assertThat(client.connectTimeoutMillis()).isEqualTo(3_000);
    assertThat(client.readTimeoutMillis()).isEqualTo(30_000);
    assertThat(client.writeTimeoutMillis()).isEqualTo(40_000);
    assertThat(client.callTimeoutMillis()).isEqualTo(120_000);
    assertThat(process.interceptors()).as("the process client stays bare").isEmpty();
  }

  @Test
  void theInterceptorsAreComposedOnceInOrder() {
    OkHttpClient client = HttpClientFactory.forConnection(process, "acme-sf", clock).build();
    List<Class<?>> order = new ArrayList<>();
    for (Interceptor i : client.interceptors()) {
      order.add(i.getClass());
    }
    assertThat(order)
        .containsExactly(
            ErrorMappingInterceptor.class,
            RetryInterceptor.class,
            RateLimitInterceptor.class,
            RedactingLoggingInterceptor.class);
    OkHttpClient again = HttpClientFactory.forConnection(client, "acme-sf", clock).build();
    assertThat(again.interceptors()).as("building from a built client does not stack").hasSize(4);

    Interceptor metrics = chain -> chain.proceed(chain.request());
    OkHttpClient withMetrics = process.newBuilder().addInterceptor(metrics).build();
    assertThat(
            HttpClientFactory.forConnection(withMetrics, "acme-sf", clock).build().interceptors())
        .as("the process client's own interceptors stay, outermost")
        .hasSize(5)
        .first()
        .isSameAs(metrics);
  }

  @Test
  void workersOfOneConnectionShareItsConcurrencyCap() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
              most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              Thread.sleep(50);
              inFlight.decrementAndGet();
              return new MockResponse().setBody("ok");
            }
          });
      server.start(InetAddress.getLoopbackAddress(), 0);
      ConnectionThrottles throttles = new ConnectionThrottles();
      RateLimit limit = new RateLimit(1000, Duration.ofSeconds(1), 2);
      List<OkHttpClient> workers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        workers.add(
            HttpClientFactory.forConnection(process, "acme-ns", clock)
                .throttles(throttles)
                .rateLimit(limit)
                .build());
      }
      ExecutorService pool = Executors.newFixedThreadPool(9);
      try {
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
          OkHttpClient worker = workers.get(i % 3);
          calls.add(
              pool.submit(
                  () -> {
                    try (Response r =
                        worker
                            .newCall(new Request.Builder().url(server.url("/x")).build())
                            .execute()) {
                      return r.body().string();
                    }
                  }));
        }
        for (Future<String> call : calls) {
          assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(server.getRequestCount()).isEqualTo(9);
    }
    assertThat(most.get()).as("most requests in flight at the host").isEqualTo(2);
  }

  @Test
  void connectionsNamingOneThrottleKeyShareOneCap() {
    ConnectionThrottles throttles = new ConnectionThrottles();
    RateLimit limit = new RateLimit(1000, Duration.ofSeconds(1), 2);
    ConnectionThrottle first =
        HttpClientFactory.forConnection(process, "acme-ns-1", clock)
            .throttles(throttles)
            .rateLimit(limit)
            .throttleKey("netsuite:1234567_SB1")
            .throttle();
    ConnectionThrottle second =
        HttpClientFactory.forConnection(process, "acme-ns-2", clock)
            .throttles(throttles)
            .rateLimit(limit)
            .throttleKey("netsuite:1234567_SB1")
            .throttle();
    ConnectionThrottle own =
        HttpClientFactory.forConnection(process, "acme-ns-1", clock)
            .throttles(throttles)
            .rateLimit(limit)
            .throttle();
    assertThat(second).isSameAs(first);
    assertThat(own).as("without a key, the connection's own throttle").isNotSameAs(first);
  }

  @Test
  void aRequestSignerSignsEveryAttemptAfresh() throws Exception {
    AtomicInteger signed = new AtomicInteger();
    Interceptor signer =
        chain ->
            chain.proceed(
                chain
                    .request()
                    .newBuilder()
                    .header("Authorization", "OAuth nonce=\"" + signed.incrementAndGet() + "\"")
                    .build());
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(503));
      server.enqueue(new MockResponse().setBody("ok"));
      server.start(InetAddress.getLoopbackAddress(), 0);
      OkHttpClient client =
          HttpClientFactory.forConnection(process, "legacy-ns", clock)
              .throttles(new ConnectionThrottles())
              .auth(signer)
              .build();
      assertThat(client.interceptors()).contains(signer);
      assertThat(
              HttpClientFactory.forConnection(client, "legacy-ns", clock)
                  .auth(signer)
                  .build()
                  .interceptors()
                  .stream()
                  .filter(i -> i == signer)
                  .count())
          .as("not stacked twice")
          .isEqualTo(1);
      try (Response r =
          client.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
        assertThat(r.body().string()).isEqualTo("ok");
      }
      assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("OAuth nonce=\"1\"");
      assertThat(server.takeRequest().getHeader("Authorization"))
          .as("the retry carries a new signature")
          .isEqualTo("OAuth nonce=\"2\"");
    }
  }
}
