package io.dunhub.quickbooks.internal;

import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;

/**
 * The access token of one connection: connector-core's {@link SingleFlightTokenRefresher} (one
 * refresh at a time in a process; version-checked store across processes, a loser uses the winner's
 * token) over Intuit's rotating refresh-token grant ({@link QboTokenGrant}).
 */
public final class QboTokens {

  private static final Duration EARLY = Duration.ofMinutes(5);

  private final SingleFlightTokenRefresher refresher;

  public QboTokens(
      String connection,
      TokenStore store,
      Clock clock,
      String clientId,
      Secret clientSecret,
      String tokenUrl,
      QboErrors errors) {
    this.refresher =
        new SingleFlightTokenRefresher(
            connection,
            store,
            new QboTokenGrant(connection, clientId, clientSecret, tokenUrl, clock, errors),
            clock,
            EARLY);
  }

  /** A usable access token, refreshed first when it expires within five minutes. */
  public Secret accessToken() {
    return refresher.current().accessToken();
  }

  /** QuickBooks refused {@code rejected} (401): its replacement, refreshed only if still needed. */
  public Secret refresh(Secret rejected) {
    return refresher.refresh(rejected).accessToken();
  }
}
