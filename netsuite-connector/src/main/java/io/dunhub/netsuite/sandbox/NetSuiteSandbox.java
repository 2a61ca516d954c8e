package io.dunhub.netsuite.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.jwk.JWK;
import io.dunhub.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stateful NetSuite account on WireMock: the OAuth 2.0 token endpoint, token-based
 * authentication, SuiteQL and the REST record API, with NetSuite's status codes and error bodies.
 * It keeps records, maintains {@code lastmodifieddate}, enforces an account concurrency limit (429
 * {@code CONCURRENCY_LIMIT_EXCEEDED}), injects latency and faults on request and counts calls.
 *
 * <pre>{@code
 * NetSuiteSandbox ns = NetSuiteSandbox.start("1234567_SB1", clock);
 * ns.registerCertificate("cert-1", "client-1", publicJwk);
 * SandboxSeed.company(ns, 42L);
 * // point the connector at ns.baseUrl()
 * }</pre>
 */
public final class NetSuiteSandbox implements AutoCloseable {

  /** An injected failure: the next {@code times} calls whose path contains {@code pathPart}. */
  private record Fault(
      String pathPart, int status, String code, Duration retryAfter, AtomicInteger times) {}

  private final String realm;
  private final SandboxStore store;
  private final SandboxAuth auth;
  private final SandboxApi api;
  private final SandboxRecords records;
  private final WireMockServer server;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private volatile Semaphore slots;
  private volatile int concurrencyLimit;
  private volatile Duration latency = Duration.ZERO;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final LongAdder serverNanos = new LongAdder();
  private final AtomicInteger lostWrites = new AtomicInteger();

  private NetSuiteSandbox(String realm, Clock clock, ZoneId companyZone) {
    this.realm = realm;
    this.store = new SandboxStore(clock);
    this.auth = new SandboxAuth(clock, realm);
    this.records = new SandboxRecords(store);
    this.api =
        new SandboxApi(
            store, records, new SuiteQlEngine(companyZone, new SuiteQlTables(store)::rows));
    concurrencyLimit(5);
    this.server =
        new WireMockServer(
            options()
                .dynamicPort()
                .containerThreads(64)
                .disableRequestJournal()
                // WireMock would render every stub reply, body included, as JSON for a log line
                // nobody reads: a third of the sandbox's CPU on 1,000-row SuiteQL pages
                .stubRequestLoggingDisabled(true)
                .extensions(new Router()));
  }

  /**
   * Starts a sandbox for an account.
   *
   * @param accountId the account id in either form ({@code 1234567_SB1} or {@code 1234567-sb1})
   * @param clock the sandbox's clock: token expiry, TBA timestamps and {@code lastmodifieddate}
   * @param companyZone the company's time zone, in which SuiteQL renders timestamps
   */
  public static NetSuiteSandbox start(String accountId, Clock clock, ZoneId companyZone) {
    NetSuiteSandbox s =
        new NetSuiteSandbox(
            accountId.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), clock, companyZone);
    s.server.start();
    s.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    return s;
  }

  /** Starts a sandbox whose company time zone is UTC. */
  public static NetSuiteSandbox start(String accountId, Clock clock) {
    return start(accountId, clock, ZoneId.of("UTC"));
  }

  /**
   * The base URL to configure in the connector instead of {@code
   * https://<account>.suitetalk.api.netsuite.com}.
   */
  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  /** The OAuth realm ({@code 1234567_SB1}). */
  public String realm() {
    return realm;
  }

  /** The records. */
  public SandboxStore store() {
    return store;
  }

  /**
   * Creates a record as a person would in NetSuite, with the REST API's validation: a {@code
   * customerPayment} applies to its invoices and lowers their balance.
   *
   * @param fields the record in SuiteTalk REST names ({@code customer: {id}}, {@code apply: {items:
   *     [{doc: {id}, amount}]}})
   * @throws IllegalArgumentException with NetSuite's code, field path and message when NetSuite
   *     would refuse it
   */
  public SandboxRecord create(String type, com.fasterxml.jackson.databind.node.ObjectNode fields) {
    try {
      return records.create(type, null, fields);
    } catch (SandboxRecords.Invalid e) {
      throw new IllegalArgumentException(e.code + " at " + e.path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a record as a person would in NetSuite (a deleted payment gives its invoices their
   * balance back) and notes it in SuiteQL's {@code DeletedRecord} table.
   *
   * @return false when there was no such record
   */
  public boolean delete(String type, long id) {
    java.util.Optional<SandboxRecord> r = store.get(type, id);
    if (r.isEmpty()) {
      return false;
    }
    try {
      records.delete(r.get());
      return true;
    } catch (SandboxRecords.Invalid e) {
      throw new IllegalArgumentException(e.code + ": " + e.getMessage(), e);
    }
  }

  /** Registers an OAuth 2.0 M2M certificate (its public key) for an integration's client id. */
  public void registerCertificate(String certificateId, String clientId, JWK publicKey) {
    auth.registerCertificate(certificateId, clientId, publicKey);
  }

  /** Registers a TBA integration (consumer) and one access token for it. */
  public void registerTba(
      String consumerKey, Secret consumerSecret, String tokenId, Secret tokenSecret) {
    auth.registerTba(consumerKey, consumerSecret, tokenId, tokenSecret);
  }

  /** How long minted access tokens live (an hour by default). */
  public void tokenLifetime(Duration lifetime) {
    auth.tokenLifetime(lifetime);
  }

  /** Forgets every minted access token (as if revoked). */
  public void revokeAccessTokens() {
    auth.revokeAccessTokens();
  }

  /** The account's concurrency limit: requests beyond it get 429. Token calls do not count. */
  public void concurrencyLimit(int limit) {
    this.concurrencyLimit = limit;
    this.slots = new Semaphore(limit);
  }

  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  /**
   * How many rows one SuiteQL query can page through with offsets (NetSuite: 100,000); lower it in
   * tests to prove that keyset paging reads past it.
   */
  public void suiteQlMaxResults(int max) {
    api.maxResults(max);
  }

  /** Latency added to every call, spent while holding a concurrency slot. */
  public void latency(Duration latency) {
    this.latency = latency;
  }

  /**
   * The next {@code times} calls whose path contains {@code pathPart} fail with this status and
   * code.
   */
  public void failNext(
      String pathPart, int times, int status, String errorCode, Duration retryAfter) {
    synchronized (faults) {
      faults.add(new Fault(pathPart, status, errorCode, retryAfter, new AtomicInteger(times)));
    }
  }

  /**
   * The next {@code times} writes (POST, PUT, PATCH) are applied but their replies are lost: the
   * connection is reset, as when a network fails after NetSuite committed.
   */
  public void loseNextWriteResponses(int times) {
    lostWrites.set(times);
  }

  /** Calls by kind: {@code token}, {@code suiteql}, {@code record:<type>}, {@code rejected:429}. */
  public long calls(String kind) {
    LongAdder a = calls.get(kind);
    return a == null ? 0 : a.sum();
  }

  /**
   * How many writes with this method to this path the sandbox applied (answered 2xx), e.g. {@code
   * writes("PUT", "/services/rest/record/v1/note/eid:k")}: more than one PUT to an external id
   * means the same effect reached NetSuite twice.
   */
  public long writes(String method, String path) {
    LongAdder a = writes.get(method + " " + path);
    return a == null ? 0 : a.sum();
  }

  /** Every call that reached the sandbox, including rejected ones. */
  public long totalCalls() {
    return calls.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("rejected:"))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** The most calls that were in flight at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /**
   * The time the sandbox spent computing replies (SuiteQL, records), without the injected latency:
   * what a benchmark subtracts to see the connector's own share.
   */
  public Duration serverTime() {
    return Duration.ofNanos(serverNanos.sum());
  }

  /** The time SuiteQL spent evaluating queries (a query shared by a batch counts once). */
  public Duration suiteQlComputeTime() {
    return api.engine().computeTime();
  }

  public void resetCalls() {
    api.engine().resetComputeTime();
    serverNanos.reset();
    calls.clear();
    maxInFlight.set(0);
  }

  @Override
  public void close() {
    server.stop();
  }

  private void count(String kind) {
    calls.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  private Fault nextFault(String path) {
    synchronized (faults) {
      for (Fault f : faults) {
        if (path.contains(f.pathPart()) && f.times().getAndDecrement() > 0) {
          if (f.times().get() <= 0) {
            faults.remove(f);
          }
          return f;
        }
      }
      return null;
    }
  }

  private Reply handle(Request req) {
    String path = req.getUrl();
    int q = path.indexOf('?');
    String pathOnly = q < 0 ? path : path.substring(0, q);
    String method = req.getMethod().getName();
    if (pathOnly.equals("/services/rest/auth/oauth2/v1/token")) {
      count("token");
      if (!method.equals("POST")) {
        return Reply.error(405, "METHOD_NOT_ALLOWED", "Use POST.", null);
      }
      try {
        return Reply.json(
            200,
            Reply.JSON.valueToTree(
                auth.clientCredentials(
                    req.getBodyAsString(), baseUrl() + "/services/rest/auth/oauth2/v1/token")));
      } catch (SandboxAuth.Rejected e) {
        return new Reply(
            400,
            Map.of("Content-Type", "application/json"),
            Reply.JSON.createObjectNode().put("error", e.code));
      }
    }
    String kind = SandboxApi.kind(pathOnly);
    Semaphore s = slots;
    if (!s.tryAcquire()) {
      count("rejected:429");
      return Reply.error(
          429,
          "CONCURRENCY_LIMIT_EXCEEDED",
          "Concurrent request limit exceeded. Request blocked.",
          null);
    }
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      count(kind);
      if (!latency.isZero()) {
        Thread.sleep(latency.toMillis());
      }
      try {
        auth.authorize(method, baseUrl() + path, req.getHeader("Authorization"));
      } catch (SandboxAuth.Rejected e) {
        return Reply.error(
            401,
            "INVALID_LOGIN",
            "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite"
                + " UI at Setup > Users/Roles > User Management > View Login Audit Trail.",
            null);
      }
      Fault f = nextFault(pathOnly);
      if (f != null) {
        Reply r = Reply.error(f.status(), f.code(), "Injected fault " + f.code() + ".", null);
        if (f.retryAfter() != null) {
          Map<String, String> headers = new java.util.LinkedHashMap<>(r.headers());
          headers.put("Retry-After", Long.toString(f.retryAfter().toSeconds()));
          r = new Reply(r.status(), headers, r.body());
        }
        return r;
      }
      long t0 = System.nanoTime();
      try {
        Reply reply =
            api.handle(
                method,
                pathOnly,
                query(path),
                req.getHeader("Prefer"),
                req.getBodyAsString(),
                baseUrl());
        if (!method.equals("GET") && reply.status() < 300) {
          writes.computeIfAbsent(method + " " + pathOnly, k -> new LongAdder()).increment();
        }
        return reply;
      } finally {
        serverNanos.add(System.nanoTime() - t0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.error(503, "UNEXPECTED_ERROR", "Interrupted.", null);
    } finally {
      inFlight.decrementAndGet();
      s.release();
    }
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new java.util.HashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            java.net.URLDecoder.decode(
                pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private final class Router implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Reply r;
      try {
        r = handle(serveEvent.getRequest());
      } catch (RuntimeException e) {
        r = Reply.error(500, "UNEXPECTED_ERROR", "An unexpected error occurred.", null);
      }
      String method = serveEvent.getRequest().getMethod().getName();
      if (r.status() < 300
          && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
          && !serveEvent.getRequest().getUrl().contains("/suiteql")
          && !serveEvent.getRequest().getUrl().contains("/oauth2/")
          && lostWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)
            .build();
      }
      ResponseDefinitionBuilder b =
          ResponseDefinitionBuilder.responseDefinition().withStatus(r.status());
      r.headers().forEach(b::withHeader);
      if (r.body() != null) {
        b.withBody(r.body().toString());
      }
      return b.build();
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "netsuite-sandbox";
    }
  }
}
