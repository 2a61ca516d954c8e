package io.dunhub.salesforce.sandbox;

import java.util.List;

/**
 * An error the sandbox reports the way Salesforce does: either as a whole-call SOAP fault ({@link
 * #fault} true: {@code INVALID_SESSION_ID}, {@code MALFORMED_QUERY}, {@code
 * REQUEST_LIMIT_EXCEEDED}, ...) or as one record's {@code <errors>} entry in a save result.
 *
 * @see SoapWriter#fault
 */
public final class SandboxException extends RuntimeException {
  private final String code;
  private final List<String> fields;
  private final String faultType;

  private SandboxException(String code, String message, List<String> fields, String faultType) {
    super(message);
    this.code = code;
    this.fields = List.copyOf(fields);
    this.faultType = faultType;
  }

  /** A fault of the whole call; {@code faultType} is the detail's type ({@code sf:ApiFault}...). */
  public static SandboxException fault(String faultType, String code, String message) {
    return new SandboxException(code, message, List.of(), faultType);
  }

  /** A per-record error. */
  public static SandboxException record(String code, String message, String... fields) {
    return new SandboxException(code, message, List.of(fields), null);
  }

  public String code() {
    return code;
  }

  public List<String> fields() {
    return fields;
  }

  /** The fault detail type, or null for a record error. */
  public String faultType() {
    return faultType;
  }

  public boolean isFault() {
    return faultType != null;
  }
}
