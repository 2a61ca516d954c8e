package io.dunhub.core.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenStore} in memory, with the same version-checked update as the hub's database store:
 * for tests, demos and one-process tools. Versions start at 1 and go up by one per update.
 */
public final class InMemoryTokenStore implements TokenStore {

  private final Map<String, StoredToken> tokens = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredToken> load(String connection) {
    return Optional.ofNullable(tokens.get(connection));
  }

  @Override
  public boolean compareAndSet(String connection, long expectedVersion, OAuthToken token) {
    boolean[] stored = {false};
    tokens.compute(
        connection,
        (name, current) -> {
          long version = current == null ? 0 : current.version();
          if (version != expectedVersion) {
            return current;
          }
          stored[0] = true;
          return new StoredToken(token, version + 1);
        });
    return stored[0];
  }
}
