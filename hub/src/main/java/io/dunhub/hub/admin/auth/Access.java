package io.dunhub.hub.admin.auth;

/** Who may call a route. */
public enum Access {
  /** Anyone, signed in or not ({@code POST /api/login}). */
  PUBLIC,
  /** Every signed-in role: reads, and requests that change nothing (validate, preview). */
  READ,
  /** Collectors and admins: actions on dunning cases. */
  CASE_ACTION,
  /** Admins only: every other change. */
  ADMIN
}
