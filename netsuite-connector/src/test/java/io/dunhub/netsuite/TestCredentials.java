package io.dunhub.netsuite;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import io.dunhub.netsuite.sandbox.NetSuiteSandbox;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Generated keys and settings that connect the connector to a sandbox, as an admin would. */
final class TestCredentials {

  static final String CLIENT_ID = "3f1a9c0e7d6b4a52b8e2c1d0f9a8b7c6";
  static final String CERTIFICATE_ID = "dJk3mR8xQ2wV7pL0nT5yB9cF4hG6sA1e";
  private static final RSAKey RSA = generateRsa();
  private static final ECKey EC = generateEc();

  private TestCredentials() {}

  private static RSAKey generateRsa() {
    try {
      return new RSAKeyGenerator(2048).keyID(CERTIFICATE_ID).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generateEc() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("ec-" + CERTIFICATE_ID).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static JWK rsaPublic() {
    return RSA.toPublicJWK();
  }

  static JWK ecPublic() {
    return EC.toPublicJWK();
  }

  static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  static String rsaPem() {
    try {
      return pem(RSA.toPrivateKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String ecPem() {
    try {
      return pem(EC.toPrivateKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers the PS256 certificate with the sandbox and returns M2M settings for it. */
  static ConnectionSettings m2m(NetSuiteSandbox ns, String connection, Map<String, String> extra) {
    ns.registerCertificate(CERTIFICATE_ID, CLIENT_ID, rsaPublic());
    Map<String, String> values = new HashMap<>();
    values.put("account", ns.realm().toLowerCase().replace('_', '-'));
    values.put("baseUrl", ns.baseUrl());
    values.put("clientId", CLIENT_ID);
    values.put("certificateId", CERTIFICATE_ID);
    values.put("timeZone", "UTC");
    values.putAll(extra);
    return new ConnectionSettings(
        connection, NetSuiteConnector.ID, values, Map.of("privateKey", Secret.of(rsaPem())));
  }

  /** Registers a TBA integration and token with the sandbox and returns TBA settings for it. */
  static ConnectionSettings tba(NetSuiteSandbox ns, String connection) {
    Secret consumerSecret = Secret.of("cs-" + connection);
    Secret tokenSecret = Secret.of("ts-" + connection);
    ns.registerTba("ck-" + connection, consumerSecret, "tk-" + connection, tokenSecret);
    return new ConnectionSettings(
        connection,
        NetSuiteConnector.ID,
        Map.of("account", ns.realm(), "baseUrl", ns.baseUrl(), "auth", "tba", "timeZone", "UTC"),
        Map.of(
            "consumerKey",
            Secret.of("ck-" + connection),
            "consumerSecret",
            consumerSecret,
            "tokenId",
            Secret.of("tk-" + connection),
            "tokenSecret",
            tokenSecret));
  }
}
