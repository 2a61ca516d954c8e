package io.dunhub.hub.demo;

import io.dunhub.hub.admin.auth.PasswordHasher;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The console's demo users (one per role, with known passwords) and the admin API token, written
 * into the demo's {@code admin} config section. Known passwords are fine here: the demo listens on
 * 127.0.0.1 only and its data is made up.
 */
final class DemoUsers {

  record User(String name, String role, String password) {}

  static final List<User> USERS =
      List.of(
          new User("admin", "admin", "demo-admin"),
          new User("collector", "collector", "demo-collector"),
          new User("viewer", "read-only", "demo-viewer"));

  private final String token;

  private DemoUsers(String token) {
    this.token = token;
  }

  static DemoUsers create() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return new DemoUsers("demo-" + HexFormat.of().formatHex(bytes));
  }

  /** The admin API token ({@code Authorization: Bearer ...}). */
  String token() {
    return token;
  }

  /** The {@code admin} section of the demo config. */
  String yaml() {
    PasswordHasher hasher = new PasswordHasher(10);
    StringBuilder b = new StringBuilder();
    b.append("admin:\n");
    b.append("  token: ").append(token).append('\n');
    b.append("  users:\n");
    for (User u : USERS) {
      b.append("    - name: ")
          .append(u.name())
          .append("\n      role: ")
          .append(u.role())
          .append("\n      passwordHash: \"")
          .append(hasher.hash(u.password()))
          .append("\"  # ")
          .append(u.password())
          .append('\n');
    }
    return b.toString();
  }

  static String describe() {
    StringBuilder b = new StringBuilder();
    for (User u : USERS) {
      b.append(b.length() > 0 ? " · " : "").append(u.name()).append(" / ").append(u.password());
    }
    return b.toString();
  }
}
