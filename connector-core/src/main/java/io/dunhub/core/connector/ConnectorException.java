package io.dunhub.core.connector;

/**
 * The root of the one exception taxonomy: every host or SDK error is mapped, in one place per
 * connector, to {@link RetryableException}, {@link AuthenticationException}, {@link
 * PermanentException} or {@link ConfigurationException}. The message says where (connection, host
 * object, record id) and carries the host's own message.
 */
public abstract sealed class ConnectorException extends RuntimeException
    permits RetryableException,
        AuthenticationException,
        PermanentException,
        ConfigurationException {

  private final String hostMessage;

  protected ConnectorException(String message, String hostMessage, Throwable cause) {
    super(message, cause);
    this.hostMessage = hostMessage;
  }

  /** The host's own error text, or null. */
  public String hostMessage() {
    return hostMessage;
  }
}
