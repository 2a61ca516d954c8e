package io.dunhub.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (token, password, key). Its {@link #toString()} is always masked, so a secret that
 * reaches a log line, an exception message or a debugger shows nothing. Read the value only with
 * {@link #reveal()}, at the last moment, where it is handed to the host.
 */
public final class Secret {
  private static final String MASK = "******";
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** A secret or null when the value is null; convenient for optional settings. */
  public static Secret ofNullable(String value) {
    return value == null ? null : new Secret(value);
  }

  /** The clear value. Never log it, never put it in an exception message. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return MASK;
  }
}
