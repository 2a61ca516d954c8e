package io.dunhub.quickbooks;

import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings of one QuickBooks Online connection (one realm), read once from the hub's config.
 *
 * @param baseUrl the accounting API base ({@code https://quickbooks.api.intuit.com/v3/company})
 * @param proxyHost an HTTP proxy for the SDK, or null; also how a local sandbox is reached, since
 *     the SDK drops the port of its base URL
 */
public record QuickBooksSettings(
    String connection,
    String realmId,
    String clientId,
    Secret clientSecret,
    String baseUrl,
    String tokenUrl,
    String proxyHost,
    int proxyPort,
    int minorVersion,
    Duration connectTimeout,
    Duration readTimeout,
    boolean privateNoteEnabled,
    Duration throttleBackoff,
    int requestsPerMinute,
    int maxConcurrent,
    Optional<Secret> webhookVerifierToken) {

  public static final String REALM_ID = "realmId";
  public static final String CLIENT_ID = "clientId";
  public static final String CLIENT_SECRET = "clientSecret";
  public static final String BASE_URL = "baseUrl";
  public static final String TOKEN_URL = "tokenUrl";
  public static final String PROXY_HOST = "proxyHost";
  public static final String PROXY_PORT = "proxyPort";
  public static final String MINOR_VERSION = "minorVersion";
  public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
  public static final String READ_TIMEOUT_MS = "readTimeoutMs";
  public static final String PRIVATE_NOTE = "privateNote.enabled";
  public static final String THROTTLE_BACKOFF_S = "throttleBackoffSeconds";
  public static final String REQUESTS_PER_MINUTE = "requestsPerMinute";
  public static final String MAX_CONCURRENT = "maxConcurrent";
  public static final String WEBHOOK_VERIFIER = "webhookVerifierToken";

  static final String PRODUCTION_BASE = "https://quickbooks.api.intuit.com/v3/company";
  static final String PRODUCTION_TOKEN =
      "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer";

  /** The declared settings. */
  static ConfigSpec spec() {
    return new ConfigSpec()
        .define(REALM_ID, ConfigSpec.Type.STRING, true, "the QuickBooks company (realm) id")
        .define(CLIENT_ID, ConfigSpec.Type.STRING, true, "the Intuit app's client id")
        .define(CLIENT_SECRET, ConfigSpec.Type.SECRET, true, "the Intuit app's client secret")
        .define(BASE_URL, ConfigSpec.Type.URL, false, PRODUCTION_BASE, "accounting API base URL")
        .define(TOKEN_URL, ConfigSpec.Type.URL, false, PRODUCTION_TOKEN, "OAuth token endpoint")
        .define(PROXY_HOST, ConfigSpec.Type.STRING, false, "HTTP proxy host for API calls")
        .define(PROXY_PORT, ConfigSpec.Type.INT, false, "HTTP proxy port for API calls")
        .define(MINOR_VERSION, ConfigSpec.Type.INT, false, "75", "API minor version (>= 75)")
        .define(CONNECT_TIMEOUT_MS, ConfigSpec.Type.INT, false, "10000", "connect timeout (ms)")
        .define(READ_TIMEOUT_MS, ConfigSpec.Type.INT, false, "60000", "read timeout (ms)")
        .define(
            PRIVATE_NOTE,
            ConfigSpec.Type.BOOLEAN,
            false,
            "false",
            "also append dunning activity to the invoice's PrivateNote (bumps its SyncToken)")
        .define(
            THROTTLE_BACKOFF_S,
            ConfigSpec.Type.INT,
            false,
            "60",
            "how long to hold back after a 429 (Intuit asks for 60 s)")
        .define(REQUESTS_PER_MINUTE, ConfigSpec.Type.INT, false, "500", "requests a minute")
        .define(MAX_CONCURRENT, ConfigSpec.Type.INT, false, "10", "requests in flight at once")
        .define(
            WEBHOOK_VERIFIER,
            ConfigSpec.Type.SECRET,
            false,
            "the app's webhook verifier token (checks intuit-signature)");
  }

  /** Reads validated settings. */
  static QuickBooksSettings from(ConnectionSettings s) {
    return new QuickBooksSettings(
        s.connection(),
        s.require(REALM_ID).trim(),
        s.require(CLIENT_ID).trim(),
        s.requireSecret(CLIENT_SECRET),
        stripSlash(s.get(BASE_URL, PRODUCTION_BASE)),
        s.get(TOKEN_URL, PRODUCTION_TOKEN),
        s.get(PROXY_HOST).filter(h -> !h.isBlank()).orElse(null),
        s.getInt(PROXY_PORT, 0),
        s.getInt(MINOR_VERSION, 75),
        Duration.ofMillis(s.getInt(CONNECT_TIMEOUT_MS, 10_000)),
        Duration.ofMillis(s.getInt(READ_TIMEOUT_MS, 60_000)),
        s.getBoolean(PRIVATE_NOTE, false),
        Duration.ofSeconds(s.getInt(THROTTLE_BACKOFF_S, 60)),
        s.getInt(REQUESTS_PER_MINUTE, 500),
        s.getInt(MAX_CONCURRENT, 10),
        s.secret(WEBHOOK_VERIFIER));
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
