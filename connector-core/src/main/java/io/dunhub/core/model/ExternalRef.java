package io.dunhub.core.model;

import java.util.Objects;

/**
 * Where a canonical record lives in a host: the configured connection (one org, realm or account),
 * the host's object type ({@code Account}, {@code Invoice}, {@code customer}) and the host's id.
 */
public record ExternalRef(String connection, String hostType, String hostId) {
  public ExternalRef {
    requireText(connection, "connection");
    requireText(hostType, "hostType");
    requireText(hostId, "hostId");
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name + " is required").isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return connection + "/" + hostType + "/" + hostId;
  }
}
