package io.dunhub.core.connector;

import java.time.Duration;

/** What became of a write: one of exactly four outcomes. */
public sealed interface WriteOutcome {

  /** The host applied the write now. */
  record Applied(String hostId, String version) implements WriteOutcome {}

  /** The host had already applied a write with this idempotency key; nothing changed. */
  record AlreadyApplied(String hostId) implements WriteOutcome {}

  /** Try again later (rate limit, host down); {@code retryAfter} may be null. */
  record Retryable(String reason, Duration retryAfter) implements WriteOutcome {}

  /** The host refused the write for good; {@code reason} carries the host's message. */
  record Permanent(String reason) implements WriteOutcome {}

  default boolean succeeded() {
    return this instanceof Applied || this instanceof AlreadyApplied;
  }
}
