package io.dunhub.hub.crypto;

/** The hub runs in production mode and no secret key is configured. */
public final class MissingSecretKeyException extends RuntimeException {
  public MissingSecretKeyException(String message) {
    super(message);
  }
}
