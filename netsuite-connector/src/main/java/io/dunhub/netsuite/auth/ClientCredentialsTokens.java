package io.dunhub.netsuite.auth;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.secret.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's token store as a client-credentials grant sees it: a connection that has no token yet
 * has an expired one (version 0), so the shared refresher mints the first token the way it renews
 * any other, with a version-checked store ({@code compareAndSet(…, 0, …)}: one process of a cluster
 * wins, the others adopt its token). There is nobody to "connect first": the grant needs no person.
 */
public final class ClientCredentialsTokens implements TokenStore {

  private static final StoredToken NONE =
      new StoredToken(new OAuthToken(Secret.of("none yet"), null, Instant.EPOCH), 0);

  private final TokenStore store;

  public ClientCredentialsTokens(TokenStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Optional<StoredToken> load(String connection) {
    return Optional.of(store.load(connection).orElse(NONE));
  }

  @Override
  public boolean compareAndSet(String connection, long expectedVersion, OAuthToken token) {
    return store.compareAndSet(connection, expectedVersion, token);
  }
}
