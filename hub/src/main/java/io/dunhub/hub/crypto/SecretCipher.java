package io.dunhub.hub.crypto;

import io.dunhub.core.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM.
 *
 * <p>An encrypted value reads {@code dh1:<key id>:<base64 of nonce + ciphertext + tag>}: a fresh
 * 96-bit random nonce per value, the id of the key (the first 8 hex digits of the key's SHA-256, so
 * a rotated key is recognised), and a 128-bit tag. The caller names a <em>context</em> (say {@code
 * oauth_tokens/qbo/refresh}) that is authenticated with the value, so a ciphertext copied to
 * another row or column does not decrypt. A changed byte fails with {@link SecretCipherException},
 * never a wrong value.
 *
 * <p>Decryption accepts the current key and any previous keys handed in, which is how a key is
 * rotated: encrypt with the new one, keep the old one for reading until rows are rewritten.
 */
public final class SecretCipher {

  static final String PREFIX = "dh1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;

  private final String currentKeyId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random;

  /**
   * @param current the 256-bit key new values are encrypted with
   * @param previous older keys still accepted for decryption
   */
  public SecretCipher(byte[] current, List<byte[]> previous, SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
    Map<String, SecretKeySpec> all = new LinkedHashMap<>();
    this.currentKeyId = keyId(requireKey(current));
    all.put(currentKeyId, new SecretKeySpec(current.clone(), "AES"));
    for (byte[] old : previous) {
      all.putIfAbsent(keyId(requireKey(old)), new SecretKeySpec(old.clone(), "AES"));
    }
    this.keys = Map.copyOf(all);
  }

  public SecretCipher(byte[] key) {
    this(key, List.of(), new SecureRandom());
  }

  /** The id of the key new values are encrypted with. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Encrypts a secret for storage under {@code context}. */
  public String encrypt(Secret secret, String context) {
    Objects.requireNonNull(secret, "secret");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(currentKeyId, context));
      byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new SecretCipherException("cannot encrypt a secret for " + context, e);
    }
  }

  /**
   * Decrypts a stored value.
   *
   * @throws SecretCipherException when the value was altered, belongs to another context, or was
   *     encrypted with a key this hub does not have
   */
  public Secret decrypt(String stored, String context) {
    Objects.requireNonNull(stored, "stored");
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw new SecretCipherException(
          "the stored secret for " + context + " is not a Dunhub-encrypted value", null);
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new SecretCipherException(
          "the stored secret for "
              + context
              + " was encrypted with key "
              + parts[1]
              + ", but this hub has key "
              + currentKeyId
              + " (set the old key in DUNHUB_SECRET_KEY_PREVIOUS to read it)",
          null);
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new SecretCipherException("the stored secret for " + context + " is corrupt", null);
    }
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretCipherException("the stored secret for " + context + " is truncated", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      cipher.updateAAD(aad(parts[1], context));
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Secret.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      throw new SecretCipherException(
          "the stored secret for "
              + context
              + " failed its integrity check: it was altered or belongs to another record",
          null);
    } catch (GeneralSecurityException e) {
      throw new SecretCipherException("cannot decrypt the stored secret for " + context, e);
    }
  }

  /**
   * A key for another purpose (signing tracked links), derived from the current key with
   * HMAC-SHA256 over the purpose's name: stable across restarts, different per purpose, and never
   * the encryption key itself.
   */
  public byte[] derivedKey(String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.get(currentKeyId).getEncoded(), "HmacSHA256"));
      return mac.doFinal(("dunhub derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new SecretCipherException("cannot derive a key for " + purpose, e);
    }
  }

  private static byte[] aad(String keyId, String context) {
    return (PREFIX + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] requireKey(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a secret key must be 256 bits (32 bytes), got "
              + (key == null ? "none" : key.length + " bytes"));
    }
    return key;
  }

  static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
