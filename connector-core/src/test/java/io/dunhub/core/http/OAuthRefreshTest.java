package io.dunhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.RefreshTokenGrant;
import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.auth.TokenGrant;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.secret.Secret;
import io.dunhub.core.testing.LogCapture;
import io.dunhub.core.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 401 → refresh → retry through the plumbing, single-flight within a process and across processes
 * sharing one {@link io.dunhub.core.auth.TokenStore}, against a host that rotates its refresh
 * tokens.
 */
class OAuthRefreshTest {

  private static final String CONNECTION = "acme-qbo";
  private static final OkHttpClient PROCESS = HttpClientFactory.processClient();

  private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private final FakeOAuthHost host =
      new FakeOAuthHost(FakeOAuthHost.access(0), FakeOAuthHost.refresh(0));
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(host);
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    store.compareAndSet(
        CONNECTION,
        0,
        new OAuthToken(
            Secret.of(FakeOAuthHost.access(0)),
            Secret.of(FakeOAuthHost.refresh(0)),
            clock.instant().plus(Duration.ofHours(1))));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** One hub process's view of the connection: its own refresher and client, the shared store. */
  private final class Process {
    final SingleFlightTokenRefresher tokens;
    final OkHttpClient http;

    Process(TokenGrant grant) {
      tokens =
          new SingleFlightTokenRefresher(CONNECTION, store, grant, clock, Duration.ofMinutes(5));
      http =
          HttpClientFactory.forConnection(PROCESS, CONNECTION, clock)
              .throttles(new ConnectionThrottles())
              .oauth(tokens)
              .build();
    }

    Process() {
      this(null);
    }

    String query() throws IOException {
      try (Response response =
          http.newCall(new Request.Builder().url(server.url("/v3/company/1/query")).build())
              .execute()) {
        return response.body().string();
      }
    }
  }

  private Process process() {
    return new Process(httpGrant());
  }

  private RefreshTokenGrant httpGrant() {
    OkHttpClient tokenClient =
        HttpClientFactory.forConnection(PROCESS, CONNECTION, clock)
            .throttles(new ConnectionThrottles())
            .build();
    return new RefreshTokenGrant(
        CONNECTION,
        tokenClient,
        server.url("/oauth2/token"),
        "client-id",
        Secret.of(FakeOAuthHost.CLIENT_SECRET),
        RefreshTokenGrant.ClientAuth.BASIC,
        clock);
  }

  @Test
  void a401RefreshesOnceRetriesAndStoresTheRotatedRefreshToken() throws Exception {
    Process process = process();
    host.expireAccessToken();

    assertThat(process.query()).contains("QueryResponse");

    assertThat(host.grants()).isEqualTo(1);
    assertThat(host.apiCalls()).as("the refused call and its retry").isEqualTo(2);
    StoredToken stored = store.load(CONNECTION).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.token().accessToken().reveal()).isEqualTo(FakeOAuthHost.access(1));
    assertThat(stored.token().refreshToken().reveal())
        .as("the rotated refresh token is what is stored")
        .isEqualTo(FakeOAuthHost.refresh(1));
    assertThat(stored.token().expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));

    host.expireAccessToken();
    assertThat(process.query())
        .as("the next refresh uses the rotated token")
        .contains("QueryResponse");
    assertThat(host.grants()).isEqualTo(2);
  }

  @Test
  void manyThreadsMeetingA401CauseExactlyOneRefresh() throws Exception {
    Process process = process();
    process.tokens.current();
    host.expireAccessToken();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return process.query();
                }));
      }
      go.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).contains("QueryResponse");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(host.grants()).isEqualTo(1);
    assertThat(store.load(CONNECTION).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aProcessWhoseTokenWasRefreshedElsewhereAdoptsItWithoutRefreshing() throws Exception {
    Process one = process();
    Process two = process();
    two.tokens.current();
    host.expireAccessToken();

    assertThat(one.query()).contains("QueryResponse");
    assertThat(two.query()).contains("QueryResponse");

    assertThat(host.grants()).as("one refresh for the cluster").isEqualTo(1);
    assertThat(two.tokens.grants()).isZero();
    assertThat(two.tokens.current().accessToken().reveal()).isEqualTo(FakeOAuthHost.access(1));
  }

  @Test
  void whenTwoProcessesRefreshAtOnceTheCasLoserAdoptsTheWinnersToken() throws Exception {
    CyclicBarrier bothLoaded = new CyclicBarrier(2);
    List<String> issued = new ArrayList<>();
    TokenGrant slowGrant =
        current -> {
          await(bothLoaded);
          synchronized (issued) {
            issued.add("access-from-grant-" + issued.size());
            return new OAuthToken(
                Secret.of(issued.get(issued.size() - 1)),
                Secret.of("refresh-from-grant-" + issued.size()),
                clock.instant().plus(Duration.ofHours(1)));
          }
        };
    SingleFlightTokenRefresher a =
        new SingleFlightTokenRefresher(CONNECTION, store, slowGrant, clock, Duration.ofMinutes(5));
    SingleFlightTokenRefresher b =
        new SingleFlightTokenRefresher(CONNECTION, store, slowGrant, clock, Duration.ofMinutes(5));
    Secret failed = Secret.of(FakeOAuthHost.access(0));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<OAuthToken> fa = pool.submit(() -> a.refresh(failed));
      Future<OAuthToken> fb = pool.submit(() -> b.refresh(failed));
      OAuthToken ta = fa.get(5, TimeUnit.SECONDS);
      OAuthToken tb = fb.get(5, TimeUnit.SECONDS);

      StoredToken stored = store.load(CONNECTION).orElseThrow();
      assertThat(stored.version()).as("exactly one process stored a token").isEqualTo(2);
      assertThat(ta.accessToken()).isEqualTo(stored.token().accessToken());
      assertThat(tb.accessToken())
          .as("the loser uses the winner's token, not its own")
          .isEqualTo(stored.token().accessToken());
      assertThat(a.grants() + b.grants()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefreshRefusedBecauseAnotherProcessRotatedTheTokenAdoptsTheStoredOne() {
    Process winner = process();
    RefreshTokenGrant stale = httpGrant();
    // the loser loaded version 1, then the winner refreshed before the loser's grant reached the
    // host
    TokenGrant lateGrant =
        current -> {
          winner.tokens.refresh(Secret.of(FakeOAuthHost.access(0)));
          return stale.refresh(current);
        };
    SingleFlightTokenRefresher loser =
        new SingleFlightTokenRefresher(CONNECTION, store, lateGrant, clock, Duration.ofMinutes(5));

    OAuthToken token = loser.refresh(Secret.of(FakeOAuthHost.access(0)));

    assertThat(token.accessToken().reveal()).isEqualTo(FakeOAuthHost.access(1));
    assertThat(host.grants()).isEqualTo(1);
  }

  @Test
  void aTokenAboutToExpireIsRefreshedBeforeUse() throws Exception {
    store.compareAndSet(
        CONNECTION,
        1,
        new OAuthToken(
            Secret.of(FakeOAuthHost.access(0)),
            Secret.of(FakeOAuthHost.refresh(0)),
            clock.instant().plus(Duration.ofMinutes(2))));
    Process process = process();

    assertThat(process.query()).contains("QueryResponse");

    assertThat(host.grants()).isEqualTo(1);
    assertThat(host.apiCalls()).as("no call was refused").isEqualTo(1);
  }

  @Test
  void aSecond401IsAnAuthenticationFailureAfterOneRefresh() {
    Process process = process();
    host.refuseEverything();

    AuthenticationException e = catchThrowableOfType(process::query, AuthenticationException.class);

    assertThat(host.grants()).isEqualTo(1);
    assertThat(host.apiCalls()).isEqualTo(2);
    assertThat(e.getMessage()).contains("acme-qbo").contains("401");
  }

  @Test
  void aRevokedRefreshTokenTellsAPersonToReconnect() {
    store.compareAndSet(
        CONNECTION,
        1,
        new OAuthToken(
            Secret.of("revoked-access"),
            Secret.of("revoked-refresh-secret"),
            clock.instant().plus(Duration.ofHours(1))));
    Process process = process();

    AuthenticationException e = catchThrowableOfType(process::query, AuthenticationException.class);

    assertThat(e.getMessage())
        .contains("reconnect acme-qbo")
        .contains("invalid_grant")
        .doesNotContain("revoked-refresh-secret")
        .doesNotContain(FakeOAuthHost.CLIENT_SECRET);
  }

  @Test
  void aConnectionWithoutATokenSaysToConnectFirst() {
    SingleFlightTokenRefresher tokens =
        new SingleFlightTokenRefresher("never-connected", store, httpGrant(), clock, Duration.ZERO);
    AuthenticationException e =
        catchThrowableOfType(tokens::current, AuthenticationException.class);
    assertThat(e.getMessage()).contains("never-connected has no OAuth token yet");
  }

  @Test
  void nothingSecretReachesTheLogs() throws Exception {
    try (LogCapture log = LogCapture.of("io.dunhub")) {
      Process process = process();
      host.expireAccessToken();
      process.query();
      try (Response r =
          process
              .http
              .newCall(
                  new Request.Builder()
                      .url(
                          server.url(
                              "/v3/company/1/query?query=select&access_token=qs-secret-1&Client_Secret=qs-secret-2"))
                      .header("Cookie", "session=cookie-secret")
                      .build())
              .execute()) {
        r.body().string();
      }
      host.refuseEverything();
      catchThrowableOfType(process::query, AuthenticationException.class);

      String text = log.text();
      assertThat(log.lines()).hasSizeGreaterThanOrEqualTo(5);
      assertThat(text)
          .contains("acme-qbo GET " + server.url("/v3/company/1/query") + " -> 401")
          .contains("POST " + server.url("/oauth2/token") + " -> 200")
          .contains("query=select")
          .contains("access_token=****")
          .contains("Client_Secret=****");
      for (String secret :
          List.of(
              "access-token-secret",
              "refresh-token-secret",
              FakeOAuthHost.CLIENT_SECRET,
              "qs-secret",
              "cookie-secret",
              "Bearer",
              "Basic ")) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
