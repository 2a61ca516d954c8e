package io.dunhub.salesforce.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.secret.Secret;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The OAuth 2.0 JWT bearer flow: signs a short-lived RS256 assertion ({@code iss} = client id,
 * {@code sub} = username, {@code aud} = login URL, {@code exp} = now + 3 minutes) with the app's
 * private key and trades it for an access token. There is no refresh token: a new assertion is
 * signed whenever a session is needed.
 */
public final class JwtBearerAuthenticator implements Authenticator {
  private final OAuthTokenEndpoint endpoint;
  private final String loginUrl;
  private final String clientId;
  private final String username;
  private final PrivateKey key;
  private final Clock clock;

  public JwtBearerAuthenticator(
      okhttp3.OkHttpClient http,
      String loginUrl,
      String clientId,
      String username,
      Secret privateKeyPem,
      Clock clock,
      String connection) {
    this.endpoint = new OAuthTokenEndpoint(http, loginUrl, connection);
    this.loginUrl =
        loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
    this.clientId = clientId;
    this.username = username;
    this.key = parse(privateKeyPem, connection);
    this.clock = clock;
  }

  @Override
  public SalesforceSession login() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(username)
            .audience(loginUrl)
            .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(3))))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new ConfigurationException("cannot sign the JWT assertion: " + e.getMessage(), e);
    }
    return endpoint.grant(
        Map.of(
            "grant_type",
            "urn:ietf:params:oauth:grant-type:jwt-bearer",
            "assertion",
            jwt.serialize()));
  }

  /** Reads a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) RSA key. */
  static PrivateKey parse(Secret pem, String connection) {
    String text = pem.reveal();
    if (text.contains("BEGIN RSA PRIVATE KEY")) {
      throw new ConfigurationException(
          connection
              + ": the private key is in PKCS#1 form; convert it with"
              + " `openssl pkcs8 -topk8 -nocrypt -in server.key -out server.pk8.pem`");
    }
    String body =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (Exception e) {
      throw new ConfigurationException(
          connection + ": the private key is not a PKCS#8 PEM RSA key", e);
    }
  }
}
