package io.dunhub.quickbooks.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intuit's OAuth 2.0 token endpoint as the sandbox plays it: access tokens last an hour, every
 * refresh returns a new refresh token and retires the one used, a revoked realm's tokens stop
 * working.
 */
final class SandboxOAuth {

  static final Duration ACCESS_TTL = Duration.ofHours(1);
  static final Duration REFRESH_TTL = Duration.ofDays(101);

  private final Clock clock;
  private final String clientId;
  private final String clientSecret;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> accessTokens = new HashMap<>();
  private final Map<String, Grant> refreshTokens = new HashMap<>();
  private final AtomicInteger refreshes = new AtomicInteger();

  private record Grant(String realm, Instant expiresAt) {}

  /** Tokens as issued. */
  record Issued(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {}

  SandboxOAuth(Clock clock, String clientId, String clientSecret) {
    this.clock = clock;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** Tokens for a realm, as if an admin had just consented. */
  synchronized Issued issue(String realm) {
    String access = "qbo-at-" + token();
    String refresh = "qbo-rt-" + token();
    Instant now = clock.instant();
    accessTokens.put(access, new Grant(realm, now.plus(ACCESS_TTL)));
    refreshTokens.put(refresh, new Grant(realm, now.plus(REFRESH_TTL)));
    return new Issued(
        access,
        refresh,
        ACCESS_TTL.toSeconds(),
        Duration.between(now, now.plus(REFRESH_TTL)).toSeconds());
  }

  /** The realm a valid access token belongs to. */
  synchronized Optional<String> realmOf(String accessToken) {
    Grant g = accessTokens.get(accessToken);
    if (g == null || !g.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(g.realm());
  }

  /** Exchanges a refresh token; the old one is retired (Intuit rotates refresh tokens). */
  synchronized Optional<Issued> refresh(String refreshToken) {
    Grant g = refreshTokens.remove(refreshToken);
    if (g == null || !g.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    refreshes.incrementAndGet();
    return Optional.of(issue(g.realm()));
  }

  /** Whether a {@code Basic} authorization header names this app. */
  boolean clientMatches(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return false;
    }
    String expected =
        Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + clientSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return authorization.substring(6).trim().equals(expected);
  }

  /** Disconnects a realm: every token it has stops working. */
  synchronized void revoke(String realm) {
    accessTokens.values().removeIf(g -> g.realm().equals(realm));
    refreshTokens.values().removeIf(g -> g.realm().equals(realm));
  }

  /** Expires every access token of a realm now (refresh tokens stay valid). */
  synchronized void expireAccessTokens(String realm) {
    accessTokens.values().removeIf(g -> g.realm().equals(realm));
  }

  int refreshCount() {
    return refreshes.get();
  }

  private String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
