package io.dunhub.quickbooks.internal;

import com.intuit.oauth2.client.OAuth2PlatformClient;
import com.intuit.oauth2.config.OAuth2Config;
import com.intuit.oauth2.data.BearerTokenResponse;
import com.intuit.oauth2.exception.OAuthException;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one connection, refreshed with Intuit's rotating refresh tokens.
 *
 * <p>Single-flight: in one process a lock per connection lets one thread refresh while the others
 * wait and then use its result. Across processes the hub's {@link TokenStore} is updated with a
 * version check; a process that loses the race (or gets {@code invalid_grant} because another one
 * already rotated the refresh token) reloads the winner's token instead of failing.
 */
public final class QboTokens {

  private static final Logger LOG = LoggerFactory.getLogger(QboTokens.class);
  private static final Duration EARLY = Duration.ofMinutes(5);
  private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final String connection;
  private final TokenStore store;
  private final Clock clock;
  private final OAuth2Config oauth;
  private final QboErrors errors;

  public QboTokens(
      String connection,
      TokenStore store,
      Clock clock,
      String clientId,
      Secret clientSecret,
      String tokenUrl,
      QboErrors errors) {
    this.connection = connection;
    this.store = store;
    this.clock = clock;
    this.errors = errors;
    this.oauth =
        new OAuth2Config.OAuth2ConfigBuilder(clientId, clientSecret.reveal()).buildConfig();
    this.oauth.setIntuitBearerTokenEndpoint(tokenUrl);
  }

  /** A usable access token, refreshed first when it expires within five minutes. */
  public Secret accessToken() {
    StoredToken stored = load();
    if (!stored.token().expiresWithin(EARLY, clock)) {
      return stored.token().accessToken();
    }
    return refresh(stored.token().accessToken());
  }

  /**
   * QuickBooks refused {@code rejected} (401): refresh, unless another thread or process has
   * already replaced it, in which case its replacement is returned.
   */
  public Secret refresh(Secret rejected) {
    ReentrantLock lock = LOCKS.computeIfAbsent(connection, k -> new ReentrantLock());
    lock.lock();
    try {
      StoredToken current = load();
      if (!current.token().accessToken().equals(rejected)
          && !current.token().expiresWithin(EARLY, clock)) {
        return current.token().accessToken();
      }
      return rotate(current);
    } finally {
      lock.unlock();
    }
  }

  private Secret rotate(StoredToken current) {
    Secret refreshToken = current.token().refreshToken();
    if (refreshToken == null) {
      throw errors.reconnect(connection + ": token refresh", "no refresh token stored", null);
    }
    BearerTokenResponse reply;
    try {
      reply = new OAuth2PlatformClient(oauth).refreshToken(refreshToken.reveal());
    } catch (OAuthException e) {
      StoredToken now = load();
      if (now.version() != current.version()) {
        LOG.info("{}: another process refreshed the QuickBooks token; using its token", connection);
        return now.token().accessToken();
      }
      if (e.getStatusCode() != null && e.getStatusCode().startsWith("4")) {
        throw errors.reconnect(
            connection + ": token refresh",
            "Intuit refused the refresh token (HTTP " + e.getStatusCode() + ", invalid_grant)",
            null);
      }
      throw new RetryableException(
          connection + ": could not reach Intuit's token endpoint (HTTP " + e.getStatusCode() + ")",
          null,
          null,
          null);
    }
    if (reply == null || reply.getAccessToken() == null) {
      throw new RetryableException(
          connection + ": Intuit's token endpoint answered without a token", null, null, null);
    }
    Secret refreshed =
        reply.getRefreshToken() == null ? refreshToken : Secret.of(reply.getRefreshToken());
    long ttl = reply.getExpiresIn() == null ? 3600 : reply.getExpiresIn();
    OAuthToken next =
        new OAuthToken(
            Secret.of(reply.getAccessToken()), refreshed, clock.instant().plusSeconds(ttl));
    if (store.compareAndSet(connection, current.version(), next)) {
      LOG.info("{}: refreshed the QuickBooks access token", connection);
      return next.accessToken();
    }
    LOG.info("{}: another process stored a newer QuickBooks token first; using it", connection);
    return load().token().accessToken();
  }

  private StoredToken load() {
    return store
        .load(connection)
        .orElseThrow(
            () ->
                new AuthenticationException(
                    connection
                        + ": no QuickBooks authorization is stored. Connect QuickBooks for this"
                        + " connection (OAuth consent) first."));
  }
}
