package io.dunhub.core.connector;

import java.time.Duration;

/** A failure that may pass: rate limits, 5xx, timeouts, resets. */
public final class RetryableException extends ConnectorException {
  private final Duration retryAfter;

  public RetryableException(
      String message, String hostMessage, Duration retryAfter, Throwable cause) {
    super(message, hostMessage, cause);
    this.retryAfter = retryAfter;
  }

  public RetryableException(String message, Throwable cause) {
    this(message, null, null, cause);
  }

  /** How long the host asked us to wait, or null when it did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
