package io.dunhub.hub.store;

/** The store cannot be opened, migrated or reached; the message says what to do. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
