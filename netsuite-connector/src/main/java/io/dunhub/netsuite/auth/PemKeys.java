package io.dunhub.netsuite.auth;

import io.dunhub.core.secret.Secret;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the certificate's private key from PKCS#8 PEM. */
public final class PemKeys {
  private PemKeys() {}

  /**
   * The private key for {@code algorithm} (RSA for PS256, EC for ES256).
   *
   * @throws IllegalArgumentException with a message that names the problem, never the key
   */
  public static PrivateKey privateKey(Secret pem, String algorithm) {
    String text = pem.reveal();
    if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "is in the traditional OpenSSL format; convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    if (!text.contains("BEGIN PRIVATE KEY")) {
      throw new IllegalArgumentException("must be a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
    }
    String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(body);
      return KeyFactory.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "is not a readable "
              + (algorithm.startsWith("ES") ? "EC" : "RSA")
              + " private key for "
              + algorithm);
    }
  }
}
