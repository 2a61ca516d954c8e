package io.dunhub.core.connector;

/**
 * Credentials are wrong, expired beyond refresh, or revoked. The message tells a person what to do
 * ("reconnect QuickBooks", "re-authorize the Salesforce app").
 */
public final class AuthenticationException extends ConnectorException {
  public AuthenticationException(String message, String hostMessage, Throwable cause) {
    super(message, hostMessage, cause);
  }

  public AuthenticationException(String message) {
    this(message, null, null);
  }
}
