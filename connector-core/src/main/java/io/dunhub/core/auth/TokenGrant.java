package io.dunhub.core.auth;

/**
 * The host call that turns a token into a fresh one: an OAuth refresh-token grant (QuickBooks,
 * NetSuite, Salesforce web-server flow), or a new JWT bearer grant. Each connector supplies its
 * own; {@link SingleFlightTokenRefresher} decides when to call it.
 */
@FunctionalInterface
public interface TokenGrant {

  /**
   * Asks the host for a new token.
   *
   * @param current the token in force (its refresh token, if any, is the one to use)
   * @return the new token; a null refresh token means the host did not rotate it, and the current
   *     one is kept
   * @throws io.dunhub.core.connector.AuthenticationException when the host refuses the grant
   *     (revoked, expired refresh token): a person must reconnect
   */
  OAuthToken refresh(OAuthToken current);
}
