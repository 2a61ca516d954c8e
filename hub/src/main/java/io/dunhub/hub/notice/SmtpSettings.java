package io.dunhub.hub.notice;

import io.dunhub.core.secret.Secret;
import java.time.Duration;

/**
 * How to reach the SMTP server.
 *
 * @param security {@code NONE}, {@code STARTTLS} (required, port 587) or {@code SSL} (implicit TLS,
 *     port 465)
 * @param username null for no authentication
 * @param fromAddress the envelope and header sender; its domain ends every {@code Message-ID}
 */
public record SmtpSettings(
    String host,
    int port,
    Security security,
    String username,
    Secret password,
    String fromAddress,
    String fromName,
    String replyTo,
    Duration timeout) {

  /** Transport security. */
  public enum Security {
    NONE,
    STARTTLS,
    SSL
  }

  @Override
  public String toString() {
    return "smtp://"
        + (username == null ? "" : username + "@")
        + host
        + ":"
        + port
        + " ("
        + security
        + ")";
  }
}
