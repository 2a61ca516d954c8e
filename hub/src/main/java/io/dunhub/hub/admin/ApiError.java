package io.dunhub.hub.admin;

/**
 * An error answer of the admin API: {@code {"error": message, "field": field, "status": status}}.
 * Messages are for people and never carry a secret.
 */
public final class ApiError extends RuntimeException {

  private final int status;
  private final String field;
  private final transient Object details;

  public ApiError(int status, String message, String field, Object details) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.details = details;
  }

  public ApiError(int status, String message, String field) {
    this(status, message, field, null);
  }

  /** 400: one field of the request is wrong. */
  public static ApiError badField(String field, String message) {
    return new ApiError(400, field + ": " + message, field);
  }

  /** 404: no such thing. */
  public static ApiError notFound(String what) {
    return new ApiError(404, what + " not found", null);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  /** Extra JSON for the answer (every problem of a validation), or null. */
  public Object details() {
    return details;
  }
}
