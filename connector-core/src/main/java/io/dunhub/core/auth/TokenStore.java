package io.dunhub.core.auth;

import java.util.Optional;

/**
 * Where a connection's OAuth token lives. The hub's implementation encrypts it at rest and shares
 * it between every hub process of a cluster.
 */
public interface TokenStore {

  Optional<StoredToken> load(String connection);

  /**
   * Stores {@code token} only if the stored version is still {@code expectedVersion} (0 when there
   * is no token yet). Returns false when another process got there first; the caller then reloads.
   */
  boolean compareAndSet(String connection, long expectedVersion, OAuthToken token);
}
