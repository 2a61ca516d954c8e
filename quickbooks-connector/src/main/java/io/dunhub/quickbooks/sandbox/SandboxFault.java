package io.dunhub.quickbooks.sandbox;

/** A fault to inject into the sandbox's next matching replies. */
public enum SandboxFault {
  /** 429 with {@code Fault.Error[0].code = 3001} (ThrottleExceeded). */
  THROTTLE,
  /** 500 with a {@code SystemFault} body. */
  SERVER_ERROR,
  /** 500 with an HTML body and no {@code Fault} (the SDK returns null for it). */
  SERVER_ERROR_NO_FAULT,
  /** 401 {@code AuthenticationFailed} even with a valid token. */
  UNAUTHORIZED,
  /** 400 {@code ValidationFault} "Invalid Reference Id" (code 2500): a permanent refusal. */
  VALIDATION,
  /**
   * The write is applied (and remembered under its {@code requestid}) but the reply is lost: 502
   * Bad Gateway from the edge. A retry with the same {@code requestid} gets the original reply.
   */
  LOST_RESPONSE,
  /** 503 Service Unavailable with no body (a gateway in front of QBO). */
  UNAVAILABLE
}
