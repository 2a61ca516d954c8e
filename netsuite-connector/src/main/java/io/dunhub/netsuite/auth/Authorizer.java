package io.dunhub.netsuite.auth;

/** Puts credentials on one NetSuite REST call. */
public interface Authorizer {

  /** The {@code Authorization} header for a call. */
  String header(String method, String url);

  /**
   * The host refused {@code header} with 401. Returns true when fresh credentials are now in place
   * and the call is worth one more try (an OAuth 2.0 token that expired early), false when the
   * credentials themselves are wrong.
   */
  boolean renewAfterRejection(String header);
}
