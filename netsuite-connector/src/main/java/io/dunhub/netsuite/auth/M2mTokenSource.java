package io.dunhub.netsuite.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.secret.Secret;
import io.dunhub.netsuite.internal.NetSuiteErrors;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OAuth 2.0 client credentials (machine to machine): signs a JWT assertion with the certificate's
 * private key (PS256 or ES256, {@code kid} = certificate id, {@code aud} = the token URL, {@code
 * exp} well inside NetSuite's hour) and trades it for an access token. There is no refresh token; a
 * new assertion is signed each time.
 *
 * <p>Tokens live in the hub's {@link TokenStore}, shared by every process: a process takes the
 * stored token while it is valid, and replaces it only with a version-checked update, so a cluster
 * mints one token at a time per connection (single flight within a process, too).
 */
public final class M2mTokenSource implements Authorizer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MARGIN = Duration.ofMinutes(2);
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  private final String connection;
  private final String tokenUrl;
  private final String clientId;
  private final String certificateId;
  private final JWSAlgorithm algorithm;
  private final List<String> scopes;
  private final JWSSigner signer;
  private final TokenStore store;
  private final OkHttpClient http;
  private final Clock clock;

  public M2mTokenSource(
      String connection,
      String tokenUrl,
      String clientId,
      String certificateId,
      String algorithm,
      String scope,
      Secret privateKeyPem,
      TokenStore store,
      OkHttpClient http,
      Clock clock) {
    this.connection = connection;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.certificateId = certificateId;
    this.algorithm = JWSAlgorithm.parse(algorithm);
    this.scopes = List.of(scope.split("[,\\s]+"));
    PrivateKey key;
    try {
      key = PemKeys.privateKey(privateKeyPem, algorithm);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(connection + ": privateKey " + e.getMessage());
    }
    try {
      this.signer = key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new ConfigurationException(connection + ": privateKey cannot sign " + algorithm, e);
    }
    this.store = store;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String header(String method, String url) {
    return "Bearer " + current().reveal();
  }

  @Override
  public synchronized boolean renewAfterRejection(String header) {
    String rejected = header.substring("Bearer ".length());
    Optional<StoredToken> stored = store.load(connection);
    if (stored.isPresent()
        && !stored.get().token().accessToken().reveal().equals(rejected)
        && !stored.get().token().expiresWithin(MARGIN, clock)) {
      return true; // another worker or process already renewed it
    }
    mint(stored.map(StoredToken::version).orElse(0L));
    return true;
  }

  /** A valid access token: the stored one, or a new one. */
  public synchronized Secret current() {
    Optional<StoredToken> stored = store.load(connection);
    if (stored.isPresent() && !stored.get().token().expiresWithin(MARGIN, clock)) {
      return stored.get().token().accessToken();
    }
    return mint(stored.map(StoredToken::version).orElse(0L));
  }

  private Secret mint(long expectedVersion) {
    OAuthToken token = requestToken();
    if (!store.compareAndSet(connection, expectedVersion, token)) {
      // another process stored a token first: use theirs if it is good
      Optional<StoredToken> now = store.load(connection);
      if (now.isPresent() && !now.get().token().expiresWithin(MARGIN, clock)) {
        return now.get().token().accessToken();
      }
    }
    return token.accessToken();
  }

  private OAuthToken requestToken() {
    Instant now = clock.instant();
    String assertion;
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(algorithm)
                  .keyID(certificateId)
                  .type(JOSEObjectType.JWT)
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer(clientId)
                  .audience(tokenUrl)
                  .claim("scope", scopes)
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                  .jwtID(UUID.randomUUID().toString())
                  .build());
      jwt.sign(signer);
      assertion = jwt.serialize();
    } catch (JOSEException e) {
      throw new ConfigurationException(connection + ": could not sign the JWT assertion", e);
    }
    Request request =
        new Request.Builder()
            .url(tokenUrl)
            .post(
                new FormBody.Builder()
                    .add("grant_type", "client_credentials")
                    .add(
                        "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .add("client_assertion", assertion)
                    .build())
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        throw NetSuiteErrors.tokenRefused(response.code(), body, connection);
      }
      JsonNode n = JSON.readTree(body);
      String access = n.path("access_token").asText(null);
      if (access == null) {
        throw NetSuiteErrors.tokenRefused(response.code(), body, connection);
      }
      long expiresIn = Long.parseLong(n.path("expires_in").asText("3600").trim());
      return new OAuthToken(Secret.of(access), null, now.plusSeconds(expiresIn));
    } catch (IOException e) {
      throw NetSuiteErrors.transport(e, connection + ": get an access token");
    }
  }
}
