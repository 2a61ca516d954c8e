package io.dunhub.netsuite;

import io.dunhub.core.connector.ConfigProblem;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The settings of a NetSuite connection, declared once and read into typed values. */
public record NetSuiteSettings(
    String connection,
    NetSuiteAccount account,
    String baseUrl,
    AuthMode auth,
    String clientId,
    String certificateId,
    Secret privateKey,
    String algorithm,
    String scope,
    Secret consumerKey,
    Secret consumerSecret,
    Secret tokenId,
    Secret tokenSecret,
    Set<Long> subsidiaries,
    ZoneId timeZone,
    int maxConcurrency,
    Duration connectTimeout,
    Duration readTimeout,
    Duration readLag,
    int prefetchPages) {

  /** How the connection signs in. */
  public enum AuthMode {
    /** OAuth 2.0 client credentials with a certificate-signed JWT (the default). */
    M2M,
    /** Token-based authentication (OAuth 1.0a, HMAC-SHA256), for existing integrations. */
    TBA
  }

  static final ConfigSpec SPEC =
      new ConfigSpec()
          .define(
              "account",
              ConfigSpec.Type.STRING,
              true,
              "account id, either form: 1234567_SB1 or 1234567-sb1")
          .define(
              "baseUrl",
              ConfigSpec.Type.URL,
              false,
              "REST base URL; default https://<account>.suitetalk.api.netsuite.com")
          .define("auth", ConfigSpec.Type.STRING, false, "m2m", "m2m (default) or tba")
          .define(
              "clientId", ConfigSpec.Type.STRING, false, "m2m: the integration record's client id")
          .define(
              "certificateId",
              ConfigSpec.Type.STRING,
              false,
              "m2m: the certificate id shown on the OAuth 2.0 client credentials mapping")
          .define(
              "privateKey",
              ConfigSpec.Type.SECRET,
              false,
              "m2m: the certificate's private key, PKCS#8 PEM (BEGIN PRIVATE KEY)")
          .define("algorithm", ConfigSpec.Type.STRING, false, "PS256", "m2m: PS256 or ES256")
          .define("scope", ConfigSpec.Type.STRING, false, "rest_webservices", "m2m: OAuth scope")
          .define(
              "consumerKey", ConfigSpec.Type.SECRET, false, "tba: the integration's consumer key")
          .define("consumerSecret", ConfigSpec.Type.SECRET, false, "tba: consumer secret")
          .define("tokenId", ConfigSpec.Type.SECRET, false, "tba: access token id")
          .define("tokenSecret", ConfigSpec.Type.SECRET, false, "tba: access token secret")
          .define(
              "subsidiaries",
              ConfigSpec.Type.STRING,
              false,
              "internal ids of the subsidiaries to sync, comma-separated; empty = all")
          .define(
              "timeZone",
              ConfigSpec.Type.STRING,
              false,
              "America/Los_Angeles",
              "the integration user's time zone, in which SuiteQL renders timestamps")
          .define(
              "maxConcurrency",
              ConfigSpec.Type.INT,
              false,
              "5",
              "requests in flight for this account, shared by every worker of the process")
          .define(
              "prefetchPages",
              ConfigSpec.Type.INT,
              false,
              "pages a read fetches ahead in parallel (by offset, checked by totalResults);"
                  + " default maxConcurrency - 1; 0 = off")
          .define("connectTimeoutSeconds", ConfigSpec.Type.INT, false, "10", "connect timeout")
          .define("readTimeoutSeconds", ConfigSpec.Type.INT, false, "60", "read timeout")
          .define(
              "readLagSeconds",
              ConfigSpec.Type.INT,
              false,
              "5",
              "records changed in the last N seconds wait for the next read, so a page never"
                  + " ends inside a second that is still being written");

  /** Every problem with the settings, without I/O. */
  static List<ConfigProblem> validate(ConnectionSettings s) {
    List<ConfigProblem> problems = new ArrayList<>(SPEC.validate(s));
    s.get("account")
        .filter(a -> NetSuiteAccount.parse(a).isEmpty())
        .ifPresent(
            a ->
                problems.add(
                    new ConfigProblem(
                        "account",
                        "'" + a + "' is not an account id (1234567, 1234567_SB1 or 1234567-sb1)")));
    String auth = s.get("auth", "m2m");
    if (auth.equalsIgnoreCase("m2m")) {
      require(s, problems, "clientId", "certificateId", "privateKey");
      String alg = s.get("algorithm", "PS256");
      if (!alg.equals("PS256") && !alg.equals("ES256")) {
        problems.add(new ConfigProblem("algorithm", "must be PS256 or ES256, got '" + alg + "'"));
      }
      s.secret("privateKey")
          .ifPresent(
              k -> {
                try {
                  io.dunhub.netsuite.auth.PemKeys.privateKey(k, alg);
                } catch (IllegalArgumentException e) {
                  problems.add(new ConfigProblem("privateKey", e.getMessage()));
                }
              });
    } else if (auth.equalsIgnoreCase("tba")) {
      require(s, problems, "consumerKey", "consumerSecret", "tokenId", "tokenSecret");
    } else {
      problems.add(new ConfigProblem("auth", "must be m2m or tba, got '" + auth + "'"));
    }
    s.get("subsidiaries")
        .ifPresent(
            v -> {
              for (String part : v.split(",")) {
                if (!part.isBlank() && !part.trim().matches("[0-9]+")) {
                  problems.add(
                      new ConfigProblem(
                          "subsidiaries", "'" + part.trim() + "' is not an internal id"));
                }
              }
            });
    s.get("timeZone")
        .ifPresent(
            z -> {
              try {
                ZoneId.of(z);
              } catch (DateTimeException e) {
                problems.add(new ConfigProblem("timeZone", "unknown time zone '" + z + "'"));
              }
            });
    for (String key : List.of("maxConcurrency", "connectTimeoutSeconds", "readTimeoutSeconds")) {
      s.get(key)
          .filter(v -> v.trim().matches("[0-9]+") && Integer.parseInt(v.trim()) < 1)
          .ifPresent(v -> problems.add(new ConfigProblem(key, "must be at least 1")));
    }
    return problems;
  }

  private static void require(ConnectionSettings s, List<ConfigProblem> problems, String... keys) {
    for (String key : keys) {
      if (!s.has(key)) {
        problems.add(
            new ConfigProblem(key, "is required with auth=" + s.get("auth", "m2m").toLowerCase()));
      }
    }
  }

  /** Reads valid settings (call {@link #validate} first). */
  static NetSuiteSettings of(ConnectionSettings s) {
    NetSuiteAccount account =
        NetSuiteAccount.parse(s.require("account"))
            .orElseThrow(
                () ->
                    new io.dunhub.core.connector.ConfigurationException(
                        s.connection() + ": setting 'account' is not an account id"));
    Set<Long> subsidiaries = new LinkedHashSet<>();
    for (String part : s.get("subsidiaries", "").split(",")) {
      if (!part.isBlank()) {
        subsidiaries.add(Long.parseLong(part.trim()));
      }
    }
    String baseUrl = s.get("baseUrl", account.defaultBaseUrl());
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    return new NetSuiteSettings(
        s.connection(),
        account,
        baseUrl,
        AuthMode.valueOf(s.get("auth", "m2m").toUpperCase(java.util.Locale.ROOT)),
        s.get("clientId", null),
        s.get("certificateId", null),
        s.secret("privateKey").orElse(null),
        s.get("algorithm", "PS256"),
        s.get("scope", "rest_webservices"),
        s.secret("consumerKey").orElse(null),
        s.secret("consumerSecret").orElse(null),
        s.secret("tokenId").orElse(null),
        s.secret("tokenSecret").orElse(null),
        Set.copyOf(subsidiaries),
        ZoneId.of(s.get("timeZone", "America/Los_Angeles")),
        s.getInt("maxConcurrency", 5),
        Duration.ofSeconds(s.getInt("connectTimeoutSeconds", 10)),
        Duration.ofSeconds(s.getInt("readTimeoutSeconds", 60)),
        Duration.ofSeconds(s.getInt("readLagSeconds", 5)),
        s.getInt("prefetchPages", Math.max(0, s.getInt("maxConcurrency", 5) - 1)));
  }

  /** The token endpoint, which is also the JWT's audience. */
  public String tokenUrl() {
    return baseUrl + "/services/rest/auth/oauth2/v1/token";
  }
}
