package io.dunhub.hub.notice;

import java.time.Duration;

/** What became of a send: delivered to the provider, worth retrying, or refused for good. */
public sealed interface Delivery {

  /** The provider accepted the message; {@code providerId} is its message id. */
  record Delivered(String providerId) implements Delivery {}

  /** A temporary failure; {@code after} may be null. */
  record Retry(String reason, Duration after) implements Delivery {}

  /** A permanent failure (bad address, refused by the provider). */
  record Failed(String reason) implements Delivery {}
}
