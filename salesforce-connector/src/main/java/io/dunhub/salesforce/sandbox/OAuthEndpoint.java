package io.dunhub.salesforce.sandbox;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The OAuth token endpoint ({@code POST /services/oauth2/token}): the JWT bearer flow (the
 * assertion's RS256 signature is checked against the app's certificate, and {@code iss}, {@code
 * sub}, {@code aud}, {@code exp}) and the client-credentials flow. Errors are {@code 400} with
 * {@code {"error", "error_description"}} as Salesforce sends them.
 */
final class OAuthEndpoint {
  record Reply(int status, String json) {}

  private final SandboxOrg org;
  private final SandboxAuth auth;
  private final String instanceUrl;

  OAuthEndpoint(SandboxOrg org, SandboxAuth auth, String instanceUrl) {
    this.org = org;
    this.auth = auth;
    this.instanceUrl = instanceUrl;
  }

  Reply handle(String formBody) {
    Map<String, String> form = parseForm(formBody);
    String grant = form.getOrDefault("grant_type", "");
    if (grant.equals("urn:ietf:params:oauth:grant-type:jwt-bearer")) {
      return jwtBearer(form.get("assertion"));
    }
    if (grant.equals("client_credentials")) {
      return clientCredentials(form.get("client_id"), form.get("client_secret"));
    }
    return error(400, "unsupported_grant_type", "grant type not supported");
  }

  private Reply jwtBearer(String assertion) {
    if (assertion == null) {
      return error(400, "invalid_request", "assertion is required");
    }
    JWTClaimsSet claims;
    try {
      SignedJWT jwt = SignedJWT.parse(assertion);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return error(400, "invalid_grant", "invalid assertion");
      }
      if (auth.certificateKey() == null || !jwt.verify(new RSASSAVerifier(auth.certificateKey()))) {
        return error(400, "invalid_grant", "invalid assertion");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (Exception e) {
      return error(400, "invalid_grant", "invalid assertion");
    }
    if (auth.clientId() == null || !auth.clientId().equals(claims.getIssuer())) {
      return error(400, "invalid_client_id", "client identifier invalid");
    }
    if (auth.appRevoked()) {
      return error(400, "invalid_grant", "user hasn't approved this consumer");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(auth.audience())) {
      return error(400, "invalid_grant", "audience is invalid");
    }
    if (claims.getExpirationTime() == null
        || !claims.getExpirationTime().toInstant().isAfter(org.clock().instant())) {
      return error(400, "invalid_grant", "expired authorization code");
    }
    String userId =
        claims.getSubject() == null ? null : org.userId(claims.getSubject()).orElse(null);
    if (userId == null) {
      return error(400, "invalid_grant", "user hasn't approved this consumer");
    }
    return token(userId);
  }

  private Reply clientCredentials(String clientId, String secret) {
    if (auth.clientId() == null || !auth.clientId().equals(clientId)) {
      return error(400, "invalid_client_id", "client identifier invalid");
    }
    if (auth.clientSecret() == null || !auth.clientSecret().equals(secret)) {
      return error(400, "invalid_client", "invalid client credentials");
    }
    if (auth.appRevoked()) {
      return error(400, "invalid_grant", "app is blocked");
    }
    if (auth.clientCredentialsUser() == null) {
      return error(400, "invalid_grant", "no client credentials user enabled");
    }
    return token(auth.clientCredentialsUser());
  }

  private Reply token(String userId) {
    String session = auth.open(org.orgId(), userId);
    String json =
        "{\"access_token\":\""
            + session
            + "\",\"scope\":\"api\",\"instance_url\":\""
            + instanceUrl
            + "\",\"id\":\""
            + instanceUrl
            + "/id/"
            + org.orgId()
            + "/"
            + userId
            + "\",\"token_type\":\"Bearer\",\"issued_at\":\""
            + org.clock().millis()
            + "\"}";
    return new Reply(200, json);
  }

  private static Reply error(int status, String error, String description) {
    return new Reply(
        status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> out = new HashMap<>();
    if (body == null) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
