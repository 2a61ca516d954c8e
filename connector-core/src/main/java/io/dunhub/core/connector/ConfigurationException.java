package io.dunhub.core.connector;

/** Our side is set up wrong: a missing setting, an unknown stream, a mapping the host rejects. */
public final class ConfigurationException extends ConnectorException {
  public ConfigurationException(String message) {
    super(message, null, null);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
