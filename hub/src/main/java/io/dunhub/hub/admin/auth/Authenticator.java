package io.dunhub.hub.admin.auth;

import io.dunhub.core.secret.Secret;
import io.dunhub.hub.admin.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Finds who calls from the {@code Authorization: Bearer} header: the config's admin token (compared
 * in constant time) or a login token. 401 without or with an unknown token; 403 when the role may
 * not call the route.
 */
public final class Authenticator {

  private final Optional<Secret> adminToken;
  private final LoginSessions sessions;

  public Authenticator(Optional<Secret> adminToken, LoginSessions sessions) {
    this.adminToken = adminToken;
    this.sessions = sessions;
  }

  /** The caller, or 401. */
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new ApiError(
          401, "sign in: send Authorization: Bearer <token> (POST /api/login gives one)", null);
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw new ApiError(401, "the Authorization header must be 'Bearer <token>'", null);
    }
    String token = parts[1].trim();
    if (adminToken.isPresent()
        && MessageDigest.isEqual(
            adminToken.get().reveal().strip().getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8))) {
      return new Principal(Principal.ADMIN_TOKEN, Role.ADMIN, null);
    }
    return sessions
        .find(token)
        .orElseThrow(
            () -> new ApiError(401, "the token is unknown or expired; sign in again", null));
  }

  /** 403 unless the caller's role allows the access. */
  public static void authorize(Principal p, Access access) {
    if (!p.role().allows(access)) {
      throw new ApiError(
          403,
          "the role '"
              + p.role().label()
              + "' may not do this"
              + (access == Access.CASE_ACTION ? " (collectors and admins may)" : " (admins may)"),
          null);
    }
  }
}
