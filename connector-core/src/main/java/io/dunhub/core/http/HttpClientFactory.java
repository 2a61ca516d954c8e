package io.dunhub.core.http;

import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the HTTP client of one connection from the process-wide {@link OkHttpClient} ({@code
 * newBuilder()}, so every connection shares its pool and dispatcher), with the plumbing composed
 * once, outermost first:
 *
 * <ol>
 *   <li>{@link ErrorMappingInterceptor}: failures become the taxonomy's exceptions;
 *   <li>{@link RetryInterceptor}: jittered backoff for retryable failures of safe requests;
 *   <li>{@link OAuthInterceptor} (when a refresher is given): bearer token, 401 → refresh → retry;
 *       or the connector's own request signer ({@link #auth});
 *   <li>{@link RateLimitInterceptor}: the connection's token bucket, concurrency cap and pause;
 *   <li>{@link RedactingLoggingInterceptor}: one redacted line per attempt.
 * </ol>
 *
 * <pre>{@code
 * OkHttpClient http = HttpClientFactory.forConnection(context)
 *     .rateLimit(capabilities().rateLimit())
 *     .errors(new QuickBooksErrorExtractor())
 *     .oauth(refresher)
 *     .build();
 * }</pre>
 */
public final class HttpClientFactory {

  private final OkHttpClient processClient;
  private final String connection;
  private final Clock clock;
  private Sleeper sleeper;
  private RateLimit rateLimit = RateLimit.unlimited();
  private RetryPolicy retry = RetryPolicy.defaults();
  private HostErrorExtractor errors = new JsonHostErrorExtractor();
  private SingleFlightTokenRefresher oauth;
  private Interceptor auth;
  private String throttleKey;
  private ConnectionThrottles throttles = ConnectionThrottles.shared();
  private Set<String> secretParams = Set.of();
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private Duration writeTimeout = Duration.ofSeconds(60);
  private Duration callTimeout = Duration.ofMinutes(3);

  private HttpClientFactory(OkHttpClient processClient, String connection, Clock clock) {
    this.processClient = Objects.requireNonNull(processClient, "processClient");
    this.connection = Objects.requireNonNull(connection, "connection");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Sleeper.forClock(clock);
  }

  /** A factory for the connection of {@code context}: its name, clock and the process client. */
  public static HttpClientFactory forConnection(ConnectionContext context) {
    return new HttpClientFactory(context.http(), context.settings().connection(), context.clock());
  }

  public static HttpClientFactory forConnection(
      OkHttpClient processClient, String connection, Clock clock) {
    return new HttpClientFactory(processClient, connection, clock);
  }

  /**
   * The one client a hub process creates and shares: a pool of 20 idle connections kept 5 minutes,
   * no interceptors of its own.
   */
  public static OkHttpClient processClient() {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(20, 5, TimeUnit.MINUTES))
        .build();
  }

  public HttpClientFactory rateLimit(RateLimit limit) {
    this.rateLimit = Objects.requireNonNull(limit, "limit");
    return this;
  }

  public HttpClientFactory retry(RetryPolicy policy) {
    this.retry = Objects.requireNonNull(policy, "policy");
    return this;
  }

  public HttpClientFactory errors(HostErrorExtractor extractor) {
    this.errors = Objects.requireNonNull(extractor, "extractor");
    return this;
  }

  /** Signs requests with the connection's OAuth token and refreshes it on 401. */
  public HttpClientFactory oauth(SingleFlightTokenRefresher refresher) {
    this.oauth = refresher;
    return this;
  }

  /**
   * Puts credentials on each attempt with {@code signer} instead of an OAuth bearer token: for
   * hosts that sign every request (OAuth 1.0a, as NetSuite's token-based authentication). It sits
   * where {@link OAuthInterceptor} would, inside the retries, so every attempt is signed afresh (a
   * new nonce and timestamp), and a 401 it lets through becomes an {@code AuthenticationException}.
   */
  public HttpClientFactory auth(Interceptor signer) {
    this.auth = signer;
    return this;
  }

  /**
   * The name the throttle is shared under; the connection's name by default. Connections that draw
   * on one host budget (several connections to one NetSuite account, whose concurrency limit is per
   * account) name the same key, so every worker of all of them shares one cap.
   */
  public HttpClientFactory throttleKey(String key) {
    this.throttleKey = Objects.requireNonNull(key, "key");
    return this;
  }

  public HttpClientFactory sleeper(Sleeper newSleeper) {
    this.sleeper = Objects.requireNonNull(newSleeper, "sleeper");
    return this;
  }

  /** The registry the connection's throttle lives in; {@link ConnectionThrottles#shared()}. */
  public HttpClientFactory throttles(ConnectionThrottles registry) {
    this.throttles = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** Query parameters to mask in logs besides {@link Redaction#SECRET_PARAMS}. */
  public HttpClientFactory secretParams(Set<String> names) {
    this.secretParams = Set.copyOf(names);
    return this;
  }

  /**
   * @param call bounds one call with all its retries and waits; keep it above the retry budget
   */
  public HttpClientFactory timeouts(
      Duration connect, Duration read, Duration write, Duration call) {
    this.connectTimeout = Objects.requireNonNull(connect, "connect");
    this.readTimeout = Objects.requireNonNull(read, "read");
    this.writeTimeout = Objects.requireNonNull(write, "write");
    this.callTimeout = Objects.requireNonNull(call, "call");
    return this;
  }

  /** The throttle this factory's clients use. */
  public ConnectionThrottle throttle() {
    if (throttleKey != null) {
      throttles.alias(connection, throttleKey);
    }
    return throttles.forConnection(
        throttleKey == null ? connection : throttleKey, rateLimit, clock, sleeper);
  }

  public OkHttpClient build() {
    OkHttpClient.Builder b =
        processClient
            .newBuilder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(writeTimeout)
            .callTimeout(callTimeout);
    // the process client's own interceptors (metrics, tracing) stay; ours are never stacked twice
    Interceptor signer = auth;
    b.interceptors()
        .removeIf(
            i ->
                i == signer
                    || i instanceof ErrorMappingInterceptor
                    || i instanceof RetryInterceptor
                    || i instanceof OAuthInterceptor
                    || i instanceof RateLimitInterceptor
                    || i instanceof RedactingLoggingInterceptor);
    b.addInterceptor(new ErrorMappingInterceptor(new HttpErrorMapper(connection, errors, clock)));
    b.addInterceptor(new RetryInterceptor(retry, clock, sleeper));
    if (oauth != null && auth != null) {
      throw new IllegalStateException(
          connection + ": an OAuth token or a request signer, not both");
    }
    if (oauth != null) {
      b.addInterceptor(new OAuthInterceptor(oauth));
    }
    if (auth != null) {
      b.addInterceptor(auth);
    }
    b.addInterceptor(new RateLimitInterceptor(throttle(), clock));
    b.addInterceptor(new RedactingLoggingInterceptor(connection, clock, secretParams));
    return b.build();
  }
}
