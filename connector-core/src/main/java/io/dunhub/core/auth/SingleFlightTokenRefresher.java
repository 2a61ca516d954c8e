package io.dunhub.core.auth;

import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one connection's OAuth token fresh, safely across threads and across hub processes.
 *
 * <ul>
 *   <li>In this process, one refresh at a time: callers queue on a lock, and one that finds the
 *       token already replaced while it waited uses the new one.
 *   <li>Across processes, the shared {@link TokenStore}: before calling the host the refresher
 *       reloads the stored token, and refreshes only if the token that failed is still the stored
 *       one (the idea of Camel's {@code login(oldToken)}). It stores the new token with a
 *       version-checked {@link TokenStore#compareAndSet}; when another process won the race, it
 *       drops its own result and uses the winner's.
 *   <li>A refresh token the host rotates is stored with the access token; one the host does not
 *       rotate is kept.
 * </ul>
 */
public final class SingleFlightTokenRefresher {

  private final String connection;
  private final TokenStore store;
  private final TokenGrant grant;
  private final Clock clock;
  private final Duration margin;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong grants = new AtomicLong();
  private volatile StoredToken cached;

  /**
   * @param margin how long before expiry a token is refreshed ahead of use
   */
  public SingleFlightTokenRefresher(
      String connection, TokenStore store, TokenGrant grant, Clock clock, Duration margin) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.store = Objects.requireNonNull(store, "store");
    this.grant = Objects.requireNonNull(grant, "grant");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.margin = Objects.requireNonNull(margin, "margin");
  }

  public String connection() {
    return connection;
  }

  /**
   * The token to use now: the cached one, or the stored one, refreshed first if about to expire.
   */
  public OAuthToken current() {
    StoredToken token = cached;
    if (token == null) {
      lock.lock();
      try {
        token = cached != null ? cached : (cached = loadOrFail());
      } finally {
        lock.unlock();
      }
    }
    if (token.token().expiresWithin(margin, clock)) {
      return refresh(token.token().accessToken());
    }
    return token.token();
  }

  /**
   * Replaces {@code failedAccessToken} (the host refused it, or it is about to expire) and returns
   * the token to use instead. Calls the host only when no thread of this process and no other
   * process has replaced it already.
   */
  public OAuthToken refresh(Secret failedAccessToken) {
    lock.lock();
    try {
      StoredToken mine = cached;
      if (mine != null && !mine.token().accessToken().equals(failedAccessToken) && fresh(mine)) {
        return mine.token();
      }
      StoredToken stored = loadOrFail();
      if (!stored.token().accessToken().equals(failedAccessToken) && fresh(stored)) {
        cached = stored;
        return stored.token();
      }
      OAuthToken next;
      try {
        next = grant.refresh(stored.token());
      } catch (AuthenticationException e) {
        StoredToken now = store.load(connection).orElse(null);
        if (now != null && now.version() != stored.version() && fresh(now)) {
          cached = now;
          return now.token();
        }
        throw e;
      }
      grants.incrementAndGet();
      if (next.refreshToken() == null && stored.token().refreshToken() != null) {
        next = new OAuthToken(next.accessToken(), stored.token().refreshToken(), next.expiresAt());
      }
      if (store.compareAndSet(connection, stored.version(), next)) {
        cached = store.load(connection).orElse(new StoredToken(next, stored.version() + 1));
        return next;
      }
      StoredToken winner = loadOrFail();
      cached = winner;
      return winner.token();
    } finally {
      lock.unlock();
    }
  }

  /** Refresh-token grants this refresher made (whether or not it won the store). */
  public long grants() {
    return grants.get();
  }

  private boolean fresh(StoredToken token) {
    return !token.token().expiresWithin(Duration.ZERO, clock);
  }

  private StoredToken loadOrFail() {
    return store
        .load(connection)
        .orElseThrow(
            () ->
                new AuthenticationException(
                    connection + " has no OAuth token yet: connect it first (dunhub connect)"));
  }
}
