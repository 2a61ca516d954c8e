package io.dunhub.salesforce.sandbox;

import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may log in to the sandbox org and the sessions it has handed out: the connected app (client
 * id, its certificate's public key for JWT bearer assertions, its secret for client credentials),
 * users' passwords for SOAP login, and live session ids with their expiry.
 */
public final class SandboxAuth {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong issued =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile String clientId;
  private volatile String clientSecret;
  private volatile RSAPublicKey certificateKey;
  private volatile String clientCredentialsUser;
  private volatile boolean appRevoked;
  private volatile Duration sessionTimeout = Duration.ofHours(2);
  private volatile String audience;

  /** A live session. */
  public record Session(String userId, Instant expiresAt) {}

  SandboxAuth(Clock clock) {
    this.clock = clock;
  }

  /** Registers the connected app: its consumer key and the public key of its certificate. */
  public void connectedApp(String clientId, RSAPublicKey certificateKey) {
    this.clientId = clientId;
    this.certificateKey = certificateKey;
  }

  /** Enables the client-credentials flow for the app, running as {@code runAsUserId}. */
  public void clientCredentials(String clientSecret, String runAsUserId) {
    this.clientSecret = clientSecret;
    this.clientCredentialsUser = runAsUserId;
  }

  /** Allows SOAP login for a user (development orgs). */
  public void password(String username, String password) {
    passwords.put(username.toLowerCase(java.util.Locale.ROOT), password);
  }

  /** The {@code aud} the token endpoint accepts (the login URL). */
  public void audience(String audience) {
    this.audience = audience;
  }

  public String audience() {
    return audience;
  }

  public void sessionTimeout(Duration timeout) {
    this.sessionTimeout = timeout;
  }

  /** Ends every session, as a session timeout or "log out all users" would. */
  public void expireAllSessions() {
    sessions.clear();
  }

  /** Revokes the app: sessions end and the token endpoint refuses it. */
  public void revokeApp() {
    appRevoked = true;
    sessions.clear();
  }

  /** Sessions handed out so far (token grants and SOAP logins). */
  public long sessionsIssued() {
    return issued.get();
  }

  public int liveSessions() {
    return sessions.size();
  }

  String clientId() {
    return clientId;
  }

  String clientSecret() {
    return clientSecret;
  }

  RSAPublicKey certificateKey() {
    return certificateKey;
  }

  String clientCredentialsUser() {
    return clientCredentialsUser;
  }

  boolean appRevoked() {
    return appRevoked;
  }

  boolean passwordMatches(String username, String password) {
    String expected = passwords.get(username.toLowerCase(java.util.Locale.ROOT));
    return expected != null && expected.equals(password);
  }

  /** Opens a session for a user and returns its id (shaped like {@code 00D...!AQ...}). */
  String open(String orgId, String userId) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = orgId.substring(0, 15) + "!AQ" + HexFormat.of().formatHex(bytes);
    sessions.put(token, new Session(userId, clock.instant().plus(sessionTimeout)));
    issued.incrementAndGet();
    return token;
  }

  /** The live session for a session id. */
  Optional<Session> session(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Session s = sessions.get(token);
    if (s != null && !s.expiresAt().isAfter(clock.instant())) {
      sessions.remove(token);
      return Optional.empty();
    }
    return Optional.ofNullable(s);
  }

  long sessionSeconds() {
    return sessionTimeout.toSeconds();
  }
}
