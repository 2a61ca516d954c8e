package io.dunhub.hub.admin.auth;

/**
 * Who is calling: a signed-in user, or {@code admin-token} for the config's admin token.
 *
 * @param tokenHash the SHA-256 of the login token used, or null for the admin token
 */
public record Principal(String name, Role role, String tokenHash) {

  /** The name the admin token acts under in the audit log. */
  public static final String ADMIN_TOKEN = "admin-token";
}
