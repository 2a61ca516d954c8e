package io.dunhub.netsuite.auth;

import io.dunhub.core.secret.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NetSuite token-based authentication: an OAuth 1.0a signature with HMAC-SHA256 (RFC 5849 base
 * string: method, normalized URL, sorted parameters including the query's; the realm and the body
 * are not signed; the key is {@code consumerSecret&tokenSecret}). The connector signs with it and
 * the sandbox verifies with it; Oracle's published test vector pins it down.
 */
public final class TbaSignature {

  /** The signature method NetSuite accepts (HMAC-SHA1 is no longer accepted). */
  public static final String METHOD = "HMAC-SHA256";

  private TbaSignature() {}

  /**
   * The Base64 signature of one request.
   *
   * @param oauthParams the {@code oauth_*} parameters except {@code oauth_signature} and realm
   */
  public static String sign(
      String httpMethod,
      String url,
      Map<String, String> oauthParams,
      Secret consumerSecret,
      Secret tokenSecret) {
    String base = baseString(httpMethod, url, oauthParams);
    String key = encode(consumerSecret.reveal()) + "&" + encode(tokenSecret.reveal());
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The RFC 5849 signature base string. */
  public static String baseString(String httpMethod, String url, Map<String, String> oauthParams) {
    URI uri = URI.create(url);
    List<String[]> params = new ArrayList<>();
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.add(new String[] {encode(decode(name)), encode(decode(value))});
      }
    }
    oauthParams.forEach(
        (name, value) -> {
          if (!name.equals("oauth_signature") && !name.equals("realm")) {
            params.add(new String[] {encode(name), encode(value)});
          }
        });
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder normalized = new StringBuilder();
    for (String[] p : params) {
      if (normalized.length() > 0) {
        normalized.append('&');
      }
      normalized.append(p[0]).append('=').append(p[1]);
    }
    return httpMethod.toUpperCase(Locale.ROOT)
        + "&"
        + encode(normalizedUrl(uri))
        + "&"
        + encode(normalized.toString());
  }

  private static String normalizedUrl(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
  }

  /** RFC 3986 percent-encoding: unreserved characters stay, everything else is encoded. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
