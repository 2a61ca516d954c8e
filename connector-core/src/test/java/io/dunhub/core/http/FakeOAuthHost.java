package io.dunhub.core.http;

import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A host for {@code MockWebServer} that accepts only its current access token and rotates the
 * refresh token on every grant at {@code /oauth2/token} (as QuickBooks does): the old refresh token
 * stops working.
 */
final class FakeOAuthHost extends Dispatcher {

  static final String CLIENT_SECRET = "client-secret-never-logged";

  private final AtomicInteger grants = new AtomicInteger();
  private final AtomicInteger apiCalls = new AtomicInteger();
  private volatile String access;
  private volatile String refresh;
  private volatile boolean refuseEverything;

  FakeOAuthHost(String access, String refresh) {
    this.access = access;
    this.refresh = refresh;
  }

  static String access(int n) {
    return "access-token-secret-" + n;
  }

  static String refresh(int n) {
    return "refresh-token-secret-" + n;
  }

  /** The host forgets the access token in use (it expired on its side). */
  synchronized void expireAccessToken() {
    access = "none";
  }

  void refuseEverything() {
    refuseEverything = true;
  }

  int grants() {
    return grants.get();
  }

  int apiCalls() {
    return apiCalls.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getPath().startsWith("/oauth2/token")) {
      return grant(request);
    }
    apiCalls.incrementAndGet();
    if (!refuseEverything && ("Bearer " + access).equals(request.getHeader("Authorization"))) {
      return new MockResponse().setBody("{\"QueryResponse\":{}}");
    }
    return new MockResponse()
        .setResponseCode(401)
        .setBody("{\"fault\":{\"error\":[{\"message\":\"AuthenticationFailed\"}]}}");
  }

  private synchronized MockResponse grant(RecordedRequest request) {
    String form = request.getBody().readUtf8();
    boolean clientOk =
        request.getHeader("Authorization") != null
            && request.getHeader("Authorization").startsWith("Basic ");
    if (!clientOk || !form.contains("refresh_token=" + refresh)) {
      return new MockResponse()
          .setResponseCode(400)
          .setBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token invalid\"}");
    }
    int n = grants.incrementAndGet();
    access = access(n);
    refresh = refresh(n);
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"token_type\":\"bearer\",\"access_token\":\""
                + access
                + "\",\"refresh_token\":\""
                + refresh
                + "\",\"expires_in\":3600,\"x_refresh_token_expires_in\":8726400}");
  }
}
