package io.dunhub.core.auth;

import io.dunhub.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token and, for hosts that have one, the refresh token (QuickBooks rotates it on
 * every refresh: always keep the newest).
 */
public record OAuthToken(Secret accessToken, Secret refreshToken, Instant expiresAt) {
  public OAuthToken {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the token expires within {@code margin} of now. */
  public boolean expiresWithin(Duration margin, Clock clock) {
    return !expiresAt.isAfter(clock.instant().plus(margin));
  }
}
