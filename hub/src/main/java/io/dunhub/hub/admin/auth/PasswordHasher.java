package io.dunhub.hub.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes ({@code $2a$}, cost 12 by default) through at.favre.lib's bcrypt. A lookup
 * of an unknown user still runs one verification, so the answer time does not tell which user names
 * exist.
 */
public final class PasswordHasher {

  /** bcrypt's limit: bytes past 72 are ignored, so longer passwords are refused. */
  public static final int MAX_BYTES = 72;

  private final int cost;
  private final String dummy;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.dummy = hash("not a password of anyone");
  }

  public PasswordHasher() {
    this(12);
  }

  public String hash(String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("a password may be at most " + MAX_BYTES + " bytes");
    }
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  /** Whether the password matches the hash; a null hash (no such user) never matches. */
  public boolean verify(String password, String hash) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return false;
    }
    String against = hash == null ? dummy : hash;
    boolean ok =
        BCrypt.verifyer()
            .verify(
                password.getBytes(StandardCharsets.UTF_8), against.getBytes(StandardCharsets.UTF_8))
            .verified;
    return ok && hash != null;
  }
}
