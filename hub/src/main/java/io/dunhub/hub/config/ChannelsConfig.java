package io.dunhub.hub.config;

import io.dunhub.core.secret.Secret;
import java.net.URI;
import java.util.Optional;

/** The outbound channels notices go through. Either may be absent. */
public record ChannelsConfig(Optional<Smtp> email, Optional<Sms> sms) {

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (usually port 465). */
    SSL,
    /** No encryption: only for a local relay or a test server. */
    NONE
  }

  /** An SMTP server. */
  public record Smtp(
      String host,
      int port,
      Security security,
      Optional<String> username,
      Optional<Secret> password,
      String from) {}

  /** An HTTP SMS provider. */
  public record Sms(URI baseUrl, String account, Secret token, String from) {}

  public static ChannelsConfig none() {
    return new ChannelsConfig(Optional.empty(), Optional.empty());
  }
}
