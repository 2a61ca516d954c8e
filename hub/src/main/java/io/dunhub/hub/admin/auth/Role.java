package io.dunhub.hub.admin.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do: {@code admin} everything; {@code collector} read and act on dunning cases;
 * {@code read-only} read.
 */
public enum Role {
  ADMIN("admin"),
  COLLECTOR("collector"),
  READ_ONLY("read-only");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The name used in the config, the store and the API. */
  public String label() {
    return label;
  }

  public static Optional<Role> of(String label) {
    String l = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.label.equals(l)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Whether the role may call a route of this access level. */
  public boolean allows(Access access) {
    return switch (access) {
      case PUBLIC, READ -> true;
      case CASE_ACTION -> this == ADMIN || this == COLLECTOR;
      case ADMIN -> this == ADMIN;
    };
  }
}
