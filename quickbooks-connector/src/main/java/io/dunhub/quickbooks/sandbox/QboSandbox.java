package io.dunhub.quickbooks.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateful fake of QuickBooks Online on WireMock: the accounting API ({@code
 * /v3/company/{realm}/...}: entities, query, CDC, batch, invoice send) and Intuit's OAuth token
 * endpoint, in QBO's JSON shapes. It keeps realms in memory, counts calls per endpoint, enforces
 * QBO's per-realm limits (10 concurrent requests, 500 a minute → 429/3001) and injects faults and
 * latency on request.
 *
 * <p>A connector reaches it only through configuration: the token endpoint {@link #tokenUrl()} and
 * either {@link #baseUrl()} or, for the QuickBooks SDK (which drops the port of its base URL), the
 * proxy {@link #host()}:{@link #port()} with any base URL host.
 */
public final class QboSandbox implements AutoCloseable {

  /** QBO companies answer with their own offset; the sandbox's companies are in Pacific time. */
  public static final ZoneId COMPANY_ZONE = ZoneId.of("America/Los_Angeles");

  /** Tokens as if an admin had just connected a realm. */
  public record Tokens(String accessToken, String refreshToken) {
    @Override
    public String toString() {
      return "Tokens[******]";
    }
  }

  private final Clock clock;
  private final SandboxOAuth oauth;
  private final Map<String, SandboxRealm> realms = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> peakInFlight = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> window = new ConcurrentHashMap<>();
  private final Map<String, ResponseDefinition> replies = new ConcurrentHashMap<>();
  private final Deque<PendingFault> faults = new ArrayDeque<>();
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean enforceLimits = true;
  private final WireMockServer server;

  private record PendingFault(SandboxFault fault, String labelPrefix) {}

  /**
   * A sandbox whose app has these OAuth client credentials.
   *
   * @param clock stamps records and expires tokens
   */
  public QboSandbox(Clock clock, String clientId, String clientSecret) {
    this.clock = clock;
    this.oauth = new SandboxOAuth(clock, clientId, clientSecret);
    this.server =
        new WireMockServer(
            options()
                .dynamicPort()
                .containerThreads(64)
                .jettyAcceptors(2)
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false))
                .extensions(new SandboxRouter(this)));
  }

  /** Starts the server on a free local port; returns this. */
  public QboSandbox start() {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(WireMock.aResponse().withStatus(404)));
    return this;
  }

  @Override
  public void close() {
    server.stop();
  }

  public String host() {
    return "localhost";
  }

  public int port() {
    return server.port();
  }

  /** The accounting API base, for clients that honour the port. */
  public String baseUrl() {
    return "http://localhost:" + port() + "/v3/company";
  }

  /** Intuit's bearer-token endpoint, played by the sandbox. */
  public String tokenUrl() {
    return "http://localhost:" + port() + SandboxRouter.TOKEN_PATH;
  }

  /** Creates an empty company. */
  public SandboxRealm createRealm(String realmId) {
    SandboxRealm realm = new SandboxRealm(realmId, clock, COMPANY_ZONE);
    if (realms.putIfAbsent(realmId, realm) != null) {
      throw new IllegalStateException("realm " + realmId + " exists");
    }
    return realm;
  }

  /** Creates a company seeded with a realistic, deterministic set of records. */
  public SandboxRealm createRealm(String realmId, SandboxSeeder.Spec spec) {
    SandboxRealm realm = createRealm(realmId);
    new SandboxSeeder(spec, clock).seed(realm);
    return realm;
  }

  public SandboxRealm realm(String realmId) {
    SandboxRealm realm = realms.get(realmId);
    if (realm == null) {
      throw new IllegalArgumentException("no realm " + realmId);
    }
    return realm;
  }

  SandboxRealm realmOrNull(String realmId) {
    return realms.get(realmId);
  }

  /** Connects a realm as its admin would: returns fresh tokens. */
  public Tokens connect(String realmId) {
    realm(realmId);
    SandboxOAuth.Issued issued = oauth.issue(realmId);
    return new Tokens(issued.accessToken(), issued.refreshToken());
  }

  /** Disconnects the app from a realm: every token stops working (a refresh gets invalid_grant). */
  public void revoke(String realmId) {
    oauth.revoke(realmId);
  }

  /** Expires a realm's access tokens now, so the next call needs a refresh. */
  public void expireAccessTokens(String realmId) {
    oauth.expireAccessTokens(realmId);
  }

  /** Refresh-token grants served so far. */
  public int refreshCount() {
    return oauth.refreshCount();
  }

  /** The next {@code times} API calls whose endpoint label starts with {@code prefix} fail. */
  public void inject(SandboxFault fault, int times, String labelPrefix) {
    synchronized (faults) {
      for (int i = 0; i < times; i++) {
        faults.add(new PendingFault(fault, labelPrefix == null ? "" : labelPrefix));
      }
    }
  }

  /** The next {@code times} API calls fail with {@code fault}. */
  public void inject(SandboxFault fault, int times) {
    inject(fault, times, "");
  }

  /** The detail text QBO sends with {@link SandboxFault#VALIDATION}. */
  public static String validationFaultDetail() {
    return QboFault.INVALID_REFERENCE_DETAIL;
  }

  /** Added to every reply. */
  public void latency(Duration latency) {
    this.latency = latency;
  }

  /** Whether 10-concurrent and 500-a-minute per realm are enforced (on by default). */
  public void enforceLimits(boolean enforce) {
    this.enforceLimits = enforce;
  }

  /** Calls per endpoint label ({@code query:Invoice}, {@code cdc}, {@code batch}, ...). */
  public Map<String, Long> callCounts() {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public long calls(String label) {
    AtomicLong n = calls.get(label);
    return n == null ? 0 : n.get();
  }

  /** Accounting API calls in all (token calls and replays not included). */
  public long apiCalls() {
    return callCounts().entrySet().stream()
        .filter(e -> !e.getKey().equals("token") && !e.getKey().equals("replayed"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The most requests one realm had in flight at once. */
  public int peakConcurrency(String realmId) {
    AtomicInteger n = peakInFlight.get(realmId);
    return n == null ? 0 : n.get();
  }

  public void resetCounts() {
    calls.clear();
    peakInFlight.clear();
  }

  // ------------------------------------------------------------- router hooks

  Clock clock() {
    return clock;
  }

  SandboxOAuth oauth() {
    return oauth;
  }

  void count(String label) {
    calls.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
  }

  void pause() {
    Duration d = latency;
    if (!d.isZero()) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  SandboxFault nextFault(String label) {
    synchronized (faults) {
      for (var it = faults.iterator(); it.hasNext(); ) {
        PendingFault f = it.next();
        if (label.startsWith(f.labelPrefix())) {
          it.remove();
          return f.fault();
        }
      }
      return null;
    }
  }

  /** Admits a request of a realm; false when it breaks QBO's limits. */
  boolean enter(String realmId) {
    int now = inFlight.computeIfAbsent(realmId, k -> new AtomicInteger()).incrementAndGet();
    peakInFlight
        .computeIfAbsent(realmId, k -> new AtomicInteger())
        .accumulateAndGet(now, Math::max);
    if (!enforceLimits) {
      return true;
    }
    if (now > 10) {
      return false;
    }
    Deque<Instant> times = window.computeIfAbsent(realmId, k -> new ArrayDeque<>());
    synchronized (times) {
      Instant t = clock.instant();
      while (!times.isEmpty() && times.peekFirst().isBefore(t.minusSeconds(60))) {
        times.pollFirst();
      }
      if (times.size() >= 500) {
        return false;
      }
      times.addLast(t);
    }
    return true;
  }

  void leave(String realmId) {
    inFlight.get(realmId).decrementAndGet();
  }

  ResponseDefinition replay(String realmId, String requestId) {
    return replies.get(realmId + "/" + requestId);
  }

  void remember(String realmId, String requestId, ResponseDefinition reply) {
    if (reply.getStatus() < 500 && reply.getStatus() != 429 && reply.getStatus() != 401) {
      replies.put(realmId + "/" + requestId, reply);
    }
  }
}
