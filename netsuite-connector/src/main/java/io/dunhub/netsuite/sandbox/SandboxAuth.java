package io.dunhub.netsuite.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dunhub.core.secret.Secret;
import io.dunhub.netsuite.auth.TbaSignature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's two ways in: OAuth 2.0 client credentials with a JWT assertion checked against the
 * registered certificate's public key, and token-based authentication checked with the same HMAC
 * algorithm NetSuite uses.
 */
final class SandboxAuth {

  /** A rejected login with NetSuite's code and a reason for the sandbox's own log. */
  static final class Rejected extends Exception {
    final String code;

    Rejected(String code, String reason) {
      super(reason);
      this.code = code;
    }
  }

  private record Certificate(String clientId, JWK publicKey, Set<String> scopes) {}

  private record TbaCredentials(Secret consumerSecret, String tokenId, Secret tokenSecret) {}

  private final Clock clock;
  private final String realm;
  private final Map<String, Certificate> certificates = new ConcurrentHashMap<>();
  private final Map<String, TbaCredentials> consumers = new ConcurrentHashMap<>();
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> nonces = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private volatile Duration tokenLifetime = Duration.ofHours(1);

  SandboxAuth(Clock clock, String realm) {
    this.clock = clock;
    this.realm = realm;
  }

  void registerCertificate(String certificateId, String clientId, JWK publicKey) {
    certificates.put(
        certificateId,
        new Certificate(clientId, publicKey.toPublicJWK(), Set.of("rest_webservices")));
  }

  void registerTba(String consumerKey, Secret consumerSecret, String tokenId, Secret tokenSecret) {
    consumers.put(consumerKey, new TbaCredentials(consumerSecret, tokenId, tokenSecret));
  }

  void tokenLifetime(Duration lifetime) {
    this.tokenLifetime = lifetime;
  }

  void revokeAccessTokens() {
    accessTokens.clear();
  }

  /** Checks a client-credentials request and mints an access token. */
  Map<String, String> clientCredentials(String formBody, String tokenUrl) throws Rejected {
    Map<String, String> form = parseForm(formBody);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      throw new Rejected("unsupported_grant_type", "grant_type " + form.get("grant_type"));
    }
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        .equals(form.get("client_assertion_type"))) {
      throw new Rejected(
          "invalid_request", "client_assertion_type " + form.get("client_assertion_type"));
    }
    String assertion = form.get("client_assertion");
    if (assertion == null) {
      throw new Rejected("invalid_request", "no client_assertion");
    }
    try {
      SignedJWT jwt = SignedJWT.parse(assertion);
      JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
      if (!Set.of(
              JWSAlgorithm.PS256,
              JWSAlgorithm.PS384,
              JWSAlgorithm.PS512,
              JWSAlgorithm.ES256,
              JWSAlgorithm.ES384,
              JWSAlgorithm.ES512)
          .contains(alg)) {
        throw new Rejected("invalid_request", "algorithm " + alg + " is not accepted");
      }
      Certificate cert = certificates.get(String.valueOf(jwt.getHeader().getKeyID()));
      if (cert == null) {
        throw new Rejected(
            "invalid_client", "unknown certificate id " + jwt.getHeader().getKeyID());
      }
      JWSVerifier verifier =
          cert.publicKey() instanceof RSAKey rsa
              ? new RSASSAVerifier(rsa)
              : new ECDSAVerifier((ECKey) cert.publicKey());
      if (!jwt.verify(verifier)) {
        throw new Rejected("invalid_client", "signature does not match the certificate");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!cert.clientId().equals(claims.getIssuer())) {
        throw new Rejected(
            "invalid_client", "iss " + claims.getIssuer() + " is not the certificate's client");
      }
      if (claims.getAudience() == null || !claims.getAudience().contains(tokenUrl)) {
        throw new Rejected(
            "invalid_request", "aud " + claims.getAudience() + " is not " + tokenUrl);
      }
      Instant now = clock.instant();
      if (claims.getExpirationTime() == null
          || claims.getExpirationTime().toInstant().isBefore(now)
          || claims.getIssueTime() == null
          || Duration.between(
                      claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())
                  .compareTo(Duration.ofHours(1))
              > 0) {
        throw new Rejected(
            "invalid_request", "exp must be in the future and at most an hour after iat");
      }
      Object scope = claims.getClaim("scope");
      String scopes =
          scope instanceof java.util.List<?> l
              ? String.join(",", l.stream().map(String::valueOf).toList())
              : String.valueOf(scope);
      if (!scopes.contains("rest_webservices")) {
        throw new Rejected("invalid_scope", "scope " + scopes);
      }
    } catch (ParseException | JOSEException e) {
      throw new Rejected("invalid_request", "unreadable assertion: " + e.getMessage());
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = "sbx." + HexFormat.of().formatHex(bytes);
    accessTokens.put(token, clock.instant().plus(tokenLifetime));
    Map<String, String> reply = new LinkedHashMap<>();
    reply.put("access_token", token);
    reply.put("expires_in", Long.toString(tokenLifetime.toSeconds()));
    reply.put("token_type", "bearer");
    return reply;
  }

  /** Checks an {@code Authorization} header of a REST call. */
  void authorize(String method, String absoluteUrl, String header) throws Rejected {
    if (header == null) {
      throw new Rejected("INVALID_LOGIN", "no Authorization header");
    }
    if (header.startsWith("Bearer ")) {
      Instant expiry = accessTokens.get(header.substring(7).trim());
      if (expiry == null || !expiry.isAfter(clock.instant())) {
        throw new Rejected("INVALID_LOGIN", "unknown or expired access token");
      }
      return;
    }
    if (header.startsWith("OAuth ")) {
      tba(method, absoluteUrl, header.substring(6));
      return;
    }
    throw new Rejected("INVALID_LOGIN", "unsupported Authorization scheme");
  }

  private void tba(String method, String absoluteUrl, String params) throws Rejected {
    Map<String, String> p = new LinkedHashMap<>();
    for (String part : params.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        value = value.substring(1, value.length() - 1);
      }
      p.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    if (!realm.equals(p.get("realm"))) {
      throw new Rejected("INVALID_LOGIN", "realm " + p.get("realm") + " is not " + realm);
    }
    if (!TbaSignature.METHOD.equals(p.get("oauth_signature_method"))) {
      throw new Rejected("INVALID_LOGIN", "signature method " + p.get("oauth_signature_method"));
    }
    TbaCredentials c = consumers.get(String.valueOf(p.get("oauth_consumer_key")));
    if (c == null || !c.tokenId().equals(p.get("oauth_token"))) {
      throw new Rejected("INVALID_LOGIN", "unknown consumer key or token");
    }
    long ts;
    try {
      ts = Long.parseLong(p.get("oauth_timestamp"));
    } catch (NumberFormatException e) {
      throw new Rejected("INVALID_LOGIN", "bad timestamp");
    }
    if (Math.abs(clock.instant().getEpochSecond() - ts) > 300) {
      throw new Rejected("INVALID_LOGIN", "timestamp too far from now");
    }
    String nonce = p.get("oauth_nonce");
    if (nonce == null || !nonces.add(p.get("oauth_consumer_key") + ":" + ts + ":" + nonce)) {
      throw new Rejected("INVALID_LOGIN", "nonce missing or used before");
    }
    String claimed = p.remove("oauth_signature");
    p.remove("realm");
    String expected =
        TbaSignature.sign(method, absoluteUrl, p, c.consumerSecret(), c.tokenSecret());
    if (!expected.equals(claimed)) {
      throw new Rejected("INVALID_LOGIN", "signature does not match");
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
