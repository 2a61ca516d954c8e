package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.http.ConnectionThrottle;
import io.dunhub.core.http.ConnectionThrottles;
import io.dunhub.core.http.Retrier;
import io.dunhub.core.http.RetryPolicy;
import io.dunhub.core.http.Sleeper;
import io.dunhub.netsuite.auth.Authorizer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntPredicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Every REST and SuiteQL call of a connection goes through here: under the account's concurrency
 * cap (one per account, shared by every worker and connection of the process), with explicit
 * timeouts, credentials from the {@link Authorizer} (one renewal and retry on a 401 with an expired
 * OAuth token), retries with jittered backoff on 429 and 5xx, and errors mapped by {@link
 * NetSuiteErrors}.
 */
public final class NetSuiteHttp {

  private static final MediaType JSON = MediaType.get("application/json");

  /** A reply the caller accepted. */
  public record Reply(int status, String body, String location) {}

  private final String connection;
  private final String baseUrl;
  private final OkHttpClient http;
  private final Authorizer authorizer;
  private final Retrier retrier;

  public NetSuiteHttp(
      String connection,
      String realm,
      String baseUrl,
      OkHttpClient http,
      Authorizer authorizer,
      int maxConcurrency,
      Clock clock) {
    this(
        connection,
        baseUrl,
        http,
        authorizer,
        throttle(realm, maxConcurrency, clock),
        RetryPolicy.defaults(),
        clock);
  }

  NetSuiteHttp(
      String connection,
      String baseUrl,
      OkHttpClient http,
      Authorizer authorizer,
      ConnectionThrottle throttle,
      RetryPolicy policy,
      Clock clock) {
    this.connection = connection;
    this.baseUrl = baseUrl;
    this.http = http;
    this.authorizer = authorizer;
    this.retrier = new Retrier(policy, throttle, clock, Sleeper.forClock(clock));
  }

  /** The account's throttle: the concurrency cap is per account, not per connection. */
  static ConnectionThrottle throttle(String realm, int maxConcurrency, Clock clock) {
    return ConnectionThrottles.shared()
        .forConnection(
            "netsuite:" + realm,
            new RateLimit(100_000, Duration.ofMinutes(1), maxConcurrency),
            clock,
            Sleeper.forClock(clock));
  }

  /**
   * Calls NetSuite and returns the reply when {@code accept} takes its status; any other status
   * becomes the taxonomy's exception.
   *
   * @param what what the call does, for messages ("read invoice", "write note eid:…")
   * @param prefer the {@code Prefer} header, or null
   */
  public Reply call(
      String method,
      String pathAndQuery,
      JsonNode body,
      String prefer,
      IntPredicate accept,
      String what) {
    String url = baseUrl + pathAndQuery;
    String where = connection + ": " + what;
    return retrier.call(() -> once(method, url, body, prefer, accept, where));
  }

  private Reply once(
      String method, String url, JsonNode body, String prefer, IntPredicate accept, String where) {
    boolean renewed = false;
    while (true) {
      String authorization = authorizer.header(method, url);
      Request.Builder b =
          new Request.Builder()
              .url(url)
              .header("Authorization", authorization)
              .header("Accept", "application/json");
      if (prefer != null) {
        b.header("Prefer", prefer);
      }
      b.method(method, body == null ? null : RequestBody.create(body.toString(), JSON));
      try (Response response = http.newCall(b.build()).execute()) {
        String text = response.body() == null ? "" : response.body().string();
        if (accept.test(response.code())) {
          return new Reply(response.code(), text, response.header("Location"));
        }
        if (response.code() == 401 && !renewed && authorizer.renewAfterRejection(authorization)) {
          renewed = true;
          continue;
        }
        throw NetSuiteErrors.map(response.code(), text, response.header("Retry-After"), where);
      } catch (IOException e) {
        throw NetSuiteErrors.transport(e, where);
      }
    }
  }

  /** Derives the connection's client from the process-wide one, with explicit timeouts. */
  public static OkHttpClient client(
      OkHttpClient shared, Duration connectTimeout, Duration readTimeout) {
    return shared
        .newBuilder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .callTimeout(readTimeout.plus(connectTimeout).plusSeconds(5))
        .build();
  }
}
