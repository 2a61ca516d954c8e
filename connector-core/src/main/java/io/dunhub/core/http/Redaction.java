package io.dunhub.core.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** Makes URLs safe to log: secret query parameters masked, or the query dropped. */
public final class Redaction {

  /** Query parameters whose values are masked in logs (compared case-insensitively). */
  public static final Set<String> SECRET_PARAMS =
      Set.of(
          "access_token",
          "refresh_token",
          "id_token",
          "token",
          "client_secret",
          "client_assertion",
          "assertion",
          "code",
          "password",
          "pwd",
          "secret",
          "api_key",
          "apikey",
          "key",
          "sig",
          "signature",
          "session_id",
          "sessionid");

  static final String MASK = "****";

  private Redaction() {}

  /** The URL with the values of secret parameters (the defaults plus {@code extra}) masked. */
  public static String maskQuery(HttpUrl url, Set<String> extra) {
    if (url.querySize() == 0) {
      return url.toString();
    }
    HttpUrl.Builder b = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      boolean secret = isSecret(name, extra);
      b.addQueryParameter(name, value == null ? null : secret ? MASK : value);
    }
    return b.build().toString();
  }

  /** Scheme, host, port and path only. */
  public static String withoutQuery(HttpUrl url) {
    return url.newBuilder().query(null).fragment(null).build().toString();
  }

  private static boolean isSecret(String name, Set<String> extra) {
    String n = name.toLowerCase(Locale.ROOT);
    if (SECRET_PARAMS.contains(n)) {
      return true;
    }
    for (String e : extra) {
      if (e.equalsIgnoreCase(n)) {
        return true;
      }
    }
    return false;
  }
}
