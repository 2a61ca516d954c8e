package io.dunhub.hub.store;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.auth.TokenStore;
import io.dunhub.hub.crypto.SecretCipher;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * OAuth tokens in the {@code oauth_tokens} table, encrypted with a {@link SecretCipher}, shared by
 * every hub process on the database. Updates are compare-and-set on the row's version: the
 * conditional statement's row count decides who won, so two processes refreshing at once never both
 * store a token (QuickBooks rotates refresh tokens; a lost one locks the connection out).
 */
public final class JdbcTokenStore implements TokenStore {

  private static final List<String> COLUMNS =
      List.of(
          "connection",
          "access_token_enc",
          "refresh_token_enc",
          "expires_at",
          "version",
          "updated_at");

  private final Store store;
  private final SecretCipher cipher;
  private final Clock clock;

  public JdbcTokenStore(Store store, SecretCipher cipher, Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public Optional<StoredToken> load(String connection) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT access_token_enc, refresh_token_enc, expires_at, version"
                            + " FROM oauth_tokens WHERE connection = :connection")
                    .bind("connection", connection)
                    .map(
                        (rs, ctx) -> {
                          String refresh = rs.getString("refresh_token_enc");
                          OAuthToken token =
                              new OAuthToken(
                                  cipher.decrypt(
                                      rs.getString("access_token_enc"),
                                      context(connection, "access")),
                                  refresh == null
                                      ? null
                                      : cipher.decrypt(refresh, context(connection, "refresh")),
                                  ctx.findColumnMapperFor(Instant.class)
                                      .orElseThrow()
                                      .map(rs, "expires_at", ctx));
                          return new StoredToken(token, rs.getLong("version"));
                        })
                    .findOne());
  }

  @Override
  public boolean compareAndSet(String connection, long expectedVersion, OAuthToken token) {
    String access = cipher.encrypt(token.accessToken(), context(connection, "access"));
    String refresh =
        token.refreshToken() == null
            ? null
            : cipher.encrypt(token.refreshToken(), context(connection, "refresh"));
    Instant now = clock.instant();
    int rows;
    try {
      rows = write(connection, expectedVersion, token, access, refresh, now);
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        return false; // another process inserted the first token at the same moment
      }
      throw e;
    }
    return rows == 1;
  }

  private int write(
      String connection,
      long expectedVersion,
      OAuthToken token,
      String access,
      String refresh,
      Instant now) {
    return store
        .jdbi()
        .withHandle(
            h -> {
              if (expectedVersion == 0) {
                return h.createUpdate(
                        store
                            .dialect()
                            .insertIfAbsent("oauth_tokens", List.of("connection"), COLUMNS))
                    .bind("connection", connection)
                    .bind("access_token_enc", access)
                    .bind("refresh_token_enc", refresh)
                    .bind("expires_at", token.expiresAt())
                    .bind("version", 1L)
                    .bind("updated_at", now)
                    .execute();
              }
              return h.createUpdate(
                      "UPDATE oauth_tokens SET access_token_enc = :access_token_enc,"
                          + " refresh_token_enc = :refresh_token_enc, expires_at = :expires_at,"
                          + " version = version + 1, updated_at = :updated_at"
                          + " WHERE connection = :connection AND version = :expected")
                  .bind("connection", connection)
                  .bind("access_token_enc", access)
                  .bind("refresh_token_enc", refresh)
                  .bind("expires_at", token.expiresAt())
                  .bind("updated_at", now)
                  .bind("expected", expectedVersion)
                  .execute();
            });
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /** Forgets a connection's token (after the user disconnects it). */
  public void delete(String connection) {
    store
        .jdbi()
        .useHandle(h -> h.execute("DELETE FROM oauth_tokens WHERE connection = ?", connection));
  }

  private static String context(String connection, String which) {
    return "oauth_tokens/" + connection + "/" + which;
  }
}
