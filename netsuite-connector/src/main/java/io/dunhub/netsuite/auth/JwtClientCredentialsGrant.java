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
import io.dunhub.core.auth.TokenGrant;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.CallOptions;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OAuth 2.0 client credentials (machine to machine) as a {@link TokenGrant}: signs a JWT assertion
 * with the certificate's private key (PS256 or ES256, {@code kid} = certificate id, {@code aud} =
 * the token URL, {@code exp} well inside NetSuite's hour) and trades it for an access token. There
 * is no refresh token: every grant signs a new assertion. The shared {@code
 * SingleFlightTokenRefresher} decides when (once per process and cluster at a time, ahead of
 * expiry, after a 401) and keeps the token in the hub's token store.
 *
 * <p>The token call goes through the shared plumbing (throttle, logging, retries: an assertion is
 * single-use but a new one is signed for every grant, and the grant rotates nothing, so a repeated
 * call is harmless).
 */
public final class JwtClientCredentialsGrant implements TokenGrant {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  private final String connection;
  private final String tokenUrl;
  private final String clientId;
  private final String certificateId;
  private final JWSAlgorithm algorithm;
  private final List<String> scopes;
  private final JWSSigner signer;
  private final OkHttpClient http;
  private final Clock clock;

  /**
   * @param http the connection's client without OAuth (the token endpoint's own)
   * @throws ConfigurationException when the key cannot sign with {@code algorithm}
   */
  public JwtClientCredentialsGrant(
      String connection,
      String tokenUrl,
      String clientId,
      String certificateId,
      String algorithm,
      String scope,
      Secret privateKeyPem,
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
    this.http = http;
    this.clock = clock;
  }

  @Override
  public OAuthToken refresh(OAuthToken current) {
    Instant now = clock.instant();
    Request request =
        CallOptions.none()
            .markRetryable()
            .about("get an access token")
            .passing(400, 401)
            .applyTo(
                new Request.Builder()
                    .url(tokenUrl)
                    .post(
                        new FormBody.Builder()
                            .add("grant_type", "client_credentials")
                            .add(
                                "client_assertion_type",
                                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                            .add("client_assertion", assertion(now))
                            .build()))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body() == null ? "" : response.body().string();
      JsonNode n = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
      String access = n.path("access_token").asText(null);
      if (!response.isSuccessful() || access == null) {
        String error = n.path("error").asText("HTTP " + response.code());
        throw new AuthenticationException(
            connection
                + ": NetSuite's token endpoint refused the client credentials ("
                + error
                + "); check clientId, certificateId, the private key and that the certificate is"
                + " mapped to the integration, entity and role",
            error,
            null);
      }
      long expiresIn = Long.parseLong(n.path("expires_in").asText("3600").trim());
      return new OAuthToken(Secret.of(access), null, now.plusSeconds(expiresIn));
    } catch (IOException e) {
      throw new RetryableException(connection + ": get an access token: unreadable reply", e);
    }
  }

  private String assertion(Instant now) {
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
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new ConfigurationException(connection + ": could not sign the JWT assertion", e);
    }
  }
}
