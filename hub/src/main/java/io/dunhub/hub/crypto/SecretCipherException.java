package io.dunhub.hub.crypto;

/** A secret cannot be encrypted or decrypted; the message never contains the secret. */
public final class SecretCipherException extends RuntimeException {
  public SecretCipherException(String message, Throwable cause) {
    super(message, cause);
  }
}
