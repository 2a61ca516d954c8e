package io.dunhub.core.connector;

/** The host refused for good (validation, not found, duplicate); retrying will not help. */
public final class PermanentException extends ConnectorException {
  public PermanentException(String message, String hostMessage, Throwable cause) {
    super(message, hostMessage, cause);
  }

  public PermanentException(String message) {
    this(message, null, null);
  }
}
