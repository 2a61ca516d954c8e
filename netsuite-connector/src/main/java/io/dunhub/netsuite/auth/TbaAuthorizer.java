package io.dunhub.netsuite.auth;

import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Token-based authentication as an OkHttp interceptor: signs each attempt with OAuth 1.0a
 * HMAC-SHA256 (a fresh nonce and timestamp every time) and puts the realm (the account id in its
 * uppercase form) in the header. It sits in the shared chain's auth slot ({@code
 * HttpClientFactory.auth}), inside the retries. Tokens do not expire, so a 401 is final.
 */
public final class TbaAuthorizer implements Interceptor {

  private static final char[] NONCE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final String realm;
  private final Secret consumerKey;
  private final Secret consumerSecret;
  private final Secret tokenId;
  private final Secret tokenSecret;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TbaAuthorizer(
      String realm,
      Secret consumerKey,
      Secret consumerSecret,
      Secret tokenId,
      Secret tokenSecret,
      Clock clock) {
    this.realm = realm;
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.tokenId = tokenId;
    this.tokenSecret = tokenSecret;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    return chain.proceed(
        request
            .newBuilder()
            .header("Authorization", header(request.method(), request.url().toString()))
            .build());
  }

  /** The {@code Authorization} header for one call. */
  public String header(String method, String url) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("oauth_consumer_key", consumerKey.reveal());
    p.put("oauth_token", tokenId.reveal());
    p.put("oauth_signature_method", TbaSignature.METHOD);
    p.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
    p.put("oauth_nonce", nonce());
    p.put("oauth_version", "1.0");
    String signature = TbaSignature.sign(method, url, p, consumerSecret, tokenSecret);
    StringBuilder h = new StringBuilder("OAuth realm=\"").append(realm).append('"');
    p.forEach(
        (k, v) ->
            h.append(", ").append(k).append("=\"").append(TbaSignature.encode(v)).append('"'));
    h.append(", oauth_signature=\"").append(TbaSignature.encode(signature)).append('"');
    return h.toString();
  }

  private String nonce() {
    char[] c = new char[20];
    for (int i = 0; i < c.length; i++) {
      c[i] = NONCE_CHARS[random.nextInt(NONCE_CHARS.length)];
    }
    return new String(c);
  }
}
