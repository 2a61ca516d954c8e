package io.dunhub.hub.config;

import java.time.Duration;

/**
 * How patiently the outbox retries a failing effect ({@code outbox:} in {@code dunhub.yml}): the
 * wait starts at {@code first} and doubles per failed attempt up to {@code max}; after {@code
 * maxAttempts} attempts the row becomes a dead letter.
 */
public record OutboxConfig(int maxAttempts, Duration first, Duration max) {

  public static OutboxConfig defaults() {
    return new OutboxConfig(8, Duration.ofMinutes(1), Duration.ofHours(6));
  }
}
