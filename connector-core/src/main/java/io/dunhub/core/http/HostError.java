package io.dunhub.core.http;

/**
 * What a host said about a failed call.
 *
 * @param message the host's own text ("Required param missing, need to supply the required value
 *     for the API"), or null when it said nothing readable
 * @param code the host's error code (a Salesforce {@code errorCode}, a QuickBooks {@code code}), or
 *     null
 * @param kind the kind this error really is when the status alone would mislead (Salesforce's 403
 *     {@code REQUEST_LIMIT_EXCEEDED} is retryable), or null to go by the status
 */
public record HostError(String message, String code, ErrorKind kind) {

  public static HostError of(String message) {
    return new HostError(message, null, null);
  }

  public static HostError none() {
    return new HostError(null, null, null);
  }
}
