package io.dunhub.hub.admin.auth;

import io.dunhub.hub.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Login tokens: 32 random bytes (base64url, prefixed {@code dhs_}), of which the store keeps only
 * the SHA-256, with an expiry. Shared by every hub process on the same store.
 */
public final class LoginSessions {

  /** A new login: the token to hand out once, and when it stops working. */
  public record Login(String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "Login[expiresAt=" + expiresAt + "]";
    }
  }

  private static final String PREFIX = "dhs_";

  private final Store store;
  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random;

  public LoginSessions(Store store, Clock clock, Duration ttl, SecureRandom random) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
    this.random = random;
  }

  public Login create(String user, Role role) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    store
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate("DELETE FROM admin_sessions WHERE expires_at < :now")
                  .bind("now", now)
                  .execute();
              h.createUpdate(
                      "INSERT INTO admin_sessions (token_hash, user_name, role, created_at, expires_at)"
                          + " VALUES (:hash, :user, :role, :now, :expires)")
                  .bind("hash", sha256(token))
                  .bind("user", user)
                  .bind("role", role.label())
                  .bind("now", now)
                  .bind("expires", expires)
                  .execute();
            });
    return new Login(token, expires);
  }

  /** The user of a valid, unexpired token. */
  public Optional<Principal> find(String token) {
    if (!token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String hash = sha256(token);
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT user_name, role FROM admin_sessions WHERE token_hash = :hash AND expires_at > :now")
                    .bind("hash", hash)
                    .bind("now", clock.instant())
                    .map(
                        (rs, ctx) ->
                            new Principal(
                                rs.getString(1),
                                Role.of(rs.getString(2)).orElse(Role.READ_ONLY),
                                hash))
                    .findOne());
  }

  /** Ends the login whose token has this hash. */
  public void end(String tokenHash) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("DELETE FROM admin_sessions WHERE token_hash = :hash")
                    .bind("hash", tokenHash)
                    .execute());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
