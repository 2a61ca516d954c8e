package io.dunhub.hub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.secret.Secret;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    new java.util.Random(seed).nextBytes(key);
    return key;
  }

  private final SecretCipher cipher = new SecretCipher(key(1));

  @Test
  void roundTripsAndNeverRepeatsACiphertext() {
    String a = cipher.encrypt(Secret.of("refresh-token-123"), "oauth_tokens/qbo/refresh");
    String b = cipher.encrypt(Secret.of("refresh-token-123"), "oauth_tokens/qbo/refresh");

    assertThat(a).startsWith("dh1:" + cipher.currentKeyId() + ":").doesNotContain("refresh-token");
    assertThat(a).isNotEqualTo(b);
    assertThat(cipher.decrypt(a, "oauth_tokens/qbo/refresh").reveal())
        .isEqualTo("refresh-token-123");
    assertThat(cipher.decrypt(b, "oauth_tokens/qbo/refresh").reveal())
        .isEqualTo("refresh-token-123");
  }

  @Test
  void aChangedByteIsDetectedNotDecryptedToGarbage() {
    String stored = cipher.encrypt(Secret.of("access-token"), "oauth_tokens/sf/access");
    String[] parts = stored.split(":", 3);
    byte[] data = Base64.getDecoder().decode(parts[2]);
    data[data.length / 2] ^= 0x01;
    String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(data);

    assertThatThrownBy(() -> cipher.decrypt(tampered, "oauth_tokens/sf/access"))
        .isInstanceOf(SecretCipherException.class)
        .hasMessageContaining("integrity check")
        .hasMessageNotContaining("access-token");
  }

  @Test
  void aValueCopiedToAnotherRowDoesNotDecrypt() {
    String stored = cipher.encrypt(Secret.of("token-of-qbo"), "oauth_tokens/qbo/access");

    assertThatThrownBy(() -> cipher.decrypt(stored, "oauth_tokens/netsuite/access"))
        .isInstanceOf(SecretCipherException.class);
  }

  @Test
  void aRotatedKeyStillReadsOldValuesAndAnUnknownKeyIsNamed() {
    String old = cipher.encrypt(Secret.of("v"), "c");
    SecretCipher rotated = new SecretCipher(key(2), List.of(key(1)), new SecureRandom());
    SecretCipher stranger = new SecretCipher(key(3));

    assertThat(rotated.decrypt(old, "c").reveal()).isEqualTo("v");
    assertThat(rotated.encrypt(Secret.of("v"), "c")).contains(":" + rotated.currentKeyId() + ":");
    assertThatThrownBy(() -> stranger.decrypt(old, "c"))
        .isInstanceOf(SecretCipherException.class)
        .hasMessageContaining("encrypted with key " + cipher.currentKeyId())
        .hasMessageContaining("DUNHUB_SECRET_KEY_PREVIOUS");
  }

  @Test
  void refusesKeysThatAreNot256Bits() {
    assertThatThrownBy(() -> new SecretCipher(new byte[16]))
        .hasMessageContaining("256 bits")
        .hasMessageContaining("16 bytes");
  }
}
